package no.samnav.gateway.pregnancy;

import ca.uhn.fhir.context.FhirContext;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.journal.JournalStore;
import no.samnav.gateway.registry.Service;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.journal.DocumentKind;
import no.samnav.mappers.journal.JournalExtensions;
import no.samnav.mappers.pregnancy.CardView;
import no.samnav.mappers.pregnancy.PregnancyCardRendering;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The printable pregnancy card (the paper card's layout, as XHTML and PDF) and its publication to
 * the shared journal: with the woman's consent, every change publishes a new version that replaces
 * the one before (category {@code svangerskap}, LOINC 57055-6 Antepartum summary); without it, or
 * once it is withdrawn, the card is not shared beyond the midwife service and her GP.
 */
@Component
public class PregnancyCardPublisher {

    private static final Logger log = LoggerFactory.getLogger(PregnancyCardPublisher.class);
    static final String LOINC_ANTEPARTUM_SUMMARY = "57055-6";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd.MM.uuuu 'kl.' HH:mm");

    private final PregnancyStore store;
    private final JournalStore journal;
    private final RegistryHolder registry;
    private final PregnancySettings settings;
    private final TransactionTemplate transactions;
    private final FhirContext fhir;
    private final Clock clock;

    public PregnancyCardPublisher(PregnancyStore store, JournalStore journal, RegistryHolder registry,
            PregnancySettings settings, TransactionTemplate transactions, FhirContext fhir, Clock clock) {
        this.store = store;
        this.journal = journal;
        this.registry = registry;
        this.settings = settings;
        this.transactions = transactions;
        this.fhir = fhir;
        this.clock = clock;
    }

    /** Now, as the card's printed line shows it (Norwegian time). */
    public String stamp() {
        return STAMP.format(clock.instant().atZone(PregnancyRecords.OSLO));
    }

    /** The card as XHTML, with the given version/printing line. */
    public String xhtml(PregnancyRecords.Card card, String printedLine) {
        PregnancyStore.Pregnancy p = card.pregnancy();
        return PregnancyCardRendering.xhtml(new CardView(p.displayName(), p.patientId(), card.background(),
                card.checks().stream().map(PregnancyRecords.Check::check).toList(), p.servingMunicipality(),
                p.employingMunicipality(), printedLine));
    }

    /** The card as PDF, from its XHTML: one layout for screen, print and the journal. */
    public byte[] pdf(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Publishes the card's current state as a new version when the woman has consented; the version
     * before is superseded. Returns the new DocumentReference's id, or null when the card is not shared.
     */
    String publishIfShared(PregnancyRecords.Card card) {
        PregnancyStore.Pregnancy p = card.pregnancy();
        if (p.consent() != PregnancyStore.Consent.GIVEN) return null;
        Service service = registry.current().service(settings.service()).orElseThrow();
        int version = p.cardVersion() + 1;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String xhtml = xhtml(card, "Versjon " + version + ", " + stamp());
        byte[] html = xhtml.getBytes(StandardCharsets.UTF_8);
        byte[] pdf = pdf(xhtml);
        String id = UUID.randomUUID().toString(), htmlId = UUID.randomUUID().toString(), pdfId = UUID.randomUUID().toString();
        DocumentReference doc = document(id, p, service, version, now, attachment("text/html", htmlId, html, now),
                attachment("application/pdf", pdfId, pdf, now));
        String replaced = p.cardDocumentId();
        if (replaced != null) {
            doc.addRelatesTo().setCode(DocumentReference.DocumentRelationshipType.REPLACES)
                    .setTarget(new Reference("DocumentReference/" + replaced));
        }
        doc.getMeta().setVersionId("1").setLastUpdated(Date.from(now));
        JournalStore.Entry entry = new JournalStore.Entry(id, doc.getMasterIdentifier().getValue(), p.patientId(),
                LOINC_ANTEPARTUM_SUMMARY, DocumentKind.SVANGERSKAP.categoryCode(), now, service.herIds().get(0), null,
                "current", service.currentOffice(), null, replaced, 1, now, fhir.newJsonParser().encodeResourceToString(doc));
        transactions.executeWithoutResult(tx -> {
            if (replaced != null) supersede(replaced, now);
            journal.insert(entry, List.of(new JournalStore.Content(htmlId, id, "text/html", html),
                    new JournalStore.Content(pdfId, id, "application/pdf", pdf)));
            store.cardPublished(p.episodeId(), id, version);
        });
        log.info("pregnancy card of episode {} published as DocumentReference/{} (version {})", p.episodeId(), id, version);
        return id;
    }

    /** Takes the card out of the shared journal: its current version is no longer current. */
    void withdraw(String episodeId) {
        store.byEpisode(episodeId).map(PregnancyStore.Pregnancy::cardDocumentId).ifPresent(id ->
                transactions.executeWithoutResult(tx -> supersede(id, clock.instant().truncatedTo(ChronoUnit.MICROS))));
    }

    private void supersede(String documentId, Instant at) {
        journal.byId(documentId).filter(e -> "current".equals(e.status())).ifPresent(e -> {
            DocumentReference old = fhir.newJsonParser().parseResource(DocumentReference.class, e.json());
            old.setStatus(Enumerations.DocumentReferenceStatus.SUPERSEDED);
            old.getMeta().setVersionId(Integer.toString(e.version() + 1)).setLastUpdated(Date.from(at));
            journal.supersede(documentId, fhir.newJsonParser().encodeResourceToString(old), at);
        });
    }

    private static DocumentReference document(String id, PregnancyStore.Pregnancy p, Service service, int version,
            Instant now, Attachment html, Attachment pdf) {
        DocumentReference doc = new DocumentReference();
        doc.setId(id);
        doc.setMasterIdentifier(new Identifier().setSystem(Systems.URI).setValue("urn:uuid:" + UUID.randomUUID()));
        doc.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        doc.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
        doc.setType(new CodeableConcept(new Coding("http://loinc.org", LOINC_ANTEPARTUM_SUMMARY, "Antepartum summary"))
                .setText("Helsekort for gravide, versjon " + version));
        doc.addCategory(new CodeableConcept(DocumentKind.SVANGERSKAP.category()));
        doc.setSubject(new Reference().setType("Patient").setIdentifier(new Identifier()
                .setSystem(no.samnav.mappers.identifiers.NorwegianIds.isDNumber(p.patientId()) ? Systems.DNR : Systems.FNR)
                .setValue(p.patientId())));
        doc.setDate(Date.from(now));
        doc.addAuthor(new Reference().setType("Organization").setDisplay(service.name())
                .setIdentifier(new Identifier().setSystem(Systems.HER).setValue(service.herIds().get(0))));
        doc.addSecurityLabel(new CodeableConcept(new Coding(Systems.V3_CONFIDENTIALITY, "N", "normal")));
        DocumentReference.DocumentReferenceContextComponent context = doc.getContext();
        context.addEncounter(new Reference("EpisodeOfCare/" + p.episodeId()));
        context.getPeriod().setStart(Date.from(p.createdAt()));
        context.addExtension(JournalExtensions.SERVING_MUNICIPALITY, new StringType(p.servingMunicipality()));
        doc.addContent().setAttachment(html).setFormat(new Coding(no.samnav.mappers.journal.SharedDocuments.IHE_FORMAT_CODES,
                "urn:ihe:iti:xds:2017:mimeTypeSufficient", "mimeType Sufficient"));
        doc.addContent().setAttachment(pdf).setFormat(new Coding(no.samnav.mappers.journal.SharedDocuments.IHE_FORMAT_CODES,
                "urn:ihe:iti:xds:2017:mimeTypeSufficient", "mimeType Sufficient"));
        return doc;
    }

    private static Attachment attachment(String contentType, String id, byte[] data, Instant created) {
        return new Attachment().setContentType(contentType).setUrl("Binary/" + id).setSize(data.length)
                .setHash(sha1(data)).setTitle("Helsekort for gravide (" + ("application/pdf".equals(contentType) ? "PDF" : "HTML")
                        + ")").setCreation(Date.from(created));
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
