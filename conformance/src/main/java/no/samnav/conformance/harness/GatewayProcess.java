package no.samnav.conformance.harness;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real gateway ({@code gateway/target/samnav-gateway.jar}) as a child JVM on a data directory
 * of its own: started, waited for through {@code /actuator/health}, and killed with SIGKILL
 * ({@link Process#destroyForcibly()}). A JVM shutdown hook kills a child that is still running, so
 * an aborted harness never leaves a gateway behind.
 */
public final class GatewayProcess implements AutoCloseable {

    private final Path jar;
    private final Path dataDir;
    private final List<String> jvmArgs;
    private final List<String> settings;
    private final Duration startupTimeout;
    private final java.util.Map<String, String> environment = new java.util.HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread hook = new Thread(this::killQuietly, "samnav-harness-kill-gateway");
    private Process process;
    private String logName = "gateway";
    private List<String> commandPrefix = List.of();
    private int starts;
    private volatile int port;

    /**
     * @param settings gateway arguments such as {@code --samnav.file-poll-interval=100ms}
     */
    public GatewayProcess(Path jar, Path dataDir, List<String> jvmArgs, List<String> settings, Duration startupTimeout) {
        this.jar = jar;
        this.dataDir = dataDir;
        this.jvmArgs = List.copyOf(jvmArgs);
        this.settings = List.copyOf(settings);
        this.startupTimeout = startupTimeout;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Environment variables for the gateway process: where secrets (a database password) go, never the command line. */
    public GatewayProcess withEnvironment(java.util.Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /** The name of the gateway's console logs ({@code <name>-<start>.log}), when several gateways share a data directory. */
    public GatewayProcess withLogName(String name) {
        this.logName = name;
        return this;
    }

    /** A command the JVM is started under, e.g. {@code taskset -c 1} to keep it on one core. */
    public GatewayProcess withCommandPrefix(List<String> prefix) {
        this.commandPrefix = List.copyOf(prefix);
        return this;
    }

    /** Starts the gateway and returns once its health endpoint says UP; returns the start-up time. */
    public synchronized Duration start() throws IOException {
        if (process != null && process.isAlive()) throw new IllegalStateException("gateway already running");
        port = freePort();
        Path logs = Files.createDirectories(dataDir.resolve("gateway-logs"));
        Path log = logs.resolve(logName + "-" + (++starts) + ".log");
        List<String> command = new ArrayList<>(commandPrefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        command.add("--samnav.data-dir=" + dataDir);
        // the harness's journal systems use folders: no broker port that could collide with another gateway
        command.add("--samnav.broker.tcp-enabled=false");
        command.addAll(settings);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("SAMNAV_DATA_DIR", dataDir.toString());
        pb.environment().putAll(environment);
        long t0 = System.nanoTime();
        Process started = pb.start();
        process = started;
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
        try {
            await("gateway start " + starts + " (log " + log + ")").atMost(startupTimeout)
                    .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> {
                        if (!started.isAlive()) throw new IllegalStateException("exited with " + started.exitValue());
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        return r.statusCode() == 200 && r.body().contains("\"UP\"");
                    });
        } catch (RuntimeException e) {
            killQuietly();
            throw new IllegalStateException("the gateway did not start: " + e.getMessage() + "\n" + tail(log), e);
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** The HTTP base of the running gateway, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL: no shutdown hook, no flush, no graceful stop of routes or broker. */
    public synchronized void kill() throws InterruptedException {
        if (process == null) return;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("gateway did not die");
        process = null;
    }

    /**
     * SIGTERM: the gateway's graceful stop (routes finish their exchanges, the store is closed);
     * returns how long it took. Fails when the gateway is still running after {@code atMost}.
     */
    public synchronized Duration stop(Duration atMost) throws InterruptedException {
        if (process == null) return Duration.ZERO;
        long t0 = System.nanoTime();
        process.destroy();
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the gateway did not stop within " + atMost);
        }
        process = null;
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    private synchronized void killQuietly() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        killQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or will run
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
