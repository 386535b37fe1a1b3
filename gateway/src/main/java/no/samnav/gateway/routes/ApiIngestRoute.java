package no.samnav.gateway.routes;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code ingest-api}: what clients send over the FHIR API ({@code $process-message}), handed over
 * in-process as an {@link ApiIngestProcessor.Submission}: ingested (and, in synchronous mode,
 * routed) by the same service as the file and JMS channels, then its deliveries go to the
 * receivers' durable queues before the client gets its answer. No error handler: a failure goes
 * back to the caller, who answers the client with it (the client may send the same Bundle again;
 * the store recognises it).
 */
@Component
public class ApiIngestRoute extends RouteBuilder {

    /** The endpoint the FHIR API sends submissions to. */
    public static final String ENDPOINT = "direct:ingest-api";

    private final ApiIngestProcessor ingest;
    private final DeliveryOrderProcessor order;

    public ApiIngestRoute(ApiIngestProcessor ingest, DeliveryOrderProcessor order) {
        this.ingest = ingest;
        this.order = order;
    }

    @Override
    public void configure() {
        // failures go back to the caller, who answers the client (a refused message is no gateway error to log)
        errorHandler(noErrorHandler());
        from(ENDPOINT)
                .routeId("ingest-api")
                .process(ingest)
                .split(body())
                    .process(order)
                    .to("jms:queue:" + Queues.ROUTE)
                .end();
    }
}
