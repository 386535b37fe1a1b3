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
 * the receiving journal systems answering every note with an AppRec, and K kill -9 of the gateway
 * at random points of the traffic, each followed by a restart. At the end every note must have
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
            int appRecsBack, long filesRead, List<String> problems, Path dataDir) {

        public boolean passed() {
            return problems.isEmpty() && delivered == messages && appRecsBack == messages;
        }

        public String summary() {
            return "crash harness: " + messages + " notes, " + kills + " kill -9 + restart, " + elapsed.toSeconds()
                    + " s; delivered " + delivered + ", AppRecs back " + appRecsBack + ", inbox files read " + filesRead
                    + " (expected " + 2L * messages + "); restarts took " + restarts.stream().map(d -> d.toMillis() / 100 / 10.0 + " s").toList()
                    + "; problems: " + (problems.isEmpty() ? "none" : problems.size() + "\n  " + String.join("\n  ", problems.subList(0, Math.min(50, problems.size()))))
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
                        "--logging.level.no.samnav=WARN"),
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
                journals.appRecsBackCount(), journals.filesRead(), journals.verify(), dataDir);
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
