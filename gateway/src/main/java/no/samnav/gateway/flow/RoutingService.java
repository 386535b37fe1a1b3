package no.samnav.gateway.flow;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import java.util.Optional;
import no.samnav.gateway.journal.CareRecords;
import no.samnav.gateway.journal.JournalPublisher;
import no.samnav.gateway.observability.GatewayMetrics;
import no.samnav.gateway.registry.Addressing;
import no.samnav.gateway.registry.Participant;
import no.samnav.gateway.registry.ParticipantRegistry;
import no.samnav.gateway.store.MessageStatus;
import no.samnav.gateway.store.MessageStore;
import no.samnav.gateway.store.StoredMessage;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.WriteResult;
import no.samnav.mappers.apprec.Receipts;
import no.samnav.mappers.error.MappingException;
import no.samnav.mappers.kodeverk.AppRecErrorCode;
import no.samnav.mappers.kodeverk.AppRecStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Route and translate: resolve the receiver from the participant registry by HER-id (most specific
 * first, so a message to a departed GP reaches the office; a service's HER-id reaches its current
 * office, the GP-list address the patient's GP's office), pick the version it reads, translate
 * through FHIR and store the payload and its loss report. Receipts travel back to the original
 * sender in the sender's AppRec version. Idempotent: routing a message twice prepares the same deliveries.
 */
@Service
public class RoutingService {

    private static final Logger log = LoggerFactory.getLogger(RoutingService.class);

    private final Mappers mappers;
    private final MessageStore store;
    private final Receipting receipting;
    private final RegistryHolder registry;
    private final GatewayMetrics metrics;
    private final TransactionTemplate transactions;
    private final FhirContext fhir;
    private final JournalPublisher journal;
    private final CareRecords careRecords;
    private final java.time.Clock clock;

    public RoutingService(Mappers mappers, MessageStore store, Receipting receipting, RegistryHolder registry,
            GatewayMetrics metrics, TransactionTemplate transactions, FhirContext fhir, JournalPublisher journal,
            CareRecords careRecords, java.time.Clock clock) {
        this.careRecords = careRecords;
        this.clock = clock;
        this.fhir = fhir;
        this.journal = journal;
        this.mappers = mappers;
        this.store = store;
        this.receipting = receipting;
        this.registry = registry;
        this.metrics = metrics;
        this.transactions = transactions;
    }

    /** A payload to hand to one participant's channel, or a message to hand to the routing queue. */
    public record DeliveryOrder(String messageId, String participant) {

        /** Not a delivery yet: the message goes to the routing queue (participant null). */
        public static DeliveryOrder toRouting(String messageId) {
            return new DeliveryOrder(messageId, null);
        }

        public boolean isRouting() {
            return participant == null;
        }
    }

    /**
     * Routes a stored message from the routing queue (a routing that ingest handed over, or an
     * operator's resend): reads it from the store; returns the deliveries to make (none when it
     * needs no delivery).
     */
    public List<DeliveryOrder> route(String messageId) {
        StoredMessage message = store.byId(messageId).orElseThrow(() ->
                new IllegalStateException("message " + messageId + " is not in the store"));
        byte[] original = IngestService.FHIR_R4.equals(message.standard()) ? null : store.original(message.id());
        return route(message, read(message, original), original);
    }

    /** Reads a stored message again: KITH XML with the mappers, a message that arrived as FHIR from its JSON. */
    private ReadResult read(StoredMessage message, byte[] original) {
        if (original == null) {
            return mappers.readBundle(fhir.newJsonParser().parseResource(Bundle.class, store.fhirJson(message.id())));
        }
        return mappers.read(original);
    }

    /** Routes a message ingest has just stored and read, in the caller's store transaction if it has one. */
    public List<DeliveryOrder> route(StoredMessage message, ReadResult read) {
        return route(message, read, null);
    }

