package no.samnav.gateway.routes;

import no.samnav.gateway.flow.IngestService;
import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.registry.Participant;
import java.io.InputStream;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsConstants;
import org.springframework.stereotype.Component;

/**
 * Camel adapter of {@link IngestService}: the body becomes the message id and the JMS destination
 * the routing queue, or the sender's own delivery queue for a rejection receipt; a resubmission of
 * a handled message goes nowhere.
 */
@Component
public class IngestProcessor implements Processor {

    /** The participant whose outbox the input came from. */
    public static final String CHANNEL_HEADER = "SamnavChannel";
    /** Set when the input needs no further step. */
    public static final String DONE_HEADER = "SamnavDone";

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
        var in = exchange.getIn();
        if (outcome instanceof IngestService.Outcome.Accepted accepted) {
            in.setBody(accepted.messageId());
            in.setHeader(JmsConstants.JMS_DESTINATION_NAME, Queues.ROUTE);
        } else if (outcome instanceof IngestService.Outcome.Rejected rejected) {
            in.setBody(rejected.messageId());
            in.setHeader(Queues.PARTICIPANT_HEADER, rejected.participant());
            in.setHeader(JmsConstants.JMS_DESTINATION_NAME, Queues.deliverTo(rejected.participant()));
        } else if (outcome instanceof IngestService.Outcome.AlreadyHandled handled) {
            in.setBody(handled.messageId());
            in.setHeader(DONE_HEADER, true);
        }
    }
}
