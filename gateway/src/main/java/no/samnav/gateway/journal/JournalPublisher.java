package no.samnav.gateway.journal;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import no.samnav.gateway.flow.IngestService;
import no.samnav.gateway.observability.GatewayMetrics;
import no.samnav.gateway.registry.Participant;
import no.samnav.gateway.store.MessageStore;
import no.samnav.gateway.store.StoreIds;
import no.samnav.gateway.store.StoredMessage;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.error.MappingException;
import no.samnav.mappers.journal.Publication;
import no.samnav.mappers.journal.SharedDocument;
import no.samnav.mappers.journal.SharedDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Publishes a routed message's document to the shared journal: a DocumentReference with the
 * original XML and an HTML rendering, unless the patient objects, the document category or the
 * sender is configured out, a {@link PublicationVeto} keeps it out, or it was published already
 * (routing again publishes nothing twice).
 */
@Service
public class JournalPublisher {

    private static final Logger log = LoggerFactory.getLogger(JournalPublisher.class);

    private final JournalStore store;
    private final MessageStore messages;
    private final CareRecords records;
    private final JournalSettings settings;
    private final Mappers mappers;
    private final FhirContext fhir;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final java.util.List<PublicationVeto> vetoes;

    public JournalPublisher(JournalStore store, MessageStore messages, CareRecords records, JournalSettings settings, Mappers mappers,
            FhirContext fhir, GatewayMetrics metrics, Clock clock, java.util.List<PublicationVeto> vetoes) {
        this.vetoes = java.util.List.copyOf(vetoes);
        this.store = store;
        this.messages = messages;
        this.records = records;
        this.settings = settings;
        this.mappers = mappers;
        this.fhir = fhir;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Publishes the document of a message routed from {@code sender}; returns the document id, or null when not published. */
    public String publish(StoredMessage message, ReadResult read, Participant sender) {
        return publish(message, read, sender, null);
    }

    /**
     * As {@link #publish(StoredMessage, ReadResult, Participant)}, with the message's original bytes
     * when the caller holds them (null: read from the store when needed).
     */
    public String publish(StoredMessage message, ReadResult read, Participant sender, byte[] original) {
        if (!settings.publish() || read.standard().family().equals(KithStandard.APPREC_1_0.family())) return null;
        if (settings.notPublishedFrom().contains(sender.id())) {
            metrics.journalPublication("not-configured");
            return null;
        }
        if (store.publishedFrom(message.id())) return null;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean fromFhir = IngestService.FHIR_R4.equals(message.standard());
        SharedDocument document;
        try {
            // the original as received; a message that came as FHIR is kept in the KITH version it maps to
            byte[] kept = fromFhir ? mappers.translate(read, read.standard()).xml()
                    : original != null ? original : messages.original(message.id());
            document = SharedDocuments.publish(read, kept, new Publication(
                    StoreIds.next(), StoreIds.next(), StoreIds.next(),
                    sender.municipality(), sender.primaryHerId(), sender.name(), now));
        } catch (MappingException | IllegalArgumentException e) {
            // the message is delivered all the same; the operator sees the gap in the log and the metric
            metrics.journalPublication("failed");
            log.warn("message {} is not published to the shared journal: {}", message.id(), e.getClass().getSimpleName());
            return null;
        }
        if (!settings.publishCategories().contains(document.categoryCode())) {
            metrics.journalPublication("not-configured");
            return null;
        }
        if (records.objects(document.patientIdentifier(), now)) {
            metrics.journalPublication("objection");
            log.info("message {} is not published to the shared journal: the patient objects", message.id());
            return null;
        }
        for (PublicationVeto veto : vetoes) {
            java.util.Optional<String> reason = veto.veto(document.patientIdentifier(), sender.id());
            if (reason.isPresent()) {
                metrics.journalPublication(reason.get());
                log.info("message {} is not published to the shared journal: {}", message.id(), reason.get());
                return null;
            }
        }
        // one document id, one document: a copy of a document to another receiver is the same document
        // (the insert finds it by the master id's unique key)
        if (!store.insert(entry(document, sender.id(), message.id(), null), contents(document, !fromFhir))) {
            metrics.journalPublication("already-published");
            log.info("message {}: its document is in the shared journal already", message.id());
            return null;
        }
        metrics.journalPublication("published");
        log.info("message {} published to the shared journal as DocumentReference/{}", message.id(),
                document.reference().getIdElement().getIdPart());
        return document.reference().getIdElement().getIdPart();
    }

    JournalStore.Entry entry(SharedDocument d, String publisher, String sourceMessageId, String replacesId) {
        org.hl7.fhir.r4.model.DocumentReference ref = d.reference();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ref.getMeta().setVersionId("1").setLastUpdated(java.util.Date.from(now));
        return new JournalStore.Entry(ref.getIdElement().getIdPart(), ref.getMasterIdentifier().getValue(),
                d.patientIdentifier(), d.typeCode(), d.categoryCode(), d.date(), d.authorHerId(), d.authorHpr(),
                "current", publisher, sourceMessageId, replacesId, 1, now, fhir.newJsonParser().encodeResourceToString(ref));
    }

    /**
     * The content rows: for a message that came as KITH XML, no copies (its original is in the
     * message store, its rendering is made again from it); for one that came as FHIR, the XML the
     * publication made and its rendering.
     */
    static List<JournalStore.Content> contents(SharedDocument d, boolean fromMessageStore) {
        String id = d.reference().getIdElement().getIdPart();
        var content = d.reference().getContent();
        return List.of(
                new JournalStore.Content(d.originalBinaryId(), id, content.get(0).getAttachment().getContentType(),
                        fromMessageStore ? null : d.originalBytes(),
                        fromMessageStore ? JournalStore.Source.ORIGINAL : null),
                new JournalStore.Content(d.htmlBinaryId(), id, content.get(1).getAttachment().getContentType(),
                        fromMessageStore ? null : d.htmlBytes(),
                        fromMessageStore ? JournalStore.Source.RENDERING : null));
    }

    /** The bytes of a content row: stored, or the source message's original, or its rendering made now. */
    public byte[] bytes(JournalStore.Content content, JournalStore.Entry document) {
        if (content.data() != null) return content.data();
        byte[] original = messages.original(document.sourceMessageId());
        return content.source() == JournalStore.Source.ORIGINAL ? original
                : no.samnav.mappers.journal.DocumentRendering.render(mappers.read(original));
    }
}
