package no.samnav.gateway.routes;

import no.samnav.gateway.flow.IngestService;
import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.registry.Participant;
import java.io.InputStream;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import java.util.List;
import no.samnav.gateway.flow.RoutingService.DeliveryOrder;
import no.samnav.gateway.observability.MessageIdMdc;
import org.springframework.stereotype.Component;

/**
 * Camel adapter of {@link IngestService} for the JMS channels, whose next steps are sent in the
 * consumer's transaction (the file channels go through {@link BatchedIngestProcessor}): the body
 * becomes the list of next steps, each a
 * {@link DeliveryOrder} for {@link DeliveryOrderProcessor}: the deliveries routed at ingest, the
 * rejection receipt to the sender's own queue, or (participant null) the routing queue for a
 * message not routed yet. A resubmission of a finished message has no next step.
 */
@Component
public class IngestProcessor implements Processor {

    /** The participant whose outbox the input came from. */
    public static final String CHANNEL_HEADER = "SamnavChannel";

    private final IngestService ingest;
    private final RegistryHolder registry;

    public IngestProcessor(IngestService ingest, RegistryHolder registry) {
        this.ingest = ingest;
        this.registry = registry;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String channelId = exchange.getIn().getHeader(CHANNEL_HEADER, String.class);
        Participant channel = registry.current().byId(channelId).orElseThrow(() ->
                new IllegalStateException("no participant " + channelId));
        IngestService.Outcome outcome;
        // a stream, so an oversized file is refused after reading no more than the limit
        try (InputStream payload = exchange.getIn().getMandatoryBody(InputStream.class)) {
            outcome = ingest.ingest(channel, payload);
        }
        exchange.getIn().setHeader(MessageIdMdc.HEADER, outcome.messageId());
        exchange.getIn().setBody(nextSteps(outcome));
    }

    static List<DeliveryOrder> nextSteps(IngestService.Outcome outcome) {
        if (outcome instanceof IngestService.Outcome.Routed routed) return routed.deliveries();
        if (outcome instanceof IngestService.Outcome.Rejected rejected) {
            return List.of(new DeliveryOrder(rejected.messageId(), rejected.participant()));
        }
        return List.of(DeliveryOrder.toRouting(outcome.messageId()));
    }
}