    /**
     * As {@link #route(StoredMessage, ReadResult)}, with the original bytes of a KITH message when the
     * caller holds them (null: read from the store when needed).
     */
    public List<DeliveryOrder> route(StoredMessage message, ReadResult read, byte[] original) {
        String messageId = message.id();
        ParticipantRegistry participants = registry.current();
        Participant channel = participants.byId(message.channel()).orElseThrow(() ->
                new IllegalStateException("channel " + message.channel() + " is no longer configured"));
        MessageFacts facts = MessageFacts.of(read.bundle(), message.msgId());
        if (facts.isAppRec()) return routeReceipt(message, facts, read, participants);

        Addressing addressing = participants.resolve(facts.receiverHerIds(), facts.patientId());
        if (addressing instanceof Addressing.Unresolved unresolved) {
            return reject(message, channel, facts, AppRecErrorCode.E21, unresolved.reason());
        }
        Addressing.Resolved resolved = (Addressing.Resolved) addressing;
        Participant to = resolved.participant();
        if (to.readsFhir()) {
            recordRouting(message, to, resolved, IngestService.FHIR_R4, json(forFhirReceiver(read.bundle(), message.msgId())),
                    null, 0);
            log.info("message {} routed to {} via {} as FHIR", messageId, to.id(), resolved.via());
            journal.publish(message, read, channel, original);
            List<DeliveryOrder> orders = new ArrayList<>();
            orders.add(new DeliveryOrder(messageId, to.id()));
            orders.addAll(followEpisodes(message, read, facts, to, participants));
            return orders;
        }
        KithStandard source = read.standard();
        Optional<KithStandard> version = to.versionFor(source.family(), source);
        if (version.isEmpty()) {
            return reject(message, channel, facts, AppRecErrorCode.T10, to.name() + " tar ikke imot "
                    + source.displayName() + " i noen versjon");
        }
        WriteResult translated;
        try {
            translated = mappers.translate(read, version.get());
        } catch (MappingException e) {
            return reject(message, channel, facts, e.appRecCode(), "Kan ikke oversettes til "
                    + version.get().displayName() + ": " + e.problem());
        }
        recordRouting(message, to, resolved, version.get().id(), translated.xml(),
                translated.losses().isEmpty() ? null : translated.losses().toText(), translated.losses().losses().size());
        log.info("message {} routed to {} via {} as {}", messageId, to.id(), resolved.via(), version.get().id());
        journal.publish(message, read, channel, original);
        List<DeliveryOrder> orders = new ArrayList<>();
        orders.add(new DeliveryOrder(messageId, to.id()));
        orders.addAll(followEpisodes(message, read, facts, to, participants));
        return orders;
    }

    /**
     * A lab result for a patient in an open episode of a service (the midwife service's pregnancy)
     * also reaches the service's current office, whichever office or municipality ordered it: results
     * follow the episode, not only the patient's home municipality (DOMAIN.md §1). The copy is linked
     * to the episode; its receiver's AppRec is recorded but not sent to the lab, which expects the one
     * of the receiver it addressed.
     */
    private List<DeliveryOrder> followEpisodes(StoredMessage message, ReadResult read, MessageFacts facts,
            Participant to, ParticipantRegistry participants) {
        if (!"svarrapport".equals(read.standard().family()) || facts.patientId() == null) return List.of();
        List<DeliveryOrder> copies = new ArrayList<>();
        for (CareRecords.Episode episode : careRecords.activeEpisodes(facts.patientId())) {
            Optional<Participant> office = participants.service(episode.service())
                    .flatMap(service -> participants.byId(service.currentOffice()));
            if (office.isEmpty() || office.get().id().equals(to.id())) continue;
            Participant copyTo = office.get();
            if (copyTo.readsFhir()) {
                recordCopy(message, copyTo, episode, IngestService.FHIR_R4,
                        json(forFhirReceiver(read.bundle(), message.msgId())), null);
            } else {
                Optional<KithStandard> version = copyTo.versionFor(read.standard().family(), read.standard());
                if (version.isEmpty()) {
                    store.status(message.id(), MessageStatus.ROUTED, "not copied to " + copyTo.id() + " (episode "
                            + episode.id() + "): it reads " + read.standard().displayName() + " in no version", null);
                    continue;
                }
                WriteResult translated;
                try {
                    translated = mappers.translate(read, version.get());
                } catch (MappingException e) {
                    store.status(message.id(), MessageStatus.ROUTED, "not copied to " + copyTo.id() + " (episode "
                            + episode.id() + "): " + e.problem(), null);
                    continue;
                }
                recordCopy(message, copyTo, episode, version.get().id(), translated.xml(),
                        translated.losses().isEmpty() ? null : translated.losses().toText());
            }
            log.info("message {} follows episode {} to {}", message.id(), episode.id(), copyTo.id());
            copies.add(new DeliveryOrder(message.id(), copyTo.id()));
        }
        return copies;
    }

