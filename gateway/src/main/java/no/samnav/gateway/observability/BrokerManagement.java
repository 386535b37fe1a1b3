package no.samnav.gateway.observability;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Questions to an external ActiveMQ Artemis broker through its management address
 * ({@code activemq.management}, Artemis' default): request messages answered on a temporary queue,
 * as Artemis documents for JMS clients. The broker user needs the {@code manage} permission (the
 * user {@code artemis create} makes has it; docs/operations.md).
 */
@Component
public class BrokerManagement {

    /** Artemis' default management address. */
    static final String MANAGEMENT_ADDRESS = "activemq.management";
    private static final long REPLY_TIMEOUT_MILLIS = 5_000;

    private final ConnectionFactory connectionFactory;

    public BrokerManagement(ConnectionFactory connectionFactory) {
        // a connection of its own for each question: the routes' caching factory would keep the
        // reply consumers open
        this.connectionFactory = connectionFactory instanceof CachingConnectionFactory caching
                && caching.getTargetConnectionFactory() != null ? caching.getTargetConnectionFactory() : connectionFactory;
    }

    /** Messages waiting on each queue whose name starts with {@code prefix}. */
    public Map<String, Long> queueDepths(String prefix) throws JMSException {
        return converse(ask -> {
            Map<String, Long> depths = new LinkedHashMap<>();
            Object names = ask.ask(m -> JMSManagementHelper.putOperationInvocation(m, ResourceNames.BROKER, "getQueueNames"));
            for (Object name : (Object[]) names) {
                String queue = String.valueOf(name);
                if (!queue.startsWith(prefix)) continue;
                Object count = ask.ask(m -> JMSManagementHelper.putAttribute(m, ResourceNames.QUEUE + queue, "messageCount"));
                depths.put(queue, ((Number) count).longValue());
            }
            return depths;
        });
    }

    /**
     * How full the disk of the broker's data folder is (0–1) and how full it may get before the
     * broker blocks every sender (per cent, -1: never).
     */
    public record DiskUsage(double used, int maxPercent) {

        /** Whether the broker blocks senders now, as Artemis decides it (usage above the limit). */
        public boolean full() {
            return maxPercent >= 0 && used * 100 > maxPercent;
        }
    }

    /** The broker's disk usage and limit ({@code diskStoreUsage}, {@code maxDiskUsage}). */
    public DiskUsage diskUsage() throws JMSException {
        return converse(ask -> new DiskUsage(
                ((Number) ask.ask(m -> JMSManagementHelper.putAttribute(m, ResourceNames.BROKER, "diskStoreUsage"))).doubleValue(),
                ((Number) ask.ask(m -> JMSManagementHelper.putAttribute(m, ResourceNames.BROKER, "maxDiskUsage"))).intValue()));
    }

    /** Asks the broker one management question and returns its answer. */
    @FunctionalInterface
    private interface Asker {
        Object ask(Request request) throws JMSException;
    }

    @FunctionalInterface
    private interface Conversation<T> {
        T with(Asker ask) throws JMSException;
    }

    /** One connection, with its reply queue, for a few questions in a row. */
    private <T> T converse(Conversation<T> conversation) throws JMSException {
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            try (MessageProducer requests = session.createProducer(session.createQueue(MANAGEMENT_ADDRESS));
                    MessageConsumer answers = session.createConsumer(replies)) {
                return conversation.with(request -> ask(session, requests, answers, replies, request));
            }
        }
    }

    private interface Request {
        void fill(Message message) throws Exception;
    }

    private static Object ask(Session session, MessageProducer requests, MessageConsumer answers, TemporaryQueue replies,
            Request request) throws JMSException {
        Message message = session.createMessage();
        message.setJMSReplyTo(replies);
        try {
            request.fill(message);
        } catch (JMSException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build a management request", e);
        }
        requests.send(message);
        Message reply = answers.receive(REPLY_TIMEOUT_MILLIS);
        if (reply == null) throw new JMSException("the broker did not answer a management request within "
                + REPLY_TIMEOUT_MILLIS + " ms (address " + MANAGEMENT_ADDRESS + ")");
        try {
            if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
                throw new JMSException("the broker refused a management request: " + JMSManagementHelper.getResult(reply));
            }
            return JMSManagementHelper.getResult(reply);
        } catch (JMSException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the broker's management answer", e);
        }
    }
}
