package no.samnav.gateway.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.samnav.gateway.observability.GatewayMetrics;
import no.samnav.gateway.store.MessageStatus;
import no.samnav.gateway.store.MessageStore;
import no.samnav.gateway.store.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery bookkeeping around the channel write: a payload already written is not written again
 * (exactly once per receiver, however often the broker redelivers or an operator resends), and a
 * completed write moves the message to DELIVERED (after a resend: back to the state it had before
 * it was dead-lettered, DELIVERED for a routed message).
 */
@Service
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private static final Set<MessageStatus> DEAD_LETTER_STATES = Set.of(MessageStatus.DEAD_LETTERED, MessageStatus.RESENT);

    private final MessageStore store;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final TransactionTemplate transactions;

    public DeliveryService(MessageStore store, GatewayMetrics metrics, Clock clock, TransactionTemplate transactions) {
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** The payload to write, or empty when it was already delivered. */
    public Optional<MessageStore.Delivery> pending(String messageId, String participant) {
        MessageStore.Delivery d = store.delivery(messageId, participant).orElseThrow(() -> new IllegalStateException(
                "no prepared delivery of " + messageId + " to " + participant));
        if (d.delivered()) {
            log.info("message {} was already delivered to {}; not written again", messageId, participant);
            settle(messageId, participant, "already written to " + participant + "; not written again");
            return Optional.empty();
        }
        return Optional.of(d);
    }

    /**
     * Records that {@code standard}'s payload was written to the participant's channel; false when
     * another delivery of the same order recorded it first, and this write must not be published.
     */
    public boolean delivered(String messageId, String participant, String standard) {
        return delivered(messageId, participant, standard, null);
    }

    /**
     * As {@link #delivered(String, String, String)}, for a delivery whose message's reception time
     * the caller read with the payload ({@link MessageStore.Delivery#receivedAt()}; null: read it).
     */
    public boolean delivered(String messageId, String participant, String standard, Instant receivedAt) {
        return delivered(messageId, participant, standard, receivedAt, null);
    }

    /**
     * As {@link #delivered(String, String, String, Instant)}, for one delivery attempt: when the
     * attempt tries again after an error with an unknown outcome (the commit went through but its
     * answer was lost) its own earlier record counts as its record, so its write is published.
     */
    public boolean delivered(String messageId, String participant, String standard, Instant receivedAt, String attempt) {
        // the record and the status step commit together
        Boolean recorded = transactions.execute(tx -> {
            if (!store.delivered(messageId, participant, attempt)) return false;
            settle(messageId, participant, "written to " + participant);
            return true;
        });
        if (!Boolean.TRUE.equals(recorded)) {
            log.warn("message {} was recorded as delivered to {} by another delivery; this write is discarded",
                    messageId, participant);
            return false;
        }
        Optional<Instant> received = receivedAt != null ? Optional.of(receivedAt)
                : store.byId(messageId).map(StoredMessage::receivedAt);
        received.ifPresent(at -> metrics.delivered(participant, standard, Duration.between(at, clock.instant())));
        log.info("message {} delivered to {}", messageId, participant);
        return true;
    }

    private void settle(String messageId, String participant, String detail) {
        // nearly every delivery finds its message ROUTED: one conditional update, no read of the timeline
        if (store.statusFrom(messageId, MessageStatus.ROUTED, MessageStatus.DELIVERED, detail, participant)) return;
        List<MessageStatus> timeline = store.events(messageId).stream().map(MessageStore.Event::status).toList();
        afterDelivery(timeline).ifPresent(next -> store.status(messageId, next, detail, participant));
    }

    /**
     * The status a message moves to when its payload is (or was already) written, given its timeline
     * oldest first; empty when it stays. A routed message becomes DELIVERED; a dead-lettered or resent
     * one returns to what it was before (a routed message DELIVERED, a rejection REJECTED); any other
     * state (already DELIVERED, ACKNOWLEDGED, REJECTED) stays.
     */
    static Optional<MessageStatus> afterDelivery(List<MessageStatus> timeline) {
        if (timeline.isEmpty()) return Optional.empty();
        MessageStatus current = timeline.get(timeline.size() - 1);
        if (current == MessageStatus.ROUTED) return Optional.of(MessageStatus.DELIVERED);
        if (!DEAD_LETTER_STATES.contains(current)) return Optional.empty();
        for (int i = timeline.size() - 1; i >= 0; i--) {
            MessageStatus before = timeline.get(i);
            if (DEAD_LETTER_STATES.contains(before)) continue;
            return Optional.of(before == MessageStatus.ROUTED || before == MessageStatus.RECEIVED
                    ? MessageStatus.DELIVERED : before);
        }
        return Optional.of(MessageStatus.DELIVERED);
    }

    /**
     * Records that delivery to {@code participant} (null: routing) gave up and the order waits on the
     * dead-letter queue.
     */
    public void deadLettered(String messageId, String participant, String reason) {
        store.status(messageId, MessageStatus.DEAD_LETTERED, reason, participant);
        metrics.deadLettered(participant == null ? "(routing)" : participant);
        log.error("message {} to {} dead-lettered: {}", messageId, participant == null ? "(routing)" : participant, reason);
    }
}