    private void recordCopy(StoredMessage message, Participant copyTo, CareRecords.Episode episode, String standard,
            byte[] payload, String lossReport) {
        transactions.executeWithoutResult(tx -> {
            store.prepareDelivery(message.id(), copyTo.id(), fileName(message.msgId(), standard), standard, payload,
                    lossReport);
            if (careRecords.linkMessage(episode.id(), message.id(), "lab-result", copyTo.id(), clock.instant())) {
                store.status(message.id(), MessageStatus.ROUTED, "copy to " + copyTo.id() + " as " + standard
                        + ": follows the open episode " + episode.id() + " of " + episode.service(), copyTo.id());
            }
        });
    }

    /** The payload and the status step commit together: one store transaction per routing. */
    private void recordRouting(StoredMessage message, Participant to, Addressing.Resolved resolved, String standard,
            byte[] payload, String lossReport, int lost) {
        transactions.executeWithoutResult(tx -> {
            store.prepareDelivery(message.id(), to.id(), fileName(message.msgId(), standard), standard, payload, lossReport);
            store.status(message.id(), MessageStatus.ROUTED, "to " + to.id() + " (" + resolved.describe() + ") as "
                    + standard + (lost == 0 ? "" : ", " + lost + " element(s) lost"), to.id());
        });
    }

