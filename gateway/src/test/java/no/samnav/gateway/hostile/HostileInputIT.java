package no.samnav.gateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.samnav.gateway.GatewayTestMessages;
import no.samnav.gateway.config.BrokerConfiguration;
import no.samnav.gateway.routes.DeliveryProcessors;
import no.samnav.gateway.store.MessageStatus;
import no.samnav.gateway.store.MessageStore;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
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
 * More than 200 bad inputs through each channel type, with good messages in between: Storsteinnes
 * sends its corpus as files, Malangen (here a JMS participant) over the broker's TCP acceptor with a
 * plain Artemis JMS client. Each bad input is answered on its own channel with AppRec "avvist"
 * carrying its precise error code, every good message is delivered once, the gateway keeps running
 * and its heap does not grow with the corpus or with a 100 MB file.
 */
@SpringBootTest
@DirtiesContext // stop the gateway before its data folder is removed
class HostileInputIT {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        String demo;
        try (InputStream in = HostileInputIT.class.getResourceAsStream("/demo/cooperation.yml")) {
            demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String withJms = demo.replace("    her-ids: [\"8100220\"]\n    profile: infodoc\n",
                "    her-ids: [\"8100220\"]\n    profile: infodoc\n    channel: jms\n");
        assertThat(withJms).contains("channel: jms");
        Path file = dataDir.resolve("cooperation.yml");
        Files.writeString(file, withJms, StandardCharsets.UTF_8);
        registry.add("samnav.data-dir", () -> dataDir.toString());
        registry.add("samnav.cooperation-file", file::toString);
        registry.add("samnav.file-poll-interval", () -> "50ms");
    }

    @Autowired
    MessageStore store;
    @Autowired
    CamelContext camel;
    @Autowired
    EmbeddedActiveMQ broker;

    static final Pattern ERROR_CODE = Pattern.compile("<Error V=\"([A-Z0-9]+)\"");
    static final String MALANGEN_HER = "8100220";

    /** A journal system's side of one channel: send an input, read the gateway's answer to it. */
    interface JournalSystem {
        String participant();

        String goodNote(String msgId);

        void send(String name, byte[] bytes) throws Exception;

        /** What the gateway wrote back for the stored message {@code gatewayId}, or null. */
        String answer(String gatewayId, String msgId) throws IOException;
    }

