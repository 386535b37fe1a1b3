package no.samnav.gateway.routes;

import no.samnav.gateway.registry.Participant;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code ingest-<id>}: takes what one participant's journal system sends, ingests it and hands it to
 * the routing queue (or a rejection receipt to the sender's delivery queue).
 * <ul>
 * <li>File channel: complete {@code *.xml} files from the outbox (integrators write under another
 * name, e.g. {@code x.xml.part} or {@code .x.xml}, and rename when done; empty files are left
 * alone). The file is moved to {@code .done} only after the message is stored and on the durable
 * queue; if anything fails before, it stays and is picked up again.</li>
 * <li>JMS channel: queue {@code samnav.in.<id>}, transacted: the message is acknowledged only after
 * it is stored and on the durable queue; a failure rolls the receive back and the broker redelivers.</li>
 * </ul>
 * Built by {@link ParticipantRoutes} for one participant, at start-up and on a reload.
 */
final class IngestRoute extends RouteBuilder {

    private final Participant participant;
    private final long filePollMillis;
    private final IngestProcessor ingest;

    IngestRoute(Participant participant, long filePollMillis, IngestProcessor ingest) {
        this.participant = participant;
        this.filePollMillis = filePollMillis;
        this.ingest = ingest;
    }

    static String routeId(String participantId) {
        return "ingest-" + participantId;
    }

    @Override
    public void configure() {
        from(source())
                .routeId(routeId(participant.id()))
                .setHeader(IngestProcessor.CHANNEL_HEADER, constant(participant.id()))
                .process(ingest)
                .filter(header(IngestProcessor.DONE_HEADER).isNull())
                .to("jms:queue:" + Queues.ROUTE);
    }

    private String source() {
        return switch (participant.channel().type()) {
            case FILE -> "file:" + participant.channel().outbox() + "?antInclude=*.xml&filter=#completeFiles"
                    + "&move=.done/${file:name.noext}-${date:now:yyyyMMddHHmmssSSS}.xml"
                    + "&delay=" + filePollMillis;
            case JMS -> "jms:queue:" + Queues.inFrom(participant.id()) + "?transacted=true";
        };
    }
}
