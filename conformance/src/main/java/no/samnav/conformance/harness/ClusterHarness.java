package no.samnav.conformance.harness;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The production shape of {@code docker/compose.yml} as processes on this machine: a standalone
 * ActiveMQ Artemis primary/backup pair with a shared journal (the Apache distribution), PostgreSQL
 * (a fresh schema in the database {@code .ci/postgres.sh} sets up) and two gateway JVMs, each
 * configured with the environment compose gives its container ({@link ClusterTopology}). Then:
 * <ol>
 * <li><b>scale</b>: the demo journal systems (notes between the participants, each answered with an
 * AppRec) in a closed loop against one node, then against both: messages per second through the
 * gateway (notes delivered plus AppRecs back) with one node and with two;</li>
 * <li><b>failover</b>: notes at a steady rate; a third of the way through, kill -9 of gateway node 1;
 * two thirds through, kill -9 of the broker primary (the backup takes over the journal);</li>
 * <li>every note of both phases reached its receiver exactly once, in its version, and every
 * sender got its AppRec exactly once.</li>
 * </ol>
 * Settings ({@code samnav.cluster.*} system properties): {@code warmup} (s, 180: the JIT compiler
 * needs over two minutes, see the load harness), {@code seconds}
 * (each measurement, 30), {@code window} (notes in flight, 200), {@code messages} (failover phase,
 * 600), {@code rate} (notes/s in the failover phase, 40), {@code poll-interval} (the gateways' file
 * poll interval, 50ms), {@code jvm-args} (each gateway, {@code -Xmx512m}), {@code pin-nodes} (run
 * gateway node i on core i with {@code taskset}, false), {@code work-dir}.
 * PostgreSQL from {@code SAMNAV_TEST_POSTGRES_URL}, {@code SAMNAV_TEST_PG_USER},
 * {@code SAMNAV_TEST_PG_PASSWORD}.
 *
 * <p>{@code java -cp conformance/target/samnav-conformance.jar no.samnav.conformance.harness.ClusterHarness};
 * exit code 0 only when nothing was lost or doubled.
 */
public final class ClusterHarness {

    /** How long and how hard. */
    public record Settings(int warmupSeconds, int seconds, int window, int messages, double rate, String pollInterval,
            List<String> jvmArgs, boolean pinNodes) {

        public Settings(int warmupSeconds, int seconds, int window, int messages, double rate, String pollInterval,
                List<String> jvmArgs) {
            this(warmupSeconds, seconds, window, messages, rate, pollInterval, jvmArgs, false);
        }

        public static Settings fromSystemProperties() {
            return new Settings(Integer.getInteger("samnav.cluster.warmup", 180), Integer.getInteger("samnav.cluster.seconds", 30),
                    Integer.getInteger("samnav.cluster.window", 200), Integer.getInteger("samnav.cluster.messages", 600),
                    Double.parseDouble(System.getProperty("samnav.cluster.rate", "40")),
                    System.getProperty("samnav.cluster.poll-interval", "50ms"),
                    Arrays.asList(System.getProperty("samnav.cluster.jvm-args", "-Xmx512m").trim().split("\\s+")),
                    Boolean.getBoolean("samnav.cluster.pin-nodes"));
        }
    }

    /** Where the PostgreSQL database is: a JDBC URL {@code jdbc:postgresql://host:port/database} and its login. */
    public record Postgres(String url, String user, String password) {

        public static Postgres fromEnvironment() {
            String url = System.getProperty("samnav.test.postgres-url");
            if (url == null || url.isBlank()) url = System.getenv("SAMNAV_TEST_POSTGRES_URL");
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("set SAMNAV_TEST_POSTGRES_URL, SAMNAV_TEST_PG_USER, SAMNAV_TEST_PG_PASSWORD (.ci/postgres.sh)");
            }
            return new Postgres(url, System.getenv("SAMNAV_TEST_PG_USER"), System.getenv("SAMNAV_TEST_PG_PASSWORD"));
        }

        String hostPort() {
            String rest = url.substring("jdbc:postgresql://".length());
            return rest.substring(0, rest.indexOf('/'));
        }

