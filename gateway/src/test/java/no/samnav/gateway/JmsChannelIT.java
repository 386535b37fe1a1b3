package no.samnav.gateway;

import static no.samnav.gateway.GatewayTestMessages.appRec10;
import static no.samnav.gateway.GatewayTestMessages.noteToOteren;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import no.samnav.gateway.config.BrokerConfiguration;
import no.samnav.gateway.store.MessageStatus;
import no.samnav.gateway.store.MessageStore;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A JMS participant: Oteren's journal system (System X) connects to the gateway's embedded broker
 * over TCP with a plain Artemis JMS client, receives on {@code samnav.out.oteren} and sends on
 * {@code samnav.in.oteren}; Storsteinnes stays on the file channel.
 */
class JmsChannelIT extends GatewayITSupport {

    @DynamicPropertySource
    static void oterenOnJms(DynamicPropertyRegistry registry) throws IOException {
        String demo;
        try (InputStream in = JmsChannelIT.class.getResourceAsStream("/demo/cooperation.yml")) {
            demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String jms = demo.replace("    profile: systemx\n", "    profile: systemx\n    channel: jms\n");
        assertThat(jms).contains("channel: jms");
        Path file = dataDir.resolve("cooperation.yml");
        Files.writeString(file, jms, StandardCharsets.UTF_8);
        registry.add("samnav.cooperation-file", file::toString);
    }

    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    MessageStore store;

    ActiveMQConnectionFactory factory;
    Connection connection;
    Session session;

    @BeforeEach
    void connectLikeAJournalSystem() throws Exception {
        int port = ((NettyAcceptor) broker.getActiveMQServer().getRemotingService()
                .getAcceptor(BrokerConfiguration.TCP_ACCEPTOR)).getActualPort();
        factory = new ActiveMQConnectionFactory("tcp://localhost:" + port);
        connection = factory.createConnection();
        connection.start();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @AfterEach
    void disconnect() throws Exception {
        connection.close();
        factory.close();
    }

    void send(String queue, String xml) throws Exception {
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(xml.getBytes(StandardCharsets.UTF_8));
            producer.send(message);
        }
    }

    /** The message {@link #receiveContaining} found last. */
    final AtomicReference<Message> lastMatch = new AtomicReference<>();

    /** Receives from {@code queue} until a message contains {@code needle}; returns its text. */
    String receiveContaining(String queue, String needle) throws Exception {
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
            return await().atMost(Duration.ofSeconds(30)).until(() -> {
                Message m = consumer.receive(200);
                if (!(m instanceof BytesMessage bytes)) return null;
                byte[] body = new byte[(int) bytes.getBodyLength()];
                bytes.readBytes(body);
                String text = new String(body, StandardCharsets.UTF_8);
                if (!text.contains(needle)) return null;
                lastMatch.set(m);
                return text;
            }, s -> s != null);
        }
    }





    @Test
    void aNoteToTheJmsParticipantArrivesTranslatedAndItsAppRecReturnsToTheFileSender() throws Exception {
        String msgId = UUID.randomUUID().toString();
        drop("storsteinnes", "note.xml", noteToOteren(msgId));

        String delivered = receiveContaining("samnav.out.oteren", msgId);
        assertThat(delivered).contains("xmlns=\"http://www.kith.no/xmlstds/dialog/2006-10-11\"")
                .contains("<Type V=\"DIALOG_NOTAT\"");
        String id = store.byMsgId(msgId).orElseThrow().id();
        assertThat(lastMatch.get().getStringProperty("SamnavMessageId")).isEqualTo(id);
        assertThat(java.util.Collections.list(lastMatch.get().getPropertyNames()))
                .contains("SamnavMessageId", "SamnavParticipant").doesNotContain("SamnavChannel");
        await().atMost(Duration.ofSeconds(10)).until(() -> store.byId(id).orElseThrow().status() == MessageStatus.DELIVERED);

        String receiptId = UUID.randomUUID().toString();
        send("samnav.in.oteren", appRec10(receiptId, msgId, "1", "OK"));
        String receipt = awaitFileContaining(inbox("storsteinnes"), receiptId);
        assertThat(receipt).contains("xmlns=\"http://www.kith.no/xmlstds/apprec/2012-02-15\"").contains("<Id>" + msgId + "</Id>");
        await().atMost(Duration.ofSeconds(10)).until(() -> store.byId(id).orElseThrow().status() == MessageStatus.ACKNOWLEDGED);
    }

    @Test
    void aNoteFromTheJmsParticipantIsAcknowledgedOnlyOnceStoredAndReachesTheFileReceiver() throws Exception {
        String msgId = UUID.randomUUID().toString();
        String sample = Files.readString(Path.of("..", "samples", "dialogmelding-1.1-notat.xml"), StandardCharsets.UTF_8)
                .replace("3c2b9f0e-5a77-4c1e-9a61-7d1f0c2e4b10", msgId);
        send("samnav.in.oteren", sample);

        assertThat(awaitFileContaining(inbox("storsteinnes"), msgId))
                .contains("xmlns=\"http://www.kith.no/xmlstds/dialog/2013-01-23\"");
        assertThat(store.byMsgId(msgId).orElseThrow().channel()).isEqualTo("oteren");
        var in = broker.getActiveMQServer().locateQueue("samnav.in.oteren");
        await().atMost(Duration.ofSeconds(10)).until(() -> in.getMessageCount() == 0 && in.getDeliveringCount() == 0);
    }

    @Test
    void brokenInputFromTheJmsParticipantIsAnsweredOnItsOutQueue() throws Exception {
        String msgId = UUID.randomUUID().toString();
        send("samnav.in.oteren", noteToOteren(msgId).replace("</Notat>", "</Nota>"));

        String receipt = receiveContaining("samnav.out.oteren", msgId);
        assertThat(receipt).contains("xmlns=\"http://www.kith.no/xmlstds/apprec/2004-11-21\"")
                .contains("<Status V=\"2\"").contains("T01");
    }
}
