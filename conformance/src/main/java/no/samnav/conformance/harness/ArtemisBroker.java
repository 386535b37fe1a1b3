package no.samnav.conformance.harness;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A standalone ActiveMQ Artemis broker from the Apache distribution ({@code apache-artemis-<v>-bin},
 * from Maven Central, unpacked by the conformance build into {@code target/artemis}): an instance
 * made with {@code artemis create}, run with {@code artemis run} as a child process, killed with
 * SIGKILL. Its state is read from its log (the broker's own AMQ message codes).
 */
public final class ArtemisBroker implements AutoCloseable {

    /** AMQ221007: a primary (or a backup that took over) accepts clients. */
    static final String ACTIVE = "AMQ221007";
    /** AMQ221109: a backup started and waits for its primary to fail. */
    static final String BACKUP_WAITING = "AMQ221109";
    /** AMQ221010: a backup took over from its primary. */
    static final String BACKUP_ACTIVE = "AMQ221010";

    private final String name;
    private final Path instance;
    private final Path log;
    private final Thread hook = new Thread(this::killQuietly, "samnav-harness-kill-broker");
    private Process process;

    private ArtemisBroker(String name, Path instance) {
        this.name = name;
        this.instance = instance;
        this.log = instance.resolve("log").resolve("run.log");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The Artemis distribution the conformance build unpacked, or {@code samnav.cluster.artemis-home}. */
    public static Path distribution() {
        String explicit = System.getProperty("samnav.cluster.artemis-home");
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit).toAbsolutePath();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path unpacked : List.of(dir.resolve("conformance/target/artemis"), dir.resolve("target/artemis"))) {
                if (!Files.isDirectory(unpacked)) continue;
                try (var homes = Files.list(unpacked)) {
                    var home = homes.filter(h -> Files.isRegularFile(h.resolve("bin/artemis"))).findFirst();
                    if (home.isPresent()) return home.get();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("the Artemis distribution was not found under conformance/target/artemis"
                + " (mvn package unpacks it; or set -Dsamnav.cluster.artemis-home=...)");
    }

    /**
     * {@code artemis create <instance> <arguments>} (the same arguments the official container image
     * passes: user, password, {@code --silent}, {@code --require-login}, and compose's {@code EXTRA_ARGS}).
     */
    public static ArtemisBroker create(Path home, String name, Path instance, List<String> arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", home.resolve("bin/artemis").toString(), "create",
                instance.toString()));
        command.addAll(arguments);
        Files.createDirectories(instance.getParent());
        Path createLog = instance.getParent().resolve(name + "-create.log");
        Process create = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(createLog.toFile()).start();
        if (!create.waitFor(2, TimeUnit.MINUTES) || create.exitValue() != 0) {
            throw new IllegalStateException("artemis create " + name + " failed:\n" + Files.readString(createLog));
        }
        return new ArtemisBroker(name, instance);
    }

    /** The instance's {@code etc} folder (broker.xml, broker.properties). */
    public Path etc() {
        return instance.resolve("etc");
    }

    /** Starts the broker; returns once its log shows {@code expectedCode} ({@link #ACTIVE} or {@link #BACKUP_WAITING}). */
    public synchronized void start(String expectedCode, Duration timeout) throws IOException {
        if (process != null && process.isAlive()) throw new IllegalStateException(name + " already running");
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", instance.resolve("bin/artemis").toString(), "run")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        process = pb.start();
        awaitLog(expectedCode, timeout);
    }

    /** Waits for an AMQ code in the broker's log. */
    public void awaitLog(String code, Duration timeout) {
        try {
            await(name + " " + code + " (log " + log + ")").atMost(timeout).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        Process p = process;
                        if (p == null || !p.isAlive()) throw new IllegalStateException(name + " exited:\n" + tail());
                        return Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(code);
                    });
        } catch (RuntimeException e) {
            throw new IllegalStateException(name + ": " + e.getMessage() + "\n" + tail(), e);
        }
    }

    /** SIGKILL: no failover-on-shutdown, no journal flush; the backup notices the lost lock. */
    public synchronized void kill() throws InterruptedException {
        if (process == null) return;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException(name + " did not die");
        process = null;
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public String name() {
        return name;
    }

    private synchronized void killQuietly() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException ignored) {
            // the harness is ending anyway
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

    private String tail() {
        try {
            if (!Files.exists(log)) return "(no log)";
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
