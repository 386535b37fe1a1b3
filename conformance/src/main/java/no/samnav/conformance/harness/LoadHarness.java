package no.samnav.conformance.harness;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The load harness: end-to-end throughput and latency of the running gateway (outbox → durable
 * queues and store → translated → inbox), next to a baseline measured in the same run on the same
 * machine: raw persistent send and transacted receive of the same payloads through an embedded
 * ActiveMQ Artemis of the same version ({@link ArtemisBaseline}), on one stream (bound by the
 * journal's sync latency) and on {@code samnav.load.baseline-streams} streams at once (default 7,
 * the gateway's number of ingest consumers on the demo cooperation: the broker's capacity at the
 * gateway's concurrency).
 *
 * <p>Two measurements on each side: <b>sustained</b> throughput (closed loop, at most
 * {@code samnav.load.window} messages in flight, counted over {@code samnav.load.seconds} after
 * {@code samnav.load.warmup} seconds at full load, default 180: the gateway's JIT compiler is busy
 * for over two minutes on two cores) and <b>paced</b> latency (open loop at
 * {@code samnav.load.rate} messages per second for {@code samnav.load.paced-seconds}; for the
 * gateway from the rename into the outbox to the file's appearance in the inbox, seen by a
 * file-system watch). The gateway is measured twice: journal systems on file channels, and EHR
 * integrations sending the same notes as FHIR Bundles to {@code $process-message} ({@link ApiSender},
 * latency from the request to the inbox). The gateway runs with {@code samnav.load.poll-interval} as its file poll
 * interval (default 10ms) and {@code samnav.load.jvm-args}. Each side's paced notes are written to
 * {@code paced-notes.csv} in its data directory (MsgId, hand-over and inbox times in wall-clock
 * microseconds), to be set beside the message store's own timestamps of the same notes.
 *
 * <p>{@code java -cp conformance/target/samnav-conformance.jar no.samnav.conformance.harness.LoadHarness}
 */
public final class LoadHarness {

    /** One side's figures. */
    public record Figures(String what, double sustainedPerSecond, double pacedRate, Latencies paced, int delivered,
            List<String> problems) {
    }

    private final Path workDir;
    private final Path jar;
    private final Path sample;
    private final List<String> jvmArgs;
    private final String pollInterval;
    private final int warmupSeconds;
    private final int seconds;
    private final int window;
    private final double rate;
    private double apiRate = 10;
    private final int pacedSeconds;

    public LoadHarness(Path workDir, Path jar, Path sample, List<String> jvmArgs, String pollInterval, int warmupSeconds,
            int seconds, int window, double rate, int pacedSeconds) {
        this.workDir = workDir;
        this.jar = jar;
        this.sample = sample;
        this.jvmArgs = jvmArgs;
        this.pollInterval = pollInterval;
        this.warmupSeconds = warmupSeconds;
        this.seconds = seconds;
        this.window = window;
        this.rate = rate;
        this.pacedSeconds = pacedSeconds;
    }

    public static LoadHarness fromSystemProperties() throws IOException {
        Path work = HarnessFiles.workDir("samnav.load.data-dir", "samnav-load-");
        return new LoadHarness(work, HarnessFiles.gatewayJar(), HarnessFiles.sample(),
                Arrays.asList(System.getProperty("samnav.load.jvm-args", "-Xmx1g").trim().split("\\s+")),
                System.getProperty("samnav.load.poll-interval", "10ms"), Integer.getInteger("samnav.load.warmup", 180),
                Integer.getInteger("samnav.load.seconds", 60), Integer.getInteger("samnav.load.window", 500),
                Double.parseDouble(System.getProperty("samnav.load.rate", "100")),
                Integer.getInteger("samnav.load.paced-seconds", 60))
                .withApiRate(Double.parseDouble(System.getProperty("samnav.load.api-rate", "10")));
    }

    /**
     * The paced rate of the FHIR API side ({@code samnav.load.api-rate}, default 10 msg/s): with
     * message validation on it sustains far less than the file channels, and an open loop above
     * its capacity only measures the queue in front of it.
     */
    public LoadHarness withApiRate(double messagesPerSecond) {
        this.apiRate = messagesPerSecond;
        return this;
    }

    private static ScheduledExecutorService timers() {
        return Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "samnav-load");
            t.setDaemon(true);
            return t;
        });
    }

    /** How the harness's journal systems hand notes to the gateway. */
    private interface Channel {
        /** How many threads send at once in the sustained run. */
        int senders();

        DemoParticipant[] pair(Random random);

        /** Sends a new note; returns its MsgId. */
        String send(DemoParticipant[] pair) throws Exception;
    }

    /** The gateway, end to end through its file channels. */
    public Figures gateway() throws Exception {
        return endToEnd("gateway", rate, (journals, gateway) -> new Channel() {
            public int senders() {
                return 1;
            }

            public DemoParticipant[] pair(Random random) {
                return JournalSystems.pair(random);
            }

            public String send(DemoParticipant[] pair) throws IOException {
                return journals.send(pair[0], pair[1]);
            }
        });
    }

    /**
     * The gateway, end to end from {@code $process-message} on its FHIR API (synchronous mode, several
     * clients at once) to the receivers' inboxes; latency from the request to the file in the inbox.
     */
    public Figures api() throws Exception {
        return endToEnd("gateway via FHIR API", apiRate, (journals, gateway) -> {
            ApiSender api = new ApiSender(journals, gateway.baseUrl());
            answers = api.answerNanos;
            return new Channel() {
                public int senders() {
                    return 8;
                }

                public DemoParticipant[] pair(Random random) {
                    return api.pair(random);
                }

                public String send(DemoParticipant[] pair) throws Exception {
                    return api.send(pair[0], pair[1]);
                }
            };
        });
    }

    /** The HTTP answer times of the last {@link #api()} run's paced part. */
    private volatile java.util.Collection<Long> answers;

    @FunctionalInterface
    private interface ChannelFactory {
        Channel open(JournalSystems journals, GatewayProcess gateway) throws Exception;
    }

    private Figures endToEnd(String what, double rate, ChannelFactory channels) throws Exception {
        Path dataDir = Files.createDirectories(workDir.resolve(what.replace(' ', '-')));
        JournalSystems journals = new JournalSystems(dataDir, new HarnessMessages(sample), false);
        Random random = new Random(42);
        ScheduledExecutorService timers = timers();
        java.util.concurrent.ExecutorService pacedSenders = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "samnav-load-paced");
            t.setDaemon(true);
            return t;
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        try (GatewayProcess gateway = new GatewayProcess(jar, dataDir, jvmArgs,
                List.of("--samnav.file-poll-interval=" + pollInterval, "--logging.level.no.samnav=WARN",
                        "--logging.level.org.apache.camel=WARN"), Duration.ofMinutes(3));
                InboxWatch watch = new InboxWatch(journals, arrivals)) {
            System.out.println(what + ": gateway started in " + gateway.start().toMillis() + " ms; watching "
                    + watch.folders() + " inboxes");
            Channel channel = channels.open(journals, gateway);
            journals.readContinuously(timers, failure);

            // sustained: closed loop with a bounded number in flight
            AtomicLong deadline = new AtomicLong(System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds + seconds));
            List<Thread> senders = new ArrayList<>();
            for (int i = 0; i < channel.senders(); i++) {
                Random own = new Random(42 + i);
                senders.add(started("samnav-load-sender-" + i, failure, () -> {
                    while (System.nanoTime() < deadline.get() && failure.get() == null) {
                        if (journals.sentCount() - journals.deliveredCount() >= window) {
                            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                            continue;
                        }
                        channel.send(channel.pair(own));
                    }
                }));
            }
            CountDownLatch warm = new CountDownLatch(1);
            timers.schedule(warm::countDown, warmupSeconds, TimeUnit.SECONDS);
            warm.await();
            int before = journals.deliveredCount();
            long t0 = System.nanoTime();
            CountDownLatch measured = new CountDownLatch(1);
            timers.schedule(measured::countDown, seconds, TimeUnit.SECONDS);
            measured.await();
            int after = journals.deliveredCount();
            double sustained = (after - before) / ((System.nanoTime() - t0) / 1e9);
            for (Thread sender : senders) sender.join();
            await(what + ": sustained run drained").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        if (failure.get() != null) throw new IllegalStateException(failure.get());
                        return journals.deliveredCount() == journals.sentCount();
                    });
            System.out.printf("%s sustained: %.0f msg/s (%d delivered in %d s, window %d, %d sender(s))%n", what, sustained,
                    after - before, seconds, window, channel.senders());

            // paced: open loop at the given rate, latency from the hand-over to the inbox
            if (answers != null) answers.clear();
            List<String> pacedIds = java.util.Collections.synchronizedList(new ArrayList<>());
            int total = (int) Math.round(rate * pacedSeconds);
            AtomicInteger started = new AtomicInteger();
            AtomicInteger handedOver = new AtomicInteger();
            ScheduledFuture<?> paced = timers.scheduleAtFixedRate(() -> {
                if (started.getAndIncrement() >= total) return;
                // a sender of its own per note: a slow answer must not hold back the next note
                pacedSenders.execute(() -> {
                    try {
                        pacedIds.add(channel.send(channel.pair(random)));
                        handedOver.incrementAndGet();
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                });
            }, 0, (long) (1e9 / rate), TimeUnit.NANOSECONDS);
            // open loop: when the gateway cannot keep up, the backlog drains here and shows in the latencies
            await(what + ": paced run delivered").atMost(Duration.ofSeconds(pacedSeconds + 1800L)).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        if (failure.get() != null) throw new IllegalStateException(failure.get());
                        return handedOver.get() == total && journals.deliveredCount() == journals.sentCount();
                    });
            paced.cancel(false);
            Map<String, JournalSystems.Sent> byId = new ConcurrentHashMap<>();
            for (JournalSystems.Sent s : journals.sent()) byId.put(s.msgId, s);
            long[] latencies = pacedIds.stream().mapToLong(id -> {
                JournalSystems.Sent s = byId.get(id);
                Long seen = arrivals.get(id + ".xml");
                return seen != null ? seen - s.droppedAt : s.latencyNanos();
            }).toArray();
            Latencies l = Latencies.of(latencies);
            System.out.println(what + " paced at " + rate + " msg/s: " + l);
            Path record = writePacedNotes(dataDir, pacedIds, byId, arrivals);
            System.out.println(what + " paced notes, one line each (MsgId, handed over and seen in the inbox, epoch µs): " + record);
            if (answers != null) {
                System.out.println(what + " paced at " + rate + " msg/s, HTTP answer: "
                        + Latencies.of(answers.stream().mapToLong(Long::longValue).toArray()));
            }
            List<String> problems = journals.verify();
            if (failure.get() != null) problems.add(0, "harness failure: " + failure.get());
            return new Figures(what, sustained, rate, l, journals.deliveredCount(), problems);
        } finally {
            timers.shutdownNow();
            pacedSenders.shutdownNow();
        }
    }

    /** The clock the harness's nanoTime readings are converted with: epoch nanoseconds at nanoTime 0. */
    private static final long EPOCH_NANOS_AT_NANO_ZERO = epochNanosAtNanoZero();

    private static long epochNanosAtNanoZero() {
        java.time.Instant now = java.time.Instant.now();
        long nano = System.nanoTime();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano() - nano;
    }

    /**
     * Writes the paced notes' hand-over and inbox times in wall-clock microseconds, one line per
     * note, so that they can be set beside the gateway's own timestamps (the message's
     * {@code received_at} and the delivery's {@code delivered_at} in the message store) to see which
     * part of the way a slow note was slow on.
     */
    private static Path writePacedNotes(Path dataDir, List<String> pacedIds, Map<String, JournalSystems.Sent> byId,
            Map<String, Long> arrivals) throws IOException {
        StringBuilder lines = new StringBuilder("msg_id,handed_over_us,seen_us\n");
        synchronized (pacedIds) {
            for (String id : pacedIds) {
                JournalSystems.Sent s = byId.get(id);
                Long seen = arrivals.get(id + ".xml");
                long seenNanos = seen != null ? seen : s.deliveredAt;
                lines.append(id).append(',').append((EPOCH_NANOS_AT_NANO_ZERO + s.droppedAt) / 1000).append(',')
                        .append(seenNanos == 0 ? "" : String.valueOf((EPOCH_NANOS_AT_NANO_ZERO + seenNanos) / 1000))
                        .append('\n');
            }
        }
        return Files.writeString(dataDir.resolve("paced-notes.csv"), lines);
    }

    /**
     * The baseline: the same payloads through an embedded Artemis with a persistent journal, on
     * {@code streams} queues at once, each with a sender and a consumer thread of its own (the
     * window of messages in flight shared by all). One stream is the latency-bound case: every
     * send waits for its own journal sync. The paced latency is measured on one stream only, and
     * only when {@code paced} is true.
     */
    public Figures baseline(int streams, boolean paced) throws Exception {
        HarnessMessages messages = new HarnessMessages(sample);
        Random random = new Random(42);
        byte[][] payloads = new byte[64][];
        for (int i = 0; i < payloads.length; i++) {
            DemoParticipant[] pair = JournalSystems.pair(random);
            payloads[i] = messages.note(UUID.randomUUID().toString(), pair[0], pair[1]);
        }
        String what = streams == 1 ? "baseline" : "baseline, " + streams + " streams";
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ScheduledExecutorService timers = timers();
        try (ArtemisBaseline broker = new ArtemisBaseline(
                Files.createDirectories(workDir.resolve("baseline-" + streams)), streams)) {
            System.out.println(what + ": Artemis " + ArtemisBaseline.version() + ", journal type " + broker.journalType());
            AtomicLong sent = new AtomicLong();
            AtomicLong received = new AtomicLong();
            List<Long> pacedLatencies = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.atomic.AtomicBoolean recordLatency = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            AtomicLong deadline = new AtomicLong(System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds + seconds));
            List<Thread> consumers = new ArrayList<>();
            List<Thread> senders = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                int stream = i;
                consumers.add(started("samnav-baseline-consumer-" + i, failure, () -> {
                    while (!stop.get()) {
                        long sentAt = broker.receive(stream, 100);
                        if (sentAt < 0) continue;
                        if (recordLatency.get()) pacedLatencies.add(System.nanoTime() - sentAt);
                        received.incrementAndGet();
                    }
                }));
                senders.add(started("samnav-baseline-sender-" + i, failure, () -> {
                    long n = 0;
                    while (System.nanoTime() < deadline.get() && failure.get() == null) {
                        if (sent.get() - received.get() >= window) {
                            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                            continue;
                        }
                        broker.send(stream, payloads[(int) (n++ % payloads.length)], System.nanoTime());
                        sent.incrementAndGet();
                    }
                }));
            }
            CountDownLatch warm = new CountDownLatch(1);
            timers.schedule(warm::countDown, warmupSeconds, TimeUnit.SECONDS);
            warm.await();
            long before = received.get();
            long t0 = System.nanoTime();
            CountDownLatch measured = new CountDownLatch(1);
            timers.schedule(measured::countDown, seconds, TimeUnit.SECONDS);
            measured.await();
            long after = received.get();
            double sustained = (after - before) / ((System.nanoTime() - t0) / 1e9);
            for (Thread sender : senders) sender.join();
            await(what + " drained").atMost(Duration.ofMinutes(2)).until(() -> received.get() == sent.get());
            System.out.printf("%s sustained: %.0f msg/s (%d received in %d s, window %d)%n", what, sustained,
                    after - before, seconds, window);

            List<String> problems = new ArrayList<>();
            Latencies l = null;
            if (paced) {
                recordLatency.set(true);
                int total = (int) Math.round(rate * pacedSeconds);
                AtomicInteger dropped = new AtomicInteger();
                long start = sent.get();
                ScheduledFuture<?> pacing = timers.scheduleAtFixedRate(() -> {
                    if (dropped.get() >= total) return;
                    try {
                        broker.send(0, payloads[dropped.get() % payloads.length], System.nanoTime());
                        sent.incrementAndGet();
                        dropped.incrementAndGet();
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }, 0, (long) (1e9 / rate), TimeUnit.NANOSECONDS);
                await(what + " paced run").atMost(Duration.ofSeconds(pacedSeconds + 120L)).pollInterval(Duration.ofMillis(50))
                        .until(() -> dropped.get() == total && received.get() == sent.get());
                pacing.cancel(false);
                l = Latencies.of(pacedLatencies.stream().mapToLong(Long::longValue).toArray());
                System.out.println(what + " paced at " + rate + " msg/s: " + l);
                if (sent.get() - start != total) problems.add(what + " paced sent " + (sent.get() - start));
            }
            stop.set(true);
            for (Thread consumer : consumers) consumer.join();
            if (failure.get() != null) problems.add(0, what + " failure: " + failure.get());
            return new Figures(what, sustained, paced ? rate : 0, l, (int) received.get(), problems);
        } finally {
            timers.shutdownNow();
        }
    }

    /** Work of a harness thread; what it throws becomes the run's failure. */
    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    /** Starts a thread that records the first failure of the run instead of dying silently. */
    private static Thread started(String name, AtomicReference<Throwable> failure, Work work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (Exception e) {
                failure.compareAndSet(null, e);
            }
        }, name);
        thread.start();
        return thread;
    }

    /** Records when each file appears in an inbox (a rename into the folder), for the latency. */
    static final class InboxWatch implements AutoCloseable {
        private final WatchService watch = FileSystems.getDefault().newWatchService();
        private final Thread thread;
        private int folders;

        InboxWatch(JournalSystems journals, Map<String, Long> arrivals) throws IOException {
            for (DemoParticipant p : DemoParticipant.ALL) {
                journals.inbox(p).register(watch, StandardWatchEventKinds.ENTRY_CREATE);
                folders++;
            }
            thread = new Thread(() -> {
                try {
                    while (true) {
                        WatchKey key = watch.take();
                        long now = System.nanoTime();
                        for (WatchEvent<?> e : key.pollEvents()) {
                            if (e.context() instanceof Path name && name.toString().endsWith(".xml")) {
                                arrivals.putIfAbsent(name.toString(), now);
                            }
                        }
                        key.reset();
                    }
                } catch (InterruptedException | java.nio.file.ClosedWatchServiceException done) {
                    // closed
                }
            }, "samnav-load-inbox-watch");
            thread.setDaemon(true);
            thread.start();
        }

        int folders() {
            return folders;
        }

        @Override
        public void close() throws IOException {
            watch.close();
        }
    }

    public static void main(String[] args) throws Exception {
        LoadHarness harness = fromSystemProperties();
        // as many streams as the gateway has ingest (and delivery) consumers on the demo cooperation
        int streams = Integer.getInteger("samnav.load.baseline-streams", DemoParticipant.ALL.size());
        System.out.printf("load harness: warm-up %d s, sustained %d s (window %d), paced %.0f msg/s (FHIR API %.0f msg/s)"
                + " for %d s, poll %s, %d cores%n", harness.warmupSeconds, harness.seconds, harness.window, harness.rate,
                harness.apiRate, harness.pacedSeconds,
                harness.pollInterval, Runtime.getRuntime().availableProcessors());
        // samnav.load.only=files, api or baseline measures one side alone, for quick comparisons;
        // figures in docs/benchmarks.md always come from whole runs, next to their baseline
        String only = System.getProperty("samnav.load.only", "");
        if (!only.isBlank()) {
            List<Figures> alone = switch (only) {
                case "api" -> List.of(harness.api());
                case "files" -> List.of(harness.gateway());
                case "baseline" -> List.of(harness.baseline(1, true), harness.baseline(streams, false));
                default -> throw new IllegalArgumentException("samnav.load.only: files, api or baseline, not " + only);
            };
            List<String> problems = alone.stream().flatMap(f -> f.problems().stream()).toList();
            System.out.println(problems.isEmpty() ? "every message delivered once" : "PROBLEMS: " + problems);
            System.exit(problems.isEmpty() ? 0 : 1);
        }
        Figures baseline = harness.baseline(1, true);
        Figures concurrentBaseline = harness.baseline(streams, false);
        Figures gateway = harness.gateway();
        Figures api = harness.api();
        System.out.println();
        System.out.println("| | sustained msg/s | paced at msg/s | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Figures f : List.of(gateway, api, baseline, concurrentBaseline)) {
            if (f.paced() == null) {
                System.out.printf("| %s | %,.0f | | | | |%n", f.what(), f.sustainedPerSecond());
                continue;
            }
            System.out.printf("| %s | %,.0f | %.0f | %.1f | %.1f | %.1f |%n", f.what(), f.sustainedPerSecond(), f.pacedRate(),
                    f.paced().p50Millis(), f.paced().p99Millis(), f.paced().maxMillis());
        }
        System.out.printf("gateway / baseline: %.2f (/ %d streams: %.2f); via FHIR API / baseline: %.2f%n",
                gateway.sustainedPerSecond() / baseline.sustainedPerSecond(), streams,
                gateway.sustainedPerSecond() / concurrentBaseline.sustainedPerSecond(),
                api.sustainedPerSecond() / baseline.sustainedPerSecond());
        List<String> problems = new ArrayList<>(gateway.problems());
        problems.addAll(api.problems());
        problems.addAll(baseline.problems());
        problems.addAll(concurrentBaseline.problems());
        System.out.println(problems.isEmpty() ? "every message delivered once" : "PROBLEMS:\n  " + String.join("\n  ", problems));
        System.exit(problems.isEmpty() ? 0 : 1);
    }
}
