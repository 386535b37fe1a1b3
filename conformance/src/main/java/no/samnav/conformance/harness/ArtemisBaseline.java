package no.samnav.conformance.harness;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The baseline of the load harness: an embedded ActiveMQ Artemis of the version the gateway
 * embeds, with a persistent journal in its own folder, in-VM like the gateway's; the same note
 * payloads sent persistent (durable, synchronous send) and received on a transacted session
 * (commit per message, as the gateway's consumers do). One broker hop: the least any durable
 * store-and-forward of these messages costs.
 *
 * <p>With several streams, each has its own queue, producer session and consumer session, sent to
 * and received from by threads of its own: the broker then syncs the journal once for several
 * messages, as it does for the gateway's consumers of several participants at once.
 */
final class ArtemisBaseline implements AutoCloseable {

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
    private final Connection connection;
    private final List<Stream> streams = new ArrayList<>();

    /** One queue with its own producer and consumer session (a JMS session is single-threaded). */
    private record Stream(Session producerSession, MessageProducer producer, Session consumerSession,
            MessageConsumer consumer) {
    }

    ArtemisBaseline(Path dir, int streamCount) throws Exception {
        Configuration config = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .addAcceptorConfiguration("in-vm", "vm://0");
        server.setConfiguration(config);
        server.start();
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0");
        connection = factory.createConnection();
        for (int i = 0; i < streamCount; i++) {
            Session producerSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Session consumerSession = connection.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = producerSession.createQueue("baseline-" + i);
            MessageProducer producer = producerSession.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            streams.add(new Stream(producerSession, producer, consumerSession,
                    consumerSession.createConsumer(consumerSession.createQueue("baseline-" + i))));
        }
        connection.start();
    }

    int streams() {
        return streams.size();
    }

    /**
     * Sends one payload persistently on stream {@code stream} (that stream's sender thread only);
     * {@code sentAt} travels along for the latency.
     */
    void send(int stream, byte[] payload, long sentAt) throws JMSException {
        Stream s = streams.get(stream);
        BytesMessage m = s.producerSession().createBytesMessage();
        m.writeBytes(payload);
        m.setLongProperty("sentAt", sentAt);
        s.producer().send(m);
    }

    /**
     * Receives and commits one message of stream {@code stream} (that stream's consumer thread only);
     * returns its sentAt, or -1 after the timeout.
     */
    long receive(int stream, long timeoutMillis) throws JMSException {
        Stream s = streams.get(stream);
        Message m = s.consumer().receive(timeoutMillis);
        if (m == null) return -1;
        ((BytesMessage) m).readBytes(new byte[(int) ((BytesMessage) m).getBodyLength()]);
        long sentAt = m.getLongProperty("sentAt");
        s.consumerSession().commit();
        return sentAt;
    }

    String journalType() {
        return server.getActiveMQServer().getConfiguration().getJournalType().name();
    }

    static String version() {
        return List.of(org.apache.activemq.artemis.utils.VersionLoader.getVersion().getFullVersion()).get(0);
    }

    @Override
    public void close() throws JMSException {
        connection.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the baseline broker", e);
        }
    }
}