    /** Storsteinnes: files into its outbox, answers as files in its inbox. */
    final JournalSystem files = new JournalSystem() {
        public String participant() {
            return "storsteinnes";
        }

        public String goodNote(String msgId) {
            return GatewayTestMessages.noteToOteren(msgId);
        }

        public void send(String name, byte[] bytes) throws IOException {
            Path outbox = folder("storsteinnes", "outbox");
            Path tmp = outbox.resolve(name + ".part");
            Files.write(tmp, bytes);
            Files.move(tmp, outbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }

        public String answer(String gatewayId, String msgId) throws IOException {
            Path receipt = folder("storsteinnes", "inbox").resolve("apprec-" + (msgId != null ? msgId : gatewayId) + ".xml");
            return Files.exists(receipt) ? Files.readString(receipt, StandardCharsets.UTF_8) : null;
        }
    };

    /** Malangen over JMS: bytes messages to samnav.in.malangen, answers from samnav.out.malangen. */
    final class JmsJournalSystem implements JournalSystem, AutoCloseable {
        final Map<String, String> received = new ConcurrentHashMap<>();
        final ActiveMQConnectionFactory factory;
        final Connection connection;
        final Session session;
        final MessageProducer producer;
        final MessageConsumer consumer;

        JmsJournalSystem() throws Exception {
            int port = ((NettyAcceptor) broker.getActiveMQServer().getRemotingService()
                    .getAcceptor(BrokerConfiguration.TCP_ACCEPTOR)).getActualPort();
            factory = new ActiveMQConnectionFactory("tcp://localhost:" + port);
            connection = factory.createConnection();
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            producer = session.createProducer(session.createQueue("samnav.in.malangen"));
            Session listening = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            consumer = listening.createConsumer(listening.createQueue("samnav.out.malangen"));
            consumer.setMessageListener(m -> {
                try {
                    BytesMessage bytes = (BytesMessage) m;
                    byte[] body = new byte[(int) bytes.getBodyLength()];
                    bytes.readBytes(body);
                    received.put(m.getStringProperty(DeliveryProcessors.MESSAGE_ID_HEADER), new String(body, StandardCharsets.UTF_8));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            connection.start();
        }

        public String participant() {
            return "malangen";
        }

        public String goodNote(String msgId) {
            return GatewayTestMessages.noteToOteren(msgId).replace("<Id>" + GatewayTestMessages.STORSTEINNES_HER + "</Id>",
                    "<Id>" + MALANGEN_HER + "</Id>").replace("Storsteinnes legekontor", "Malangen legekontor");
        }

        public void send(String name, byte[] bytes) throws Exception {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(bytes);
            producer.send(message);
        }

        public String answer(String gatewayId, String msgId) {
            return received.get(gatewayId);
        }

        public void close() throws Exception {
            connection.close();
            factory.close();
        }
    }

    Path folder(String participant, String which) {
        return dataDir.resolve("participants").resolve(participant).resolve(which);
    }

    @Test
    void everyBadInputGetsItsPreciseRejectionOnItsOwnChannelAndGoodMessagesKeepFlowing() throws Exception {
        long heapBefore = usedHeapAfterGc();
        try (JmsJournalSystem jms = new JmsJournalSystem()) {
            List<String> good = new ArrayList<>();
            Map<JournalSystem, List<HostileCorpus.BadInput>> corpora = new LinkedHashMap<>();
            corpora.put(files, corpus(files, 20261202L, good));
            corpora.put(jms, corpus(jms, 20261203L, good));

            for (var entry : corpora.entrySet()) {
                JournalSystem system = entry.getKey();
                List<HostileCorpus.BadInput> corpus = entry.getValue();
                assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
                for (int i = 0; i < corpus.size(); i++) {
                    system.send("bad-" + i + ".xml", corpus.get(i).bytes());
                    if (i % 20 == 0) {
                        String msgId = UUID.randomUUID().toString();
                        good.add(msgId);
                        system.send("good-" + i + ".xml", system.goodNote(msgId).getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            files.send("huge.xml", HostileCorpus.oversized(files.goodNote(UUID.randomUUID().toString()), 100 * 1024 * 1024));

            // every bad input: an AppRec "avvist" with the expected code, back on the channel it came from
            await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
                Map<String, String> wrongAnswers = new LinkedHashMap<>();
                for (var entry : corpora.entrySet()) {
                    for (HostileCorpus.BadInput bad : entry.getValue()) {
                        String answer = errorCodeOf(entry.getKey(), bad);
                        if (!bad.expectedCode().equals(answer)) {
                            wrongAnswers.put(entry.getKey().participant() + ": " + bad.name(),
                                    "expected " + bad.expectedCode() + ", got " + answer);
                        }
                    }
                }
                assertThat(wrongAnswers).isEmpty();
            });
            String huge = await().atMost(Duration.ofMinutes(1)).until(() -> findInInbox("storsteinnes", "V=\"T99\""), s -> s != null);
            assertThat(huge).contains("<Status V=\"2\"").contains("større enn grensen");

            // every good message delivered exactly once
            for (String msgId : good) awaitDelivered(msgId);
            for (String msgId : good) {
                String id = store.byMsgId(msgId).orElseThrow().id();
                assertThat(store.events(id).stream().filter(e -> e.status() == MessageStatus.DELIVERED)).as(msgId).hasSize(1);
                assertThat(folder("oteren", "inbox").resolve(msgId + ".xml")).exists();
            }

            // still up: all routes running, a last message flows on each channel, no input left unprocessed
            assertThat(camel.getStatus()).isEqualTo(ServiceStatus.Started);
            assertThat(camel.getRoutes()).allMatch(r -> camel.getRouteController().getRouteStatus(r.getId()) == ServiceStatus.Started);
            for (JournalSystem system : corpora.keySet()) {
                String last = UUID.randomUUID().toString();
                system.send("last.xml", system.goodNote(last).getBytes(StandardCharsets.UTF_8));
                awaitDelivered(last);
            }
            try (Stream<Path> left = Files.list(folder("storsteinnes", "outbox"))) {
                assertThat(left.filter(p -> p.toString().endsWith(".xml"))).isEmpty();
            }
            assertThat(broker.getActiveMQServer().locateQueue("samnav.in.malangen").getMessageCount()).isZero();
        }

        // the heap holds no trace of the corpus or the 100 MB file
        long growth = usedHeapAfterGc() - heapBefore;
        assertThat(growth).as("heap growth in bytes").isLessThan(128L * 1024 * 1024);
    }

    /** One channel's corpus, plus ten ids used first by a good note and then reused by other content. */
    List<HostileCorpus.BadInput> corpus(JournalSystem system, long seed, List<String> good) throws Exception {
        List<HostileCorpus.BadInput> corpus = new ArrayList<>(new HostileCorpus(seed, system::goodNote).all());
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String msgId = UUID.randomUUID().toString();
            system.send("first-" + i + ".xml", system.goodNote(msgId).getBytes(StandardCharsets.UTF_8));
            first.add(msgId);
            String reused = system.goodNote(msgId).replace("uke 31", "uke " + (32 + i));
            corpus.add(new HostileCorpus.BadInput("reused MsgId " + i, reused.getBytes(StandardCharsets.UTF_8), "E10", null));
        }
        for (String msgId : first) awaitDelivered(msgId);
        good.addAll(first);
        return corpus;
    }

    /** The error code of the AppRec the gateway sent back for a bad input, or null while there is none. */
    String errorCodeOf(JournalSystem system, HostileCorpus.BadInput bad) throws Exception {
        var stored = store.byMsgId(bad.msgId() != null ? bad.msgId()
                : "rejected:" + system.participant() + ":sha256:" + sha256(bad.bytes()));
        if (stored.isEmpty() || stored.get().status() != MessageStatus.REJECTED) return null;
        String xml = system.answer(stored.get().id(), bad.msgId());
        if (xml == null) return null;
        assertThat(xml).contains("<Status V=\"2\"").doesNotContain(GatewayTestMessages.PATIENT_FNR);
        Matcher m = ERROR_CODE.matcher(xml);
        return m.find() ? m.group(1) : "(no Error)";
    }

    void awaitDelivered(String msgId) {
        await().atMost(Duration.ofMinutes(2)).until(() -> store.byMsgId(msgId)
                .filter(m -> m.status() == MessageStatus.DELIVERED).isPresent());
    }

    String findInInbox(String participant, String needle) throws IOException {
        try (Stream<Path> found = Files.list(folder(participant, "inbox"))) {
            for (Path p : found.filter(f -> f.toString().endsWith(".xml")).toList()) {
                String content = Files.readString(p, StandardCharsets.UTF_8);
                if (content.contains(needle)) return content;
            }
        }
        return null;
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
