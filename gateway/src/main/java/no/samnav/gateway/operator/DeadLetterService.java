package no.samnav.gateway.operator;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.routes.DeliveryProcessors;
import no.samnav.gateway.routes.Queues;
import no.samnav.gateway.store.MessageStatus;
import no.samnav.gateway.store.MessageStore;
import no.samnav.gateway.store.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.stereotype.Service;

/**
 * The dead letters for an operator: which messages gave up (from the store: latest status
 * DEAD_LETTERED, with participant and reason), and resending them. A resend takes the message's dead
 * letters off the JMS queue {@code samnav.dead-letter} (by selector on message id and participant)
 * and puts the order back on the participant's delivery queue (or the routing queue when routing gave
 * up) in one JMS transaction, after recording RESENT on the timeline. The delivery step writes a
 * payload at most once, so a resend never delivers twice.
 */
@Service
public class DeadLetterService {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterService.class);

    private final MessageStore store;
    private final RegistryHolder registry;
    private final ConnectionFactory connectionFactory;

    public DeadLetterService(MessageStore store, RegistryHolder registry, ConnectionFactory connectionFactory) {
        this.store = store;
        this.registry = registry;
        // a connection of its own for each operator action: the caching factory of the routes would keep
        // a consumer per selector open for ever
        this.connectionFactory = connectionFactory instanceof CachingConnectionFactory caching
                && caching.getTargetConnectionFactory() != null ? caching.getTargetConnectionFactory() : connectionFactory;
    }

    /** A dead-lettered message; {@code participant} null when routing gave up; {@code queued} whether its JMS dead letter is on the queue. */
    public record DeadLetter(StoredMessage message, String participant, String reason, Instant at, boolean queued) {
    }

    /** What a resend did. */
    public record Resent(String messageId, String participant, String queue, int deadLettersRemoved) {
    }

    /** The dead-lettered messages, all or those to one participant. */
    public List<DeadLetter> list(String participant) {
        List<MessageStore.DeadLetter> stored = store.deadLetters(blankToNull(participant));
        if (stored.isEmpty()) return List.of();
        Set<String> queued = queuedDeadLetters();
        return stored.stream().map(d -> new DeadLetter(d.message(), d.participant(), d.reason(), d.at(),
                queued.contains(key(d.message().id(), d.participant())))).toList();
    }

    /**
     * Resends a dead-lettered message (by gateway id or MsgId) to the participant of its last dead
     * letter, or to {@code participant} when given.
     */
    public Resent resend(String id, String participant) {
        StoredMessage message = store.byIdOrMsgId(id).orElseThrow(() -> new NotFoundException("no message " + id));
        if (message.status() != MessageStatus.DEAD_LETTERED) {
            throw new ConflictException("message " + message.id() + " is not dead-lettered (status " + message.status() + ")");
        }
        String to = blankToNull(participant);
        if (to == null) {
            List<MessageStore.Event> events = store.events(message.id());
            to = events.stream().filter(e -> e.status() == MessageStatus.DEAD_LETTERED)
                    .reduce((first, second) -> second).map(MessageStore.Event::participant).orElse(null);
        } else {
            if (registry.current().byId(to).isEmpty()) throw new NotFoundException("no participant " + to);
            if (store.delivery(message.id(), to).isEmpty()) {
                throw new NotFoundException("message " + message.id() + " has no delivery to " + to);
            }
        }
        return resendNow(message.id(), to);
    }

    /** Resends every dead-lettered message, or those to one participant. */
    public List<Resent> resendAll(String participant) {
        String to = blankToNull(participant);
        if (to != null && registry.current().byId(to).isEmpty()) throw new NotFoundException("no participant " + to);
        List<Resent> resent = new ArrayList<>();
        for (MessageStore.DeadLetter d : store.deadLetters(to)) {
            resent.add(resendNow(d.message().id(), d.participant()));
        }
        return resent;
    }

    /** What a discard did. */
    public record Discarded(String messageId, String participant, int deadLettersRemoved) {
    }

    /**
     * Gives up a dead-lettered message (by gateway id or MsgId) for good, with the operator's reason:
     * its dead letter leaves the queue and {@code DISCARDED} with who and why goes on the timeline.
     */
    public Discarded discard(String id, String reason, String operator) {
        StoredMessage message = store.byIdOrMsgId(id).orElseThrow(() -> new NotFoundException("no message " + id));
        if (message.status() != MessageStatus.DEAD_LETTERED) {
            throw new ConflictException("message " + message.id() + " is not dead-lettered (status " + message.status() + ")");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 5 || why.length() > 500) {
            throw new IllegalArgumentException("a discard needs a reason of 5 to 500 characters");
        }
        String participant = store.events(message.id()).stream().filter(e -> e.status() == MessageStatus.DEAD_LETTERED)
                .reduce((first, second) -> second).map(MessageStore.Event::participant).orElse(null);
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            int removed = takeOffDeadLetterQueue(session, message.id(), participant);
            session.commit();
            // after the commit: should recording fail, the message is still dead-lettered and may be resent
            store.status(message.id(), MessageStatus.DISCARDED, "by " + operator + ": " + why, participant);
            log.info("message {} discarded by an operator ({} dead letter(s) taken off the queue)", message.id(), removed);
            return new Discarded(message.id(), participant, removed);
        } catch (JMSException e) {
            throw new IllegalStateException("discard of message " + message.id() + " failed", e);
        }
    }

    private static int takeOffDeadLetterQueue(Session session, String messageId, String participant) throws JMSException {
        int removed = 0;
        try (MessageConsumer dead = session.createConsumer(session.createQueue(Queues.DEAD_LETTER),
                selector(messageId, participant))) {
            Message m = dead.receive(1000);
            while (m != null) {
                removed++;
                m = dead.receiveNoWait();
            }
        }
        return removed;
    }

    private Resent resendNow(String messageId, String participant) {
        String queue = participant == null ? Queues.ROUTE : Queues.deliverTo(participant);
        store.status(messageId, MessageStatus.RESENT, "by an operator to " + queue, participant);
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            int removed = takeOffDeadLetterQueue(session, messageId, participant);
            try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
                Message order = session.createTextMessage(messageId);
                if (participant != null) order.setStringProperty(Queues.PARTICIPANT_HEADER, participant);
                producer.send(order);
            }
            session.commit();
            log.info("message {} resent to {} by an operator ({} dead letter(s) taken off the queue)", messageId, queue, removed);
            return new Resent(messageId, participant, queue, removed);
        } catch (JMSException e) {
            store.status(messageId, MessageStatus.DEAD_LETTERED, "resend failed: " + e.getMessage(), participant);
            throw new IllegalStateException("resend of message " + messageId + " failed", e);
        }
    }

    /** Message id and participant of every dead letter on the JMS queue. */
    private Set<String> queuedDeadLetters() {
        Set<String> keys = new HashSet<>();
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue(Queues.DEAD_LETTER);
            try (QueueBrowser browser = session.createBrowser(queue)) {
                Enumeration<?> messages = browser.getEnumeration();
                while (messages.hasMoreElements()) {
                    Message m = (Message) messages.nextElement();
                    keys.add(key(m.getStringProperty(DeliveryProcessors.MESSAGE_ID_HEADER),
                            m.getStringProperty(Queues.PARTICIPANT_HEADER)));
                }
            }
        } catch (InvalidDestinationException noQueueYet) {
            return keys;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse the dead-letter queue", e);
        }
        return keys;
    }

    static String selector(String messageId, String participant) {
        return DeliveryProcessors.MESSAGE_ID_HEADER + " = '" + quote(messageId) + "' AND "
                + (participant == null ? Queues.PARTICIPANT_HEADER + " IS NULL"
                        : Queues.PARTICIPANT_HEADER + " = '" + quote(participant) + "'");
    }

    private static String quote(String value) {
        return value.replace("'", "''");
    }

    private static String key(String messageId, String participant) {
        return messageId + "|" + participant;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
