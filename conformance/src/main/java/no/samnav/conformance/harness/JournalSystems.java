package no.samnav.conformance.harness;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The journal systems of the demo participants, outside the gateway: they drop notes into their
 * outbox (temporary name, then an atomic rename), read their inbox, move every file they read into
 * a {@code read/<participant>} folder of their own (so a message delivered twice is seen twice even
 * though the gateway names files by MsgId), and answer every message with an AppRec "OK" in the
 * version their system writes. Every observation is kept for {@link #verify()}.
 */
public final class JournalSystems {

    /** What happened to one sent note. */
    public static final class Sent {
        final String msgId;
        final DemoParticipant from;
        final DemoParticipant to;
        final long droppedAt;
        final AtomicInteger deliveries = new AtomicInteger();
        final AtomicInteger appRecs = new AtomicInteger();
        volatile long deliveredAt;
        volatile long appRecAt;

        Sent(String msgId, DemoParticipant from, DemoParticipant to, long droppedAt) {
            this.msgId = msgId;
            this.from = from;
            this.to = to;
            this.droppedAt = droppedAt;
        }

        /** Nanoseconds from the rename into the outbox to the file seen in the receiver's inbox, or -1. */
        public long latencyNanos() {
            return deliveredAt == 0 ? -1 : deliveredAt - droppedAt;
        }
    }

    private final Path dataDir;
    private final Path readDir;
    private final HarnessMessages messages;
    private final boolean answer;
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private final AtomicLong filesRead = new AtomicLong();
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger appRecsBack = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param answer whether receivers answer each message with an AppRec (the crash harness) or
     *               only read it (the load harness measures one direction)
     */
    public JournalSystems(Path dataDir, HarnessMessages messages, boolean answer) throws IOException {
        this.dataDir = dataDir;
        this.readDir = dataDir.resolve("harness-read");
        this.messages = messages;
        this.answer = answer;
        for (DemoParticipant p : DemoParticipant.ALL) {
            Files.createDirectories(outbox(p));
            Files.createDirectories(inbox(p));
            Files.createDirectories(readDir.resolve(p.id()));
        }
    }

    public Path outbox(DemoParticipant p) {
        return dataDir.resolve("participants").resolve(p.id()).resolve("outbox");
    }

    public Path inbox(DemoParticipant p) {
        return dataDir.resolve("participants").resolve(p.id()).resolve("inbox");
    }

    /** A random pair of different participants. */
    public static DemoParticipant[] pair(Random random) {
        List<DemoParticipant> all = DemoParticipant.ALL;
        DemoParticipant from = all.get(random.nextInt(all.size()));
        DemoParticipant to;
        do {
            to = all.get(random.nextInt(all.size()));
        } while (to == from);
        return new DemoParticipant[] {from, to};
    }

    /** Writes a new note from {@code from} to {@code to} into {@code from}'s outbox; returns its MsgId. */
    public String send(DemoParticipant from, DemoParticipant to) throws IOException {
        String msgId = UUID.randomUUID().toString();
        byte[] note = messages.note(msgId, from, to);
        Path tmp = outbox(from).resolve("." + msgId + ".xml.part");
        Files.write(tmp, note);
        sent.put(msgId, new Sent(msgId, from, to, System.nanoTime()));
        Files.move(tmp, outbox(from).resolve(msgId + ".xml"), StandardCopyOption.ATOMIC_MOVE);
        return msgId;
    }

    /**
     * Records a note that is about to be sent another way (the FHIR API): from now on its delivery
     * is watched like a dropped file's, its latency counted from this call.
     */
    public void expect(String msgId, DemoParticipant from, DemoParticipant to) {
        sent.put(msgId, new Sent(msgId, from, to, System.nanoTime()));
    }

    /** The same note as {@link #send} writes, for sending it another way. */
    public byte[] note(String msgId, DemoParticipant from, DemoParticipant to) {
        return messages.note(msgId, from, to);
    }

    /**
     * Waits until no new file has shown up in an inbox for five seconds and every outbox is empty:
     * a late duplicate (a redelivery after a kill or a failover) would show up in that time.
     */
    public void awaitQuiet(Duration atMost) {
        long[] last = {-1};
        await("quiet inboxes and empty outboxes").atMost(atMost)
                .pollInterval(Duration.ofMillis(200)).during(Duration.ofSeconds(5))
                .until(() -> {
                    long read = filesRead();
                    boolean quiet = read == last[0];
                    last[0] = read;
                    return quiet && waitingInOutboxes() == 0;
                });
    }

    /** Reads the inboxes every 20 ms on {@code timers}; a failure is kept in {@code failure} for the harness to report. */
    public ScheduledFuture<?> readContinuously(ScheduledExecutorService timers, AtomicReference<Throwable> failure) {
        return timers.scheduleWithFixedDelay(() -> {
            try {
                readInboxes();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
    }

    /** One pass over every inbox; run it from one thread at a time. */
    public void readInboxes() {
        for (DemoParticipant p : DemoParticipant.ALL) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(inbox(p), "*.xml")) {
                for (Path f : files) read(p, f);
            } catch (IOException e) {
                problems.add("reading inbox of " + p.id() + ": " + e);
            }
        }
    }

    private void read(DemoParticipant receiver, Path file) throws IOException {
        long seen = System.nanoTime();
        String xml;
        try {
            xml = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException gone) {
            return;
        }
        String name = file.getFileName().toString();
        Files.move(file, readDir.resolve(receiver.id()).resolve(sequence.incrementAndGet() + "-" + name));
        filesRead.incrementAndGet();
        if (HarnessMessages.isAppRec(xml)) {
            String original = HarnessMessages.originalMsgId(xml);
            Sent s = original == null ? null : sent.get(original);
            if (s == null) {
                problems.add(receiver.id() + " got an AppRec " + name + " answering no sent note (" + original + ")");
                return;
            }
            if (s.from != receiver) problems.add(receiver.id() + " got the AppRec for " + original + " sent by " + s.from.id());
            if (!xml.contains(receiver.appRecNamespace())) {
                problems.add(receiver.id() + " got the AppRec " + name + " not in its version (" + receiver.appRecNamespace() + ")");
            }
            if (!xml.contains("<Status V=\"1\"")) problems.add(receiver.id() + " got an AppRec not OK: " + name);
            if (s.appRecs.incrementAndGet() == 1) {
                s.appRecAt = seen;
                appRecsBack.incrementAndGet();
            }
            return;
        }
        String msgId = HarnessMessages.msgId(xml);
        Sent s = msgId == null ? null : sent.get(msgId);
        if (s == null) {
            problems.add(receiver.id() + " got " + name + " that no journal system sent (" + msgId + ")");
            return;
        }
        if (s.to != receiver) problems.add(msgId + " for " + s.to.id() + " was delivered to " + receiver.id());
        if (!xml.contains(receiver.dialogNamespace())) problems.add(msgId + " reached " + receiver.id() + " not in its version");
        if (s.deliveries.incrementAndGet() > 1) return;
        s.deliveredAt = seen;
        delivered.incrementAndGet();
        if (answer) {
            String appRecId = UUID.randomUUID().toString();
            byte[] appRec = HarnessMessages.appRec(appRecId, msgId, HarnessMessages.messageType(xml), receiver, s.from);
            Path tmp = outbox(receiver).resolve("." + appRecId + ".xml.part");
            Files.write(tmp, appRec);
            Files.move(tmp, outbox(receiver).resolve("apprec-" + appRecId + ".xml"), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    public int sentCount() {
        return sent.size();
    }

    public int deliveredCount() {
        return delivered.get();
    }

    public int appRecsBackCount() {
        return appRecsBack.get();
    }

    public long filesRead() {
        return filesRead.get();
    }

    /** Files still waiting in outboxes (not yet picked up by the gateway). */
    public long waitingInOutboxes() throws IOException {
        long n = 0;
        for (DemoParticipant p : DemoParticipant.ALL) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(outbox(p), "*.xml")) {
                for (Path ignored : files) n++;
            }
        }
        return n;
    }

    public java.util.Collection<Sent> sent() {
        return sent.values();
    }

    /** Every departure from "each note reached its receiver once and its sender got one AppRec". */
    public List<String> verify() {
        List<String> result = new ArrayList<>(problems);
        int lost = 0, doubled = 0, noAppRec = 0, doubleAppRec = 0;
        for (Sent s : sent.values()) {
            int d = s.deliveries.get();
            if (d == 0) lost++;
            if (d > 1) doubled++;
            if (answer) {
                int a = s.appRecs.get();
                if (a == 0) noAppRec++;
                if (a > 1) doubleAppRec++;
            }
            if (d != 1 && result.size() < 200) result.add(s.msgId + " (" + s.from.id() + " -> " + s.to.id() + ") delivered " + d + " times");
            if (answer && s.appRecs.get() != 1 && result.size() < 200) {
                result.add("the AppRec for " + s.msgId + " reached " + s.from.id() + " " + s.appRecs.get() + " times");
            }
        }
        if (lost + doubled + noAppRec + doubleAppRec > 0) {
            result.add(0, "lost " + lost + ", delivered twice or more " + doubled + ", AppRec missing " + noAppRec
                    + ", AppRec doubled " + doubleAppRec);
        }
        return result;
    }
}
