package no.samnav.gateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.samnav.gateway.GatewayTestMessages;
import no.samnav.gateway.store.MessageStatus;
import no.samnav.gateway.store.MessageStore;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * More than 200 bad inputs through a journal system's file channel, with good messages in between:
 * each bad input is answered with AppRec "avvist" carrying its precise error code, every good
 * message is delivered once, the gateway keeps running and its heap does not grow with the corpus.
 */
@SpringBootTest
@DirtiesContext // stop the gateway before its data folder is removed
class HostileInputIT {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("samnav.data-dir", () -> dataDir.toString());
        registry.add("samnav.file-poll-interval", () -> "50ms");
    }

    @Autowired
    MessageStore store;

    @Autowired
    CamelContext camel;

    static final Pattern ERROR_CODE = Pattern.compile("<Error V=\"([A-Z0-9]+)\"");

    Path outbox(String participant) {
        return dataDir.resolve("participants").resolve(participant).resolve("outbox");
    }

    Path inbox(String participant) {
        return dataDir.resolve("participants").resolve(participant).resolve("inbox");
    }

    void drop(String participant, String fileName, byte[] content) throws IOException {
        Path tmp = outbox(participant).resolve(fileName + ".part");
        Files.write(tmp, content);
        Files.move(tmp, outbox(participant).resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void everyBadInputGetsItsPreciseRejectionAndGoodMessagesKeepFlowing() throws Exception {
        long heapBefore = usedHeapAfterGc();
        List<HostileCorpus.BadInput> corpus = new ArrayList<>(new HostileCorpus(GatewayTestMessages::noteToOteren).all());
        List<String> good = new ArrayList<>();

        // ten ids used first by a good note, then reused by different content
        for (int i = 0; i < 10; i++) {
            String msgId = UUID.randomUUID().toString();
            drop("storsteinnes", "first-" + i + ".xml", GatewayTestMessages.noteToOteren(msgId).getBytes(StandardCharsets.UTF_8));
            good.add(msgId);
            String reused = GatewayTestMessages.noteToOteren(msgId).replace("uke 31", "uke " + (32 + i));
            corpus.add(new HostileCorpus.BadInput("reused MsgId " + i, reused.getBytes(StandardCharsets.UTF_8), "E10", null));
        }
        for (String msgId : good) awaitDelivered(msgId);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);

        for (int i = 0; i < corpus.size(); i++) {
            drop("storsteinnes", "bad-" + i + ".xml", corpus.get(i).bytes());
            if (i % 20 == 0) {
                String msgId = UUID.randomUUID().toString();
                good.add(msgId);
                drop("storsteinnes", "good-" + i + ".xml", GatewayTestMessages.noteToOteren(msgId).getBytes(StandardCharsets.UTF_8));
            }
        }
        drop("storsteinnes", "huge.xml", HostileCorpus.oversized(GatewayTestMessages.noteToOteren(UUID.randomUUID().toString()),
                100 * 1024 * 1024));

        // every bad input: an AppRec "avvist" with the expected code in the sender's inbox
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            Map<String, String> wrongAnswers = new LinkedHashMap<>();
            for (HostileCorpus.BadInput bad : corpus) {
                String answer = answerTo(bad);
                if (!bad.expectedCode().equals(answer)) wrongAnswers.put(bad.name(), "expected " + bad.expectedCode() + ", got " + answer);
            }
            assertThat(wrongAnswers).isEmpty();
        });
        String huge = await().atMost(Duration.ofMinutes(1)).until(() -> findInInbox("V=\"T99\""), s -> s != null);
        assertThat(huge).contains("<Status V=\"2\"").contains("større enn grensen");

        // every good message delivered exactly once
        for (String msgId : good) awaitDelivered(msgId);
        for (String msgId : good) assertThat(countInOteren(msgId)).as(msgId).isEqualTo(1);

        // still up: all routes running, a last message flows, no stray files left unprocessed
        assertThat(camel.getStatus()).isEqualTo(ServiceStatus.Started);
        assertThat(camel.getRoutes()).allMatch(r -> camel.getRouteController().getRouteStatus(r.getId()) == ServiceStatus.Started);
        String last = UUID.randomUUID().toString();
        drop("storsteinnes", "last.xml", GatewayTestMessages.noteToOteren(last).getBytes(StandardCharsets.UTF_8));
        awaitDelivered(last);
        try (Stream<Path> left = Files.list(outbox("storsteinnes"))) {
            assertThat(left.filter(p -> p.toString().endsWith(".xml"))).isEmpty();
        }

        // the heap holds no trace of the corpus or the 100 MB file
        long growth = usedHeapAfterGc() - heapBefore;
        assertThat(growth).as("heap growth in bytes").isLessThan(128L * 1024 * 1024);
    }

    /** The error code of the AppRec the gateway sent back for a bad input, or null while there is none. */
    String answerTo(HostileCorpus.BadInput bad) throws Exception {
        String fileName;
        if (bad.msgId() != null) {
            fileName = "apprec-" + bad.msgId() + ".xml";
        } else {
            var stored = store.byMsgId("rejected:sha256:" + sha256(bad.bytes()));
            if (stored.isEmpty() || stored.get().status() != MessageStatus.REJECTED) return null;
            fileName = "apprec-" + stored.get().id() + ".xml";
        }
        Path receipt = inbox("storsteinnes").resolve(fileName);
        if (!Files.exists(receipt)) return null;
        String xml = Files.readString(receipt, StandardCharsets.UTF_8);
        assertThat(xml).contains("<Status V=\"2\"").doesNotContain(GatewayTestMessages.PATIENT_FNR);
        Matcher m = ERROR_CODE.matcher(xml);
        return m.find() ? m.group(1) : "(no Error)";
    }

    void awaitDelivered(String msgId) {
        await().atMost(Duration.ofMinutes(2)).until(() -> store.byMsgId(msgId)
                .filter(m -> m.status() == MessageStatus.DELIVERED).isPresent());
    }

    String findInInbox(String needle) throws IOException {
        try (Stream<Path> files = Files.list(inbox("storsteinnes"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                String content = Files.readString(p, StandardCharsets.UTF_8);
                if (content.contains(needle)) return content;
            }
        }
        return null;
    }

    long countInOteren(String msgId) throws IOException {
        try (Stream<Path> files = Files.list(inbox("oteren"))) {
            return files.filter(f -> f.getFileName().toString().equals(msgId + ".xml")).count();
        }
    }

    static long usedHeapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