        String database() {
            String rest = url.substring("jdbc:postgresql://".length());
            String db = rest.substring(rest.indexOf('/') + 1);
            int q = db.indexOf('?');
            return q < 0 ? db : db.substring(0, q);
        }
    }

    /** The outcome of a run. */
    public record Result(double oneNode, double twoNodes, int notes, int delivered, int appRecsBack, long filesRead,
            Duration brokerFailover, Duration elapsed, Set<String> metrics, String health, List<String> problems,
            Path workDir) {

        public double scaleFactor() {
            return oneNode == 0 ? 0 : twoNodes / oneNode;
        }

        public boolean passed() {
            return problems.isEmpty() && delivered == notes && appRecsBack == notes && filesRead == 2L * notes;
        }

        public String summary() {
            return String.format(java.util.Locale.ROOT,
                    "cluster harness: one node %.1f msg/s, two nodes %.1f msg/s, scale factor %.2f; %d notes, delivered %d,"
                            + " AppRecs back %d, inbox files read %d (expected %d); broker failover (kill -9 of the primary"
                            + " to the backup active) %.1f s; %d s in all; problems: %s%n  work dir %s",
                    oneNode, twoNodes, scaleFactor(), notes, delivered, appRecsBack, filesRead, 2L * notes,
                    brokerFailover.toMillis() / 1000.0, elapsed.toSeconds(),
                    problems.isEmpty() ? "none" : problems.size() + "\n  " + String.join("\n  ", problems.subList(0, Math.min(50, problems.size()))),
                    workDir);
        }
    }

    /** Variables only the harness sets on the gateways (compose has no need of them). */
    static final Set<String> HARNESS_ONLY = Set.of("SPRING_FLYWAY_SCHEMAS");

    private final Path workDir;
    private final Path jar;
    private final Path sample;
    private final Path composeFile;
    private final Path artemisHome;
    private final Postgres postgres;
    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public ClusterHarness(Path workDir, Path jar, Path sample, Path composeFile, Path artemisHome, Postgres postgres,
            Settings settings) {
        this.workDir = workDir;
        this.jar = jar;
        this.sample = sample;
        this.composeFile = composeFile;
        this.artemisHome = artemisHome;
        this.postgres = postgres;
        this.settings = settings;
    }

    public static ClusterHarness fromSystemProperties() throws IOException {
        Path work = HarnessFiles.workDir("samnav.cluster.work-dir", "samnav-cluster-");
        return new ClusterHarness(work, HarnessFiles.gatewayJar(), HarnessFiles.sample(), HarnessFiles.composeFile(),
                ArtemisBroker.distribution(), Postgres.fromEnvironment(), Settings.fromSystemProperties());
    }

    public Result run() throws Exception {
        Instant start = Instant.now();
        ComposeFile compose = ComposeFile.read(composeFile);
        String schema = "samnav_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = DriverManager.getConnection(postgres.url(), postgres.user(), postgres.password());
                Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        Path shared = Files.createDirectories(workDir.resolve("samnav-data"));
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("ARTEMIS_PASSWORD", secret());
        variables.put("ARTEMIS_CLUSTER_PASSWORD", secret());
        variables.put("POSTGRES_DB", postgres.database());
        variables.put("POSTGRES_USER", postgres.user());
        variables.put("POSTGRES_PASSWORD", postgres.password());
        variables.put("SAMNAV_FILE_POLL_INTERVAL", settings.pollInterval());
        Map<String, String> endpoints = new LinkedHashMap<>();
        Map<String, Integer> brokerPorts = new LinkedHashMap<>();
        for (String broker : ClusterTopology.brokerServices(compose)) {
            int port = freeArtemisPort(brokerPorts.values());
            brokerPorts.put(broker, port);
            endpoints.put(broker + ":" + ClusterTopology.ARTEMIS_PORT, "127.0.0.1:" + port);
        }
        endpoints.put("postgres:5432", postgres.hostPort());
        Map<String, Path> paths = Map.of("/var/lib/samnav", shared, "/var/log/samnav", workDir.resolve("logs"),
                "/var/lib/artemis-shared", workDir.resolve("artemis-shared"),
                "/etc/samnav", Files.createDirectories(workDir.resolve("etc-samnav")));
        ClusterTopology topology = new ClusterTopology(compose, variables, endpoints, paths);

        List<ArtemisBroker> brokers = new ArrayList<>();
        List<GatewayProcess> gateways = new ArrayList<>();
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(3, r -> {
            Thread t = new Thread(r, "samnav-cluster-harness");
            t.setDaemon(true);
            return t;
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try {
            ArtemisBroker primary = null;
            ArtemisBroker backup = null;
            for (ClusterTopology.Broker b : topology.brokers()) {
                List<String> args = new ArrayList<>(b.createArguments());
                args.addAll(List.of("--port-offset", String.valueOf(brokerPorts.get(b.service()) - ClusterTopology.ARTEMIS_PORT)));
                ArtemisBroker broker = ArtemisBroker.create(artemisHome, b.service(), workDir.resolve("artemis").resolve(b.service()), args);
                for (var etc : b.etcFiles().entrySet()) Files.copy(etc.getValue(), broker.etc().resolve(etc.getKey()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                brokers.add(broker);
                if (b.backup()) backup = broker;
                else primary = broker;
            }
            if (primary == null || backup == null) throw new IllegalStateException("compose has no broker primary and backup");
            primary.start(ArtemisBroker.ACTIVE, Duration.ofMinutes(2));
            backup.start(ArtemisBroker.BACKUP_WAITING, Duration.ofMinutes(2));
            System.out.printf("cluster harness: brokers %s, work dir %s%n", brokerPorts, workDir);

            for (String service : compose.gatewayServices()) {
                Map<String, String> env = new LinkedHashMap<>(topology.gatewayEnvironment(service));
                String url = env.get("SPRING_DATASOURCE_URL");
                env.put("SPRING_DATASOURCE_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
                env.put("SPRING_FLYWAY_SCHEMAS", schema);
                GatewayProcess node = new GatewayProcess(jar, shared, settings.jvmArgs(), List.of(), Duration.ofMinutes(3))
                        .withEnvironment(env).withLogName(service);
                if (settings.pinNodes()) {
                    // node i on core i: one node has one core, two nodes two (the brokers, PostgreSQL
                    // and the harness itself are not pinned and share both)
                    int core = gateways.size() % Runtime.getRuntime().availableProcessors();
                    node.withCommandPrefix(List.of("taskset", "-c", String.valueOf(core)));
                }
                gateways.add(node);
            }
            if (gateways.size() < 2) throw new IllegalStateException("compose has fewer than two gateway services");

            JournalSystems journals = new JournalSystems(shared, new HarnessMessages(sample), true);
            ScheduledFuture<?> reader = journals.readContinuously(timers, failure);
            Random random = new Random(42);

            System.out.printf("  %s started in %d s%n", compose.gatewayServices().get(0), gateways.get(0).start().toSeconds());
            double one = sustained(journals, random, failure);
            System.out.printf("  one node: %.1f msg/s%n", one);
            System.out.printf("  %s started in %d s%n", compose.gatewayServices().get(1), gateways.get(1).start().toSeconds());
            double two = sustained(journals, random, failure);
            System.out.printf("  two nodes: %.1f msg/s%n", two);

            Duration failover = failover(journals, random, failure, gateways.get(0), primary, backup, timers);
            awaitCompletion(journals, failure);
            reader.cancel(false);
            if (failure.get() != null) throw new IllegalStateException("harness failure", failure.get());
            Set<String> metrics = metricNames(gateways.get(1));
            return new Result(one, two, journals.sentCount(), journals.deliveredCount(), journals.appRecsBackCount(),
                    journals.filesRead(), failover, Duration.between(start, Instant.now()), metrics,
                    health(gateways.get(1)), journals.verify(), workDir);
        } finally {
            timers.shutdownNow();
            gateways.forEach(GatewayProcess::close);
            brokers.forEach(ArtemisBroker::close);
            try (Connection c = DriverManager.getConnection(postgres.url(), postgres.user(), postgres.password());
                    Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** Closed loop: at most {@code window} notes unanswered; messages through the gateway (notes + AppRecs) per second. */
    private double sustained(JournalSystems journals, Random random, AtomicReference<Throwable> failure) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sender = new Thread(() -> {
            while (running.get()) {
                if (journals.sentCount() - journals.appRecsBackCount() >= settings.window()) {
                    LockSupport.parkNanos(1_000_000);
                    continue;
                }
                try {
                    DemoParticipant[] pair = JournalSystems.pair(random);
                    journals.send(pair[0], pair[1]);
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                    return;
                }
            }
        }, "samnav-cluster-sender");
        sender.start();
        try {
            TimeUnit.SECONDS.sleep(settings.warmupSeconds());
            long before = journals.deliveredCount() + (long) journals.appRecsBackCount();
            long t0 = System.nanoTime();
            TimeUnit.SECONDS.sleep(settings.seconds());
            long after = journals.deliveredCount() + (long) journals.appRecsBackCount();
            return (after - before) / ((System.nanoTime() - t0) / 1e9);
        } finally {
            running.set(false);
            sender.join();
            if (failure.get() != null) throw new IllegalStateException("harness failure", failure.get());
        }
    }

    /** Notes at a steady rate; kill -9 of gateway node 1 a third of the way, of the broker primary two thirds. */
    private Duration failover(JournalSystems journals, Random random, AtomicReference<Throwable> failure, GatewayProcess node,
            ArtemisBroker primary, ArtemisBroker backup, ScheduledExecutorService timers) throws Exception {
        AtomicInteger dropped = new AtomicInteger();
        long period = Math.max(1, (long) (1_000_000_000L / settings.rate()));
        ScheduledFuture<?> sender = timers.scheduleAtFixedRate(() -> {
            if (dropped.get() >= settings.messages()) return;
            try {
                DemoParticipant[] pair = JournalSystems.pair(random);
                journals.send(pair[0], pair[1]);
                dropped.incrementAndGet();
            } catch (IOException | RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }, 0, period, TimeUnit.NANOSECONDS);
        Duration generous = Duration.ofSeconds(60 + (long) (settings.messages() / settings.rate()));
        await("a third of the failover notes sent").atMost(generous).until(() -> dropped.get() >= settings.messages() / 3);
        node.kill();
        System.out.printf("  kill -9 of the first gateway node after %d of %d notes%n", dropped.get(), settings.messages());
        await("two thirds of the failover notes sent").atMost(generous).until(() -> dropped.get() >= 2 * settings.messages() / 3);
        long t0 = System.nanoTime();
        primary.kill();
        System.out.printf("  kill -9 of the broker primary after %d of %d notes%n", dropped.get(), settings.messages());
        backup.awaitLog(ArtemisBroker.BACKUP_ACTIVE, Duration.ofMinutes(2));
        Duration failover = Duration.ofNanos(System.nanoTime() - t0);
        await("every failover note sent").atMost(generous).until(() -> dropped.get() >= settings.messages());
        sender.cancel(false);
        return failover;
    }

    private static void awaitCompletion(JournalSystems journals, AtomicReference<Throwable> failure) {
        Duration generous = Duration.ofMinutes(5);
        try {
            await("every note delivered and answered").atMost(generous).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (failure.get() != null) throw new IllegalStateException("harness failure", failure.get());
                        return journals.deliveredCount() == journals.sentCount() && journals.appRecsBackCount() == journals.sentCount();
                    });
            // a quiet period: a late duplicate (a redelivery after the failovers) would show here
            journals.awaitQuiet(generous);
        } catch (ConditionTimeoutException e) {
            // reported as lost notes or missing AppRecs
            System.out.println("  " + e.getMessage());
        }
    }

    /** What a running gateway answers at {@code /actuator/health} (its components' status). */
    private String health(GatewayProcess gateway) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

        /** The metric names a running gateway exports at {@code /actuator/prometheus}. */
    private Set<String> metricNames(GatewayProcess gateway) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("/actuator/prometheus answered " + r.statusCode());
        Set<String> names = new TreeSet<>();
        r.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
        return names;
    }

    private static String secret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A free port above the brokers' container port (Artemis shifts all its ports by one offset). */
    private static int freeArtemisPort(java.util.Collection<Integer> taken) throws IOException {
        for (int port = ClusterTopology.ARTEMIS_PORT + 1000; port < 65000; port += 7) {
            if (taken.contains(port)) continue;
            try (ServerSocket s = new ServerSocket(port)) {
                s.setReuseAddress(true);
                return port;
            } catch (IOException inUse) {
                // try the next
            }
        }
        throw new IOException("no free port for a broker");
    }

    public static void main(String[] args) throws Exception {
        Result result = fromSystemProperties().run();
        System.out.println(result.summary());
        System.exit(result.passed() ? 0 : 1);
    }
}
