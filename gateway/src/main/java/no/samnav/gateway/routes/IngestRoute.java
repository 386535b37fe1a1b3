package no.samnav.gateway.routes;

import no.samnav.gateway.cluster.ClusterConfiguration;
import no.samnav.gateway.cluster.ClusterProperties;
import no.samnav.gateway.registry.Participant;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code ingest-<id>}: takes what one participant's journal system sends, ingests and routes it,
 * and hands its deliveries to the receivers' queues (a rejection receipt to the sender's own queue;
 * a message whose routing failed here to the routing queue).
 * <ul>
 * <li>File channel: complete {@code *.xml} files from the outbox (integrators write under another
 * name, e.g. {@code x.xml.part} or {@code .x.xml}, and rename when done; empty files are left
 * alone). Each file is parsed on the consumer's thread and stored and queued by
 * {@link IngestBatches}, several files of the outboxes in one store and one broker transaction. The
 * file is moved to {@code .done} only after the message is stored and its next steps
 * are on their durable queues; if anything fails before, it stays and is picked up again (and the
 * store recognises it: see {@code IngestService}).
 * With several gateway nodes on the same folders ({@code samnav.cluster.enabled}) a node first claims
 * the file in the shared database ({@code readLock=idempotent}, see {@code ClusterConfiguration}); the
 * claim outlives the move to {@code .done} by {@code samnav.cluster.claim-release-delay}, so a node
 * that listed the folder just before cannot take the file again, and a dead node's claim expires.</li>
 * <li>JMS channel: queue {@code samnav.in.<id>}, transacted: the message is acknowledged only after
 * it is stored and its next steps are on their durable queues (sent in the same JMS transaction);
 * a failure rolls the receive back and the broker redelivers.</li>
 * </ul>
 * Built by {@link ParticipantRoutes} for one participant, at start-up and on a reload.
 */
final class IngestRoute extends RouteBuilder {

    private final Participant participant;
    private final long filePollMillis;
    private final ClusterProperties cluster;
    private final IngestProcessor ingest;
    private final BatchedIngestProcessor batchedIngest;
    private final DeliveryOrderProcessor order;

    IngestRoute(Participant participant, long filePollMillis, ClusterProperties cluster, IngestProcessor ingest,
            BatchedIngestProcessor batchedIngest, DeliveryOrderProcessor order) {
        this.participant = participant;
        this.filePollMillis = filePollMillis;
        this.cluster = cluster;
        this.ingest = ingest;
        this.batchedIngest = batchedIngest;
        this.order = order;
    }

    static String routeId(String participantId) {
        return "ingest-" + participantId;
    }

    @Override
    public void configure() {
        if (participant.channel().type() == Participant.ChannelType.FILE) {
            // the batch stores the message and queues its next steps before the exchange completes
            from(source())
                    .routeId(routeId(participant.id()))
                    .setHeader(IngestProcessor.CHANNEL_HEADER, constant(participant.id()))
                    .process(batchedIngest);
            return;
        }
        from(source())
                .routeId(routeId(participant.id()))
                .setHeader(IngestProcessor.CHANNEL_HEADER, constant(participant.id()))
                .process(ingest)
                .split(body())
                    .process(order)
                    // the order processor names the receiver's delivery queue (or the routing queue)
                    .to("jms:queue:" + Queues.ROUTE)
                .end();
    }

    private String source() {
        return switch (participant.channel().type()) {
            case FILE -> "file:" + participant.channel().outbox() + "?antInclude=*.xml&filter=#completeFiles"
                    + "&move=.done/${file:name.noext}-${date:now:yyyyMMddHHmmssSSS}.xml"
                    + "&delay=" + filePollMillis + clusterClaim();
            case JMS -> "jms:queue:" + Queues.inFrom(participant.id()) + "?transacted=true";
            case FHIR -> throw new IllegalStateException("a FHIR participant sends through the FHIR API, not an ingest route");
        };
    }

    private String clusterClaim() {
        if (!cluster.enabled()) return "";
        // idempotentEager=false: otherwise a node that could not claim a file removed the other
        // node's claim after the poll (Camel drains not-started files from the endpoint's idempotent
        // repository, which the read lock shares), and took the file at its next poll (found by
        // ClusterFileClaimsIT)
        return "&readLock=idempotent&idempotentRepository=#" + ClusterConfiguration.FILE_CLAIMS + "&idempotentEager=false"
                + "&readLockRemoveOnCommit=true&readLockRemoveOnRollback=true"
                + "&readLockIdempotentReleaseDelay=" + cluster.claimReleaseDelay().toMillis()
                + "&readLockIdempotentReleaseAsync=true&readLockIdempotentReleaseAsyncPoolSize=1";
    }
}
