package no.samnav.gateway.routes;

import no.samnav.gateway.registry.Participant;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.Exchange;

/**
 * {@code deliver-<id>}: takes delivery orders from the participant's durable queue
 * {@code samnav.deliver.<id>} and writes the prepared payload to its channel. Already delivered
 * payloads are not written again; failures are retried and dead-lettered by the shared
 * {@link DeliveryPolicy}.
 * <ul>
 * <li>File channel: into the inbox under a temporary name, renamed when complete, so the journal
 * system never reads half a file.</li>
 * <li>JMS channel: to queue {@code samnav.out.<id>} as a persistent bytes message; its only
 * properties are {@code SamnavMessageId} (the gateway's id of the message) and {@code SamnavParticipant}.</li>
 * </ul>
 * Built by {@link ParticipantRoutes} for one participant, at start-up and on a reload.
 */
final class DeliveryRoute extends RouteBuilder {

    private final Participant participant;
    private final DeliveryPolicy policy;
    private final DeliveryProcessors delivery;

    DeliveryRoute(Participant participant, DeliveryPolicy policy, DeliveryProcessors delivery) {
        this.participant = participant;
        this.policy = policy;
        this.delivery = delivery;
    }

    static String routeId(String participantId) {
        return "deliver-" + participantId;
    }

    @Override
    public void configure() {
        errorHandler(policy.deadLetterChannel());
        from("jms:queue:" + Queues.deliverTo(participant.id()) + "?transacted=true")
                .routeId(routeId(participant.id()))
                .setHeader(Queues.PARTICIPANT_HEADER, constant(participant.id()))
                .process(delivery.load())
                .filter(header(DeliveryProcessors.ALREADY_DELIVERED_HEADER).isNull())
                    // only what the channel needs goes out: not the sender's JMS properties nor the routing headers
                    .removeHeaders("*", Exchange.FILE_NAME, DeliveryProcessors.MESSAGE_ID_HEADER, Queues.PARTICIPANT_HEADER)
                    .to(target())
                    .process(delivery.delivered())
                .end();
    }

    private String target() {
        return switch (participant.channel().type()) {
            case FILE -> "file:" + participant.channel().inbox() + "?tempFileName=${file:name}.part&fileExist=Override";
            case JMS -> "jms:queue:" + Queues.outTo(participant.id()) + "?jmsMessageType=Bytes";
        };
    }
}
