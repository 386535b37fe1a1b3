package no.samnav.gateway.routes;

import java.io.InputStream;
import no.samnav.gateway.flow.IngestService;
import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.observability.MessageIdMdc;
import no.samnav.gateway.registry.Participant;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.springframework.stereotype.Component;

/**
 * Camel adapter of {@link IngestBatches} for the file channels: reads and parses the file on the
 * consumer's thread, then hands it to the next batch and returns, so that the consumer goes on to
 * the next file of its poll. The exchange completes (and the file is moved to {@code .done}) when
 * the batch has stored the message and queued its next steps; when it fails, the file stays and is
 * taken again at a later poll.
 */
@Component
public class BatchedIngestProcessor extends AsyncProcessorSupport {

    private final IngestService ingest;
    private final IngestBatches batches;
    private final RegistryHolder registry;

    public BatchedIngestProcessor(IngestService ingest, IngestBatches batches, RegistryHolder registry) {
        this.ingest = ingest;
        this.batches = batches;
        this.registry = registry;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            String channelId = exchange.getIn().getHeader(IngestProcessor.CHANNEL_HEADER, String.class);
            Participant channel = registry.current().byId(channelId).orElseThrow(() ->
                    new IllegalStateException("no participant " + channelId));
            IngestService.Prepared prepared;
            // a stream, so an oversized file is refused after reading no more than the limit
            try (InputStream payload = exchange.getIn().getMandatoryBody(InputStream.class)) {
                prepared = ingest.prepare(channel, payload);
            }
            batches.submit(prepared).whenComplete((outcome, failure) -> {
                if (failure != null) {
                    exchange.setException(failure);
                } else {
                    exchange.getIn().setHeader(MessageIdMdc.HEADER, outcome.messageId());
                    exchange.getIn().setBody(IngestProcessor.nextSteps(outcome));
                }
                callback.done(false);
            });
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.setException(e);
        } catch (Exception e) {
            exchange.setException(e);
        }
        callback.done(true);
        return true;
    }
}
