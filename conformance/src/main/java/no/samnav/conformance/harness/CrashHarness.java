package no.samnav.conformance.harness;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The crash harness: the real gateway jar in its own JVM on a fresh data directory, N notes
 * dropped at a steady rate into the outboxes of the demo participants (addressed to one another),
 * the receiving journal systems answering every note with an AppRec, one clean stop and start under
 * traffic (halfway to the first kill; that start compacts the embedded store), and K kill -9 of the
 * gateway at random points of the traffic, each followed by a restart. At the end every note must have
 * reached its receiver exactly once and every sender must have its receiver's AppRec exactly once,
 * in the sender's version.
 *
 * <p>Settings (system properties): {@code samnav.harness.messages} (N, 300),
 * {@code samnav.harness.kills} (K, 3), {@code samnav.harness.rate} (notes per second, 100),
 * {@code samnav.harness.seed}, {@code samnav.harness.data-dir} (default: a new temporary folder),
 * {@code samnav.harness.gateway-jar}, {@code samnav.harness.sample},
 * {@code samnav.harness.jvm-args} (for the gateway JVM, space separated, default {@code -Xmx1g}),
 * {@code samnav.harness.poll-interval} (the gateway's file poll interval, 100ms).
 *
 * <p>Standalone: {@code java -Dsamnav.harness.messages=20000 -Dsamnav.harness.kills=20 -cp
 * conformance/target/samnav-conformance.jar no.samnav.conformance.harness.CrashHarness}; exit code
 * 0 only when nothing was lost or doubled.
 */
public final class CrashHarness {

    /** The outcome of a run. */
    public record Result(int messages, int kills, Duration elapsed, List<Duration> restarts, int delivered,
            int appRecsBack, long filesRead, List<String> problems, List<String> gatewayWarnings, int compactions,
            int recoveries, int interruptedSettled, Path dataDir) {

        public boolean passed() {
            return problems.isEmpty() && delivered == messages && appRecsBack == messages;
        }

        public String summary() {
            return "crash harness: " + messages + " notes, a clean restart and " + kills + " kill -9 + restart, " + elapsed.toSeconds()
                    + " s; delivered " + delivered + ", AppRecs back " + appRecsBack + ", inbox files read " + filesRead
                    + " (expected " + 2L * messages + "); store compacted at " + compactions + " start(s), looked through after a kill at "
                    + recoveries + " (transactions the kill interrupted settled at " + interruptedSettled + "); restarts took " + restarts.stream().map(d -> d.toMillis() / 100 / 10.0 + " s").toList()
                    + "; problems: " + (problems.isEmpty() ? "none" : problems.size() + "\n  " + String.join("\n  ", problems.subList(0, Math.min(50, problems.size()))))
                    + (problems.isEmpty() || gatewayWarnings.isEmpty() ? "" : "\n  the gateway's warnings and errors (first of each kind):\n    "
                            + String.join("\n    ", gatewayWarnings))
                    + "\n  data dir " + dataDir;
        }
    }

    private final int messages;
    private final int kills;
    private final double rate;
    private final long seed;
    private final Path dataDir;
    private final Path jar;
    private final Path sample;
    private final List<String> jvmArgs;
    private final String pollInterval;

    public CrashHarness(int messages, int kills, double rate, long seed, Path dataDir, Path jar, Path sample,
            List<String> jvmArgs, String pollInterval) {
        this.messages = messages;
        this.kills = kills;
        this.rate = rate;
        this.seed = seed;
        this.dataDir = dataDir;
        this.jar = jar;
        this.sample = sample;
        this.jvmArgs = jvmArgs;
        this.pollInterval = pollInterval;
    }

    /** A harness configured by the {@code samnav.harness.*} system properties. */
    public static CrashHarness fromSystemProperties() throws IOException {
        Path dataDir = HarnessFiles.workDir("samnav.harness.data-dir", "samnav-crash-");
        return new CrashHarness(Integer.getInteger("samnav.harness.messages", 300),
                Integer.getInteger("samnav.harness.kills", 3),
                Double.parseDouble(System.getProperty("samnav.harness.rate", "100")),
                Long.getLong("samnav.harness.seed", System.nanoTime()), dataDir, HarnessFiles.gatewayJar(),
                HarnessFiles.sample(),
                Arrays.asList(System.getProperty("samnav.harness.jvm-args", "-Xmx1g").trim().split("\\s+")),
                System.getProperty("samnav.harness.poll-interval", "100ms"));
    }

    public Result run() throws IOException, InterruptedException, java.util.concurrent.ExecutionException {
        System.out.printf("crash harness: N=%d K=%d rate=%.0f/s seed=%d data=%s%n", messages, kills, rate, seed, dataDir);
        Random random = new Random(seed);
        Random killRandom = new Random(seed + 1);
        JournalSystems journals = new JournalSystems(dataDir, new HarnessMessages(sample), true);
        // kill points: K distinct random positions in the 2N events (notes delivered + AppRecs back)
        int[] killAt = killRandom.ints(0, 2 * messages).distinct().limit(Math.min(kills, 2 * messages)).sorted().toArray();
        List<Duration> restarts = new ArrayList<>();
        Instant start = Instant.now();
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "samnav-harness");
            t.setDaemon(true);
            return t;
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger dropped = new AtomicInteger();
        try (GatewayProcess gateway = new GatewayProcess(jar, dataDir, jvmArgs,
                List.of("--samnav.file-poll-interval=" + pollInterval, "--samnav.delivery.initial-delay=200ms",
                        "--logging.level.no.samnav=WARN", "--logging.level.no.samnav.gateway.store=INFO"),
                Duration.ofMinutes(3))) {
            restarts.add(gateway.start());
            ScheduledFuture<?> reader = journals.readContinuously(timers, failure);
            long period = Math.max(1, (long) (1_000_000_000L / rate));
            ScheduledFuture<?> sender = timers.scheduleAtFixedRate(() -> {
                if (dropped.get() >= messages) return;
                try {
                    DemoParticipant[] pair = JournalSystems.pair(random);
                    journals.send(pair[0], pair[1]);
                    dropped.incrementAndGet();
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, 0, period, TimeUnit.NANOSECONDS);

            Duration generous = Duration.ofSeconds(120 + messages / 10);
            // one clean stop and start under traffic first, halfway to the first kill: what an operator's
            // restart does, and the store is compacted at that start, so the kills then meet a compacted store
            int cleanAt = killAt.length == 0 ? messages : killAt[0] / 2;
            await("event " + cleanAt + " before the clean restart").atMost(generous).pollInterval(Duration.ofMillis(2))
                    .until(() -> failure.get() == null ? journals.deliveredCount() + journals.appRecsBackCount() >= cleanAt : fail(failure));
            Duration stopped = gateway.stop(Duration.ofMinutes(2));
            System.out.printf("  clean stop at %d/%d events (%d dropped), took %.1f s%n",
                    journals.deliveredCount() + journals.appRecsBackCount(), 2 * messages, dropped.get(), stopped.toMillis() / 1000.0);
            restarts.add(gateway.start());
            for (int k = 0; k < killAt.length; k++) {
                int at = killAt[k];
                await("event " + at + " before kill " + (k + 1)).atMost(generous).pollInterval(Duration.ofMillis(2))
                        .until(() -> failure.get() == null ? journals.deliveredCount() + journals.appRecsBackCount() >= at : fail(failure));
                // half the kills right when a file shows up in an inbox (the gateway is between
                // writing it and recording it), the others up to a second later (anywhere in the flow)
                long delay = killRandom.nextBoolean() ? 0 : killRandom.nextInt(1000);
                timers.schedule(() -> null, delay, TimeUnit.MILLISECONDS).get();
                gateway.kill();
                System.out.printf("  kill %d at %d/%d events (%d dropped)%n", k + 1,
                        journals.deliveredCount() + journals.appRecsBackCount(), 2 * messages, dropped.get());
                restarts.add(gateway.start());
            }
            try {
                awaitCompletion(journals, failure, generous);
            } catch (ConditionTimeoutException e) {
                // reported below as lost notes or missing AppRecs
                System.out.println("  " + e.getMessage());
            }
            sender.cancel(false);
            reader.cancel(false);
        } finally {
            timers.shutdownNow();
        }
        if (failure.get() != null) throw new IllegalStateException("harness failure", failure.get());
        return new Result(messages, kills, Duration.between(start, Instant.now()), restarts, journals.deliveredCount(),
                journals.appRecsBackCount(), journals.filesRead(), journals.verify(), gatewayWarnings(dataDir),
                countInLogs(dataDir, "embedded message store compacted at start"),
                countInLogs(dataDir, "embedded message store: no transaction the last stop interrupted")
                        + countInLogs(dataDir, INTERRUPTED_TRANSACTIONS_SETTLED),
                countInLogs(dataDir, INTERRUPTED_TRANSACTIONS_SETTLED), dataDir);
    }

    /** The gateway's warning when it settled transactions a kill interrupted (EmbeddedStoreRecovery). */
    static final String INTERRUPTED_TRANSACTIONS_SETTLED = "commit(s) that H2's recovery left open, and undid";

    /** The gateways' log lines that contain {@code text}. */
    static int countInLogs(Path dataDir, String text) throws IOException {
        Path logs = dataDir.resolve("gateway-logs");
        if (!Files.isDirectory(logs)) return 0;
        int n = 0;
        try (var files = Files.list(logs)) {
            for (Path log : files.toList()) {
                n += (int) Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8).stream().filter(l -> l.contains(text)).count();
            }
        }
        return n;
    }

    /** Lines of the health probes while a gateway starts or stops, expected after every kill. */
    private static final java.util.regex.Pattern EXPECTED_WARNING =
            java.util.regex.Pattern.compile("HealthIndicator|SecurityConfiguration|did not stop cleanly");
    private static final java.util.regex.Pattern WARNING =
            java.util.regex.Pattern.compile("^\\S+\\s+(WARN|ERROR) \\d+ --- .*? \\[msg=[^]]*\\] (\\S+)\\s*: (.*)$");

    /**
     * The first WARN or ERROR line of each kind (logger and the start of its text) in the gateways'
     * logs, so that a failed run in CI, whose data directory is gone, says what the gateway saw.
     */
    static List<String> gatewayWarnings(Path dataDir) throws IOException {
        Path logs = dataDir.resolve("gateway-logs");
        if (!Files.isDirectory(logs)) return List.of();
        java.util.Map<String, String> firstOfKind = new java.util.LinkedHashMap<>();
        try (var files = Files.list(logs)) {
            for (Path log : files.sorted().toList()) {
                for (String line : Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8)) {
                    var m = WARNING.matcher(line);
                    if (!m.matches() || EXPECTED_WARNING.matcher(line).find()) continue;
                    String text = m.group(3);
                    String kind = m.group(2) + " " + text.substring(0, Math.min(60, text.length()));
                    firstOfKind.putIfAbsent(kind, log.getFileName() + ": " + m.group(1) + " " + m.group(2) + ": "
                            + text.substring(0, Math.min(300, text.length())));
                }
            }
        }
        return firstOfKind.values().stream().limit(20).toList();
    }

    private void awaitCompletion(JournalSystems journals, AtomicReference<Throwable> failure, Duration generous) {
            await("every note delivered and answered").atMost(generous).pollInterval(Duration.ofMillis(50))
                    .until(() -> failure.get() == null ? journals.deliveredCount() == messages
                            && journals.appRecsBackCount() == messages : fail(failure));
            // then a quiet period: late duplicates (redeliveries after the last restart) would show here
            journals.awaitQuiet(generous);
    }

    private static boolean fail(AtomicReference<Throwable> failure) {
        throw new IllegalStateException("harness failure", failure.get());
    }

    public static void main(String[] args) throws Exception {
        Result result = fromSystemProperties().run();
        System.out.println(result.summary());
        System.exit(result.passed() ? 0 : 1);
    }
}
