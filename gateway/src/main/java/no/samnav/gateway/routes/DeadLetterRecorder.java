package no.samnav.gateway.routes;

import no.samnav.gateway.flow.DeliveryService;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Puts the reason of a dead-lettered order on the message's timeline and on the dead letter itself,
 * with the message id as a header ({@code SamnavMessageId}) so that a resend can take exactly this
 * dead letter off the queue (by JMS selector).
 */
@Component
public class DeadLetterRecorder implements Processor {

    public static final String REASON_HEADER = "SamnavDeadLetterReason";

    private final DeliveryService deliveries;

    public DeadLetterRecorder(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void process(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "unknown failure" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        exchange.getIn().setHeader(REASON_HEADER, reason);
        String messageId = exchange.getIn().getHeader(DeliveryProcessors.MESSAGE_ID_HEADER, String.class);
        if (messageId == null) messageId = exchange.getIn().getBody(String.class);
        String participant = exchange.getIn().getHeader(Queues.PARTICIPANT_HEADER, String.class);
        if (messageId != null) {
            exchange.getIn().setHeader(DeliveryProcessors.MESSAGE_ID_HEADER, messageId);
            deliveries.deadLettered(messageId, participant, reason);
        }
    }
}
