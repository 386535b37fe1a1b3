package no.samnav.gateway.flow;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import no.samnav.gateway.observability.GatewayMetrics;
import no.samnav.gateway.store.MessageStatus;
import no.samnav.gateway.store.MessageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Delivery bookkeeping around the channel write: a payload already written is not written again
 * (exactly once per receiver, however often the broker redelivers), and a completed write moves
 * the message to DELIVERED.
 */
@Service
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final MessageStore store;
    private final GatewayMetrics metrics;
    private final Clock clock;

    public DeliveryService(MessageStore store, GatewayMetrics metrics, Clock clock) {
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The payload to write, or empty when it was already delivered. */
    public Optional<MessageStore.Delivery> pending(String messageId, String participant) {
        MessageStore.Delivery d = store.delivery(messageId, participant).orElseThrow(() -> new IllegalStateException(
                "no prepared delivery of " + messageId + " to " + participant));
        if (d.delivered()) {
            log.info("message {} was already delivered to {}; not written again", messageId, participant);
            return Optional.empty();
        }
        return Optional.of(d);
    }

    /** Records that {@code standard}'s payload was written to the participant's channel. */
    public void delivered(String messageId, String participant, String standard) {
        store.delivered(messageId, participant);
        var message = store.byId(messageId);
        message.filter(m -> m.status() == MessageStatus.ROUTED)
                .ifPresent(m -> store.status(messageId, MessageStatus.DELIVERED, "written to " + participant));
        message.ifPresent(m -> metrics.delivered(participant, standard, Duration.between(m.receivedAt(), clock.instant())));
        log.info("message {} delivered to {}", messageId, participant);
    }

    /** Records that delivery gave up and the order waits on the dead-letter queue. */
    public void deadLettered(String messageId, String participant, String reason) {
        store.status(messageId, MessageStatus.DEAD_LETTERED, "to " + participant + ": " + reason);
        metrics.deadLettered(participant);
        log.error("message {} to {} dead-lettered: {}", messageId, participant, reason);
    }
}
