package no.samnav.gateway.routes;

import java.time.Instant;
import no.samnav.gateway.flow.DeliveryService;
import no.samnav.gateway.observability.MessageIdMdc;
import no.samnav.gateway.store.MessageStore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/** Camel adapters of {@link DeliveryService} around the channel write. */
@Component
public class DeliveryProcessors {

    /** Set when the payload was delivered before and must not be written again. */
    public static final String ALREADY_DELIVERED_HEADER = "SamnavAlreadyDelivered";
    /** The message id, kept while the body carries the payload. */
    public static final String MESSAGE_ID_HEADER = MessageIdMdc.HEADER;
    /** Exchange property (never sent to the channel): the standard id of the payload being delivered. */
    public static final String STANDARD_PROPERTY = "SamnavStandard";
    /** Exchange property (never sent to the channel): when the message being delivered was received. */
    public static final String RECEIVED_AT_PROPERTY = "SamnavReceivedAt";
    /**
     * Exchange property (never sent to the channel): this attempt's id, kept across the error
     * handler's retries of the exchange, so that a retry of the record after an error with an
     * unknown outcome recognises a record its own earlier try committed.
     */
    public static final String ATTEMPT_PROPERTY = "SamnavDeliveryAttempt";

    private final DeliveryService deliveries;

    public DeliveryProcessors(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    /** Loads the payload for the participant named in the header, or marks the exchange as done. */
    public Processor load() {
        return exchange -> {
            String messageId = exchange.getIn().getBody(String.class);
            String participant = exchange.getIn().getHeader(Queues.PARTICIPANT_HEADER, String.class);
            exchange.getIn().setHeader(MESSAGE_ID_HEADER, messageId);
            var pending = deliveries.pending(messageId, participant);
            if (pending.isEmpty()) {
                exchange.getIn().setHeader(ALREADY_DELIVERED_HEADER, true);
                return;
            }
            MessageStore.Delivery d = pending.get();
            exchange.getIn().setHeader(Exchange.FILE_NAME, d.fileName());
            exchange.setProperty(STANDARD_PROPERTY, d.standard());
            exchange.setProperty(RECEIVED_AT_PROPERTY, d.receivedAt());
            exchange.setProperty(ATTEMPT_PROPERTY, java.util.UUID.randomUUID().toString());
            exchange.getIn().setBody(d.payload());
        };
    }

    /**
     * Records a completed write; when another delivery of the same order recorded it first, marks
     * the exchange {@link #ALREADY_DELIVERED_HEADER} so that this write is not published. A retry of
     * this step (the error handler's, after the commit's answer was lost) finds its own record and
     * publishes.
     */
    public Processor delivered() {
        return exchange -> {
            boolean recorded = deliveries.delivered(exchange.getIn().getHeader(MESSAGE_ID_HEADER, String.class),
                    exchange.getIn().getHeader(Queues.PARTICIPANT_HEADER, String.class),
                    exchange.getProperty(STANDARD_PROPERTY, String.class),
                    exchange.getProperty(RECEIVED_AT_PROPERTY, Instant.class),
                    exchange.getProperty(ATTEMPT_PROPERTY, String.class));
            if (!recorded) exchange.getIn().setHeader(ALREADY_DELIVERED_HEADER, true);
        };
    }
}
