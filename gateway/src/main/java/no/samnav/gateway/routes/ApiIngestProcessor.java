package no.samnav.gateway.routes;

import no.samnav.gateway.flow.IngestService;
import no.samnav.gateway.observability.MessageIdMdc;
import no.samnav.gateway.registry.Participant;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;

/**
 * Camel adapter of {@link IngestService#ingestBundle}: the body becomes the next steps (as for the
 * other channels, see {@link IngestProcessor}); the outcome stays on the exchange for the caller.
 */
@Component
public class ApiIngestProcessor implements Processor {

    /** Exchange property with the {@link IngestService.Outcome}. */
    public static final String OUTCOME_PROPERTY = "SamnavOutcome";

    /** A message a client sent as {@code channel}; {@code routeNow}: route before answering (synchronous mode). */
    public record Submission(Participant channel, Bundle bundle, boolean routeNow) {
    }

    private final IngestService ingest;

    public ApiIngestProcessor(IngestService ingest) {
        this.ingest = ingest;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Submission submission = exchange.getIn().getMandatoryBody(Submission.class);
        IngestService.Outcome outcome = ingest.ingestBundle(submission.channel(), submission.bundle(), submission.routeNow());
        exchange.setProperty(OUTCOME_PROPERTY, outcome);
        exchange.getIn().setHeader(MessageIdMdc.HEADER, outcome.messageId());
        exchange.getIn().setBody(IngestProcessor.nextSteps(outcome));
    }
}