    private static final java.util.regex.Pattern UUID =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * The message as a FHIR receiver gets it: its MessageHeader's id is the message id (when that is a
     * UUID), so that a receiver answering as FHIR messaging says (response.identifier = the id of the
     * MessageHeader it got) names the message the gateway knows.
     */
    static Bundle forFhirReceiver(Bundle bundle, String msgId) {
        if (msgId == null || !UUID.matcher(msgId).matches()) return bundle;
        Bundle copy = bundle.copy();
        Bundle.BundleEntryComponent first = copy.getEntryFirstRep();
        first.setFullUrl("urn:uuid:" + msgId);
        first.getResource().setId(msgId);
        return copy;
    }

    private byte[] json(Bundle bundle) {
        return fhir.newJsonParser().encodeResourceToString(bundle).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String fileName(String msgId, String standard) {
        return safeFileName(msgId) + (IngestService.FHIR_R4.equals(standard) ? ".json" : ".xml");
    }

    /** A receipt as the participant reads it: in its AppRec version, or as a FHIR response message. */
    private record Receipt(String standard, byte[] payload, String lossReport) {
    }

    private Receipt receiptFor(Participant participant, ReadResult receipt) {
        if (participant.readsFhir()) return new Receipt(IngestService.FHIR_R4, json(receipt.bundle()), null);
        WriteResult translated = mappers.translate(receipt, participant.appRecVersion());
        return new Receipt(participant.appRecVersion().id(), translated.xml(),
                translated.losses().isEmpty() ? null : translated.losses().toText());
    }

    private List<DeliveryOrder> routeReceipt(StoredMessage receipt, MessageFacts facts, ReadResult read,
            ParticipantRegistry participants) {
        Optional<StoredMessage> answered = store.byMsgId(facts.answersMsgId());
        if (answered.isEmpty()) {
            store.status(receipt.id(), MessageStatus.REJECTED, "answers no message the gateway has carried");
            log.warn("receipt {} answers an unknown message", receipt.id());
            return List.of();
        }
        StoredMessage answeredMessage = answered.get();
        Optional<String> copyReceiver = careRecords.episodeCopyReceiver(answeredMessage.id());
        if (careRecords.isGatewayNotice(answeredMessage.id())) {
            // a notice the gateway wrote itself (to a GP about a pregnancy check): the receipt is its outcome
            boolean rejectedNotice = facts.appRecStatus() == AppRecStatus.AVVIST;
            transactions.executeWithoutResult(tx -> {
                store.status(answeredMessage.id(), rejectedNotice ? MessageStatus.REJECTED : MessageStatus.ACKNOWLEDGED,
                        "AppRec " + (facts.appRecStatus() == null ? "?" : facts.appRecStatus().code()) + " from the receiver");
                store.status(receipt.id(), MessageStatus.ACKNOWLEDGED, "AppRec for a notice of the gateway's; recorded");
            });
            return List.of();
        }
        if (copyReceiver.isPresent() && copyReceiver.get().equals(receipt.channel())) {
            store.status(receipt.id(), MessageStatus.ACKNOWLEDGED, "AppRec " + (facts.appRecStatus() == null ? "?"
                    : facts.appRecStatus().code()) + " from " + receipt.channel() + " for its episode copy; kept, not sent"
                    + " to the sender");
            return List.of();
        }
        Participant sender = participants.byId(answeredMessage.channel()).orElseThrow(() ->
                new IllegalStateException("channel " + answeredMessage.channel() + " is no longer configured"));
        Receipt translated = receiptFor(sender, read);
        boolean rejected = facts.appRecStatus() == AppRecStatus.AVVIST;
        transactions.executeWithoutResult(tx -> {
            store.prepareDelivery(receipt.id(), sender.id(), fileName(receipt.msgId(), translated.standard()),
                    translated.standard(), translated.payload(), translated.lossReport());
            store.status(answeredMessage.id(), rejected ? MessageStatus.REJECTED : MessageStatus.ACKNOWLEDGED,
                    "AppRec " + (facts.appRecStatus() == null ? "?" : facts.appRecStatus().code()) + " from the receiver");
            store.status(receipt.id(), MessageStatus.ROUTED, "to " + sender.id() + " as " + translated.standard(),
                    sender.id());
        });
        return List.of(new DeliveryOrder(receipt.id(), sender.id()));
    }

    private List<DeliveryOrder> reject(StoredMessage message, Participant sender, MessageFacts facts,
            AppRecErrorCode code, String description) {
        WriteResult receipt = receipting.reject(sender, message.msgId(), facts.messageType(),
                new Receipts.Party(facts.receiverName(), facts.receiverHerIds().isEmpty() ? null : facts.receiverHerIds().get(0)),
                code, description);
        Receipt answer = sender.readsFhir() ? receiptFor(sender, mappers.read(receipt.xml()))
                : new Receipt(sender.appRecVersion().id(), receipt.xml(), null);
        transactions.executeWithoutResult(tx -> {
            store.prepareDelivery(message.id(), sender.id(), "apprec-" + fileName(message.msgId(), answer.standard()),
                    answer.standard(), answer.payload(), null);
            store.status(message.id(), MessageStatus.REJECTED, code.code() + " " + description, sender.id());
        });
        metrics.rejected(sender.id(), code.code());
        log.warn("message {} rejected with {}", message.id(), code.code());
        return List.of(new DeliveryOrder(message.id(), sender.id()));
    }

    static String safeFileName(String msgId) {
        return msgId.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
