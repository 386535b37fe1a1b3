package no.samnav.gateway.routes;

import java.util.List;
import no.samnav.gateway.cluster.ClusterProperties;
import no.samnav.gateway.config.SamnavProperties;
import no.samnav.gateway.observability.GatewayMetrics;
import no.samnav.gateway.registry.Participant;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.springframework.stereotype.Component;

/**
 * The per-participant routes ({@code ingest-<id>}, {@code deliver-<id>}): added for every
 * participant when the gateway starts, and added, replaced or removed one participant at a time
 * when the cooperation file is reloaded. Removing a participant's routes leaves its durable queues
 * and what waits on them in the broker.
 */
@Component
public class ParticipantRoutes {

    private final SamnavProperties properties;
    private final ClusterProperties cluster;
    private final IngestProcessor ingest;
    private final BatchedIngestProcessor batchedIngest;
    private final DeliveryPolicy policy;
    private final DeliveryProcessors delivery;
    private final InboxFiles inboxFiles;
    private final DeliveryOrderProcessor order;
    private final FhirPushDelivery fhirPush;
    private final GatewayMetrics metrics;

    public ParticipantRoutes(SamnavProperties properties, ClusterProperties cluster, IngestProcessor ingest,
            BatchedIngestProcessor batchedIngest, DeliveryPolicy policy, DeliveryProcessors delivery, InboxFiles inboxFiles, DeliveryOrderProcessor order, FhirPushDelivery fhirPush,
            GatewayMetrics metrics) {
        this.fhirPush = fhirPush;
        this.metrics = metrics;
        this.order = order;
        this.properties = properties;
        this.cluster = cluster;
        this.ingest = ingest;
        this.batchedIngest = batchedIngest;
        this.policy = policy;
        this.delivery = delivery;
        this.inboxFiles = inboxFiles;
    }

    /** The ids of a participant's routes. */
    public static List<String> routeIds(String participantId) {
        return List.of(IngestRoute.routeId(participantId), DeliveryRoute.routeId(participantId));
    }

    /** Adds (and, in a started context, starts) the routes of one participant. */
    public void add(CamelContext camel, Participant participant) throws Exception {
        camel.addRoutes(new DeliveryRoute(participant, policy, delivery, inboxFiles, fhirPush));
        metrics.participantKnown(participant.id());
        // a FHIR participant sends through the FHIR API (route ingest-api)
        if (!participant.readsFhir()) {
            camel.addRoutes(new IngestRoute(participant, properties.filePollInterval().toMillis(), cluster, ingest, batchedIngest,
                    order));
        }
    }

    /**
     * Stops and removes the routes of one participant: the ingest first (nothing new comes in), then
     * the delivery, each after its in-flight exchanges have completed.
     */
    public void remove(CamelContext camel, String participantId) throws Exception {
        for (String id : routeIds(participantId)) {
            Route route = camel.getRoute(id);
            if (route == null) continue;
            camel.getRouteController().stopRoute(id);
            camel.removeRoute(id);
        }
    }
}
