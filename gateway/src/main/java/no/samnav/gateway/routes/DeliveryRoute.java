package no.samnav.gateway.routes;

import java.nio.file.Path;
import no.samnav.gateway.registry.Participant;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.Exchange;

/**
 * {@code deliver-<id>}: takes delivery orders from the participant's durable queue
 * {@code samnav.deliver.<id>} and writes the prepared payload to its channel. Already delivered
 * payloads are not written again; failures are retried and dead-lettered by the shared
 * {@link DeliveryPolicy}.
 * <ul>
 * <li>File channel: into the inbox as {@code <name>.<attempt>.part}, renamed only after the delivery is
 * recorded ({@link InboxFiles}), so the journal system never reads half a file nor one twice.</li>
 * <li>JMS channel: to queue {@code samnav.out.<id>} as a persistent bytes message; its only
 * properties are {@code SamnavMessageId} (the gateway's id of the message) and {@code SamnavParticipant}.</li>
 * <li>FHIR channel: the Bundle is pushed to {@code $process-message} at the participant's endpoint
 * ({@link FhirPushDelivery}); a failed push is retried. A push that succeeded just before the gateway
 * stopped, and was not yet recorded, is pushed again: the receiver recognises it by Bundle.identifier.
 * Without an endpoint the payload waits in the store until the participant's system fetches and
 * acknowledges it over the FHIR API.</li>
 * </ul>
 * Built by {@link ParticipantRoutes} for one participant, at start-up and on a reload.
 */
final class DeliveryRoute extends RouteBuilder {

    /** The buffer the file component writes an inbox file through. */
    static final int WRITE_BUFFER_BYTES = 16 * 1024;

    private final Participant participant;
    private final DeliveryPolicy policy;
    private final DeliveryProcessors delivery;
    private final InboxFiles inboxFiles;
    private final FhirPushDelivery fhirPush;

    DeliveryRoute(Participant participant, DeliveryPolicy policy, DeliveryProcessors delivery, InboxFiles inboxFiles,
            FhirPushDelivery fhirPush) {
        this.fhirPush = fhirPush;
        this.participant = participant;
        this.policy = policy;
        this.delivery = delivery;
        this.inboxFiles = inboxFiles;
    }

    static String routeId(String participantId) {
        return "deliver-" + participantId;
    }

    @Override
    public void configure() {
        errorHandler(policy.deadLetterChannel());
        boolean file = participant.channel().type() == Participant.ChannelType.FILE;
        Path inbox = participant.channel().inbox();
        var order = from("jms:queue:" + Queues.deliverTo(participant.id()) + "?transacted=true")
                .routeId(routeId(participant.id()))
                .setHeader(Queues.PARTICIPANT_HEADER, constant(participant.id()))
                .process(delivery.load());
        if (file) {
            order.choice()
                    .when(header(DeliveryProcessors.ALREADY_DELIVERED_HEADER).isNull())
                        .removeHeaders("*", Exchange.FILE_NAME, DeliveryProcessors.MESSAGE_ID_HEADER, Queues.PARTICIPANT_HEADER)
                        .process(inboxFiles.writeTemporary())
                        // Camel's default buffer is 128 KB, allocated for every file it writes; notes are a few KB
                        .to("file:" + inbox + "?fileExist=Override&bufferSize=" + WRITE_BUFFER_BYTES)
                        .process(delivery.delivered())
                        .process(inboxFiles.publish(inbox))
                    .otherwise()
                        .process(inboxFiles.finishInterrupted(inbox))
                    .end();
        } else if (participant.fetchesFhir()) {
            // the prepared payload waits in the store until the participant's system fetches and
            // acknowledges it (FhirMailbox); the order has nothing more to do
            order.log(LoggingLevel.DEBUG, "message ${header." + DeliveryProcessors.MESSAGE_ID_HEADER + "} waits for "
                    + participant.id() + " to fetch it");
        } else if (participant.readsFhir()) {
            order.filter(header(DeliveryProcessors.ALREADY_DELIVERED_HEADER).isNull())
                        .process(fhirPush.to(participant))
                        .process(delivery.delivered())
                    .end();
        } else {
            // the send to samnav.out.<id> commits with the consumed order (one local JMS transaction)
            order.filter(header(DeliveryProcessors.ALREADY_DELIVERED_HEADER).isNull())
                        // only what the channel needs goes out: not the sender's JMS properties nor the routing headers
                        .removeHeaders("*", DeliveryProcessors.MESSAGE_ID_HEADER, Queues.PARTICIPANT_HEADER)
                        .to("jms:queue:" + Queues.outTo(participant.id()) + "?jmsMessageType=Bytes")
                        .process(delivery.delivered())
                        // recorded by another delivery of the same order: take this send back
                        .filter(header(DeliveryProcessors.ALREADY_DELIVERED_HEADER).isNotNull())
                            .markRollbackOnly()
                        .end()
                    .end();
        }
    }
}
