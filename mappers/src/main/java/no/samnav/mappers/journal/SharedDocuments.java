package no.samnav.mappers.journal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.regex.Pattern;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.fhir.Systems;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * Publishes a routed message to the shared journal in the IHE MHD style: a DocumentReference that
 * points to two Binaries, the original XML and an HTML rendering made by {@link DocumentRendering}.
 * Works for every content standard (Dialogmelding, Henvisning, Epikrise, Svarrapport); pure and
 * thread-safe.
 */
public final class SharedDocuments {

    /** IHE format code for content whose MIME type says all (used for the HTML rendering). */
    public static final String IHE_FORMAT_CODES = "http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode";
    static final String MIME_TYPE_SUFFICIENT = "urn:ihe:iti:xds:2017:mimeTypeSufficient";
    static final String XML = "application/xml";
    static final String HTML = "text/html; charset=utf-8";

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private SharedDocuments() {
    }

    /**
     * The shared-journal document of a read message.
     *
     * @param read         the message as read by {@code Mappers.read} (or {@code readBundle})
     * @param original     the bytes the message arrived as, stored unchanged
     * @param publication  the ids and the place of service chosen by the caller
     * @throws no.samnav.mappers.error.UnsupportedContentException for an AppRec (no clinical document)
     * @throws no.samnav.mappers.error.MissingElementException when the message has no content or no
     *         patient with a fødselsnummer, D-nummer or hjelpenummer
     */
    public static SharedDocument publish(ReadResult read, byte[] original, Publication publication) {
        SourceFacts facts = new SourceFacts(read);
        DocumentKind kind = facts.kind;
        Date written = facts.date();
        Instant date = written == null ? publication.publishedAt() : written.toInstant();
        byte[] html = DocumentRendering.render(facts);

        DocumentReference doc = new DocumentReference();
        doc.setId(publication.documentId());
        doc.setMasterIdentifier(masterIdentifier(facts.documentIdentifier()));
        doc.addIdentifier().setSystem(Systems.URI).setValue("urn:uuid:" + publication.documentId());
        doc.setStatus(DocumentReferenceStatus.CURRENT);
        doc.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);

        CodeableConcept type = new CodeableConcept();
        Coding messageType = facts.messageType();
        if (messageType != null) type.addCoding(messageType.copy());
        if (kind.loinc() != null) type.addCoding(kind.loinc());
        type.setText(kind.title());
        doc.setType(type);
        doc.addCategory(new CodeableConcept(kind.category()));

        Identifier patientId = facts.patientIdentifier;
        doc.setSubject(new Reference().setIdentifier(new Identifier().setSystem(patientId.getSystem())
                .setValue(patientId.getValue())).setDisplay(SourceFacts.name(facts.patient)));
        doc.setDate(Date.from(date));

        String authorHerId = null;
        String authorHpr = null;
        Organization org = facts.authorOrganization;
        if (org != null) {
            Identifier her = facts.herId(org);
            Reference ref = new Reference().setType("Organization").setDisplay(org.getName());
            if (her != null) {
                authorHerId = her.getValue();
                ref.setIdentifier(new Identifier().setSystem(Systems.HER).setValue(authorHerId));
            }
            if (ref.hasIdentifier() || ref.hasDisplay()) doc.addAuthor(ref);
        }
        Practitioner person = facts.authorPractitioner;
        if (person != null) {
            Identifier hpr = SourceFacts.identifier(person.getIdentifier(), Systems.HPR);
            // without an HPR number a person is still named by the HER-id the message gives
            Identifier id = hpr != null ? hpr : SourceFacts.identifier(person.getIdentifier(), Systems.HER);
            Reference ref = new Reference().setType("Practitioner").setDisplay(SourceFacts.name(person));
            if (id != null) ref.setIdentifier(new Identifier().setSystem(id.getSystem()).setValue(id.getValue()));
            if (hpr != null) authorHpr = hpr.getValue();
            if (ref.hasIdentifier() || ref.hasDisplay()) doc.addAuthor(ref);
        }
        if (facts.focus instanceof Composition c && c.hasTitle()) doc.setDescription(c.getTitle());
        else doc.setDescription(kind.title());

        doc.addSecurityLabel(new CodeableConcept(new Coding(Systems.V3_CONFIDENTIALITY, "N", "normal")));

        DocumentReference.DocumentReferenceContextComponent context = doc.getContext();
        if (publication.servingMunicipality() != null) {
            context.addExtension(JournalExtensions.SERVING_MUNICIPALITY, new StringType(publication.servingMunicipality()));
        }
        if (publication.placeOfServiceHerId() != null || publication.placeOfServiceName() != null) {
            Reference place = new Reference().setType("Organization").setDisplay(publication.placeOfServiceName());
            if (publication.placeOfServiceHerId() != null) {
                place.setIdentifier(new Identifier().setSystem(Systems.HER).setValue(publication.placeOfServiceHerId()));
            }
            context.addExtension(JournalExtensions.PLACE_OF_SERVICE, place);
        }

        Attachment xml = attachment(XML, publication.originalBinaryId(), original, kind.title() + " (original XML)", written);
        doc.addContent().setAttachment(xml).setFormat(new Coding(Systems.URI, read.standard().namespace(),
                read.standard().displayName()));
        Attachment rendering = attachment(HTML, publication.htmlBinaryId(), html, kind.title() + " (HTML)", written);
        doc.addContent().setAttachment(rendering).setFormat(new Coding(IHE_FORMAT_CODES, MIME_TYPE_SUFFICIENT,
                "mimeType Sufficient"));

        return new SharedDocument(doc, original, html, patientId.getValue(), kind.loincCode(),
                kind.categoryCode(), date, authorHerId, authorHpr);
    }

    /** A document id as an RFC 3986 URI when it is a UUID, otherwise in its KITH namespace. */
    static Identifier masterIdentifier(Identifier source) {
        if (source == null) return null;
        String value = source.getValue().trim();
        if (UUID.matcher(value).matches()) {
            return new Identifier().setSystem(Systems.URI).setValue("urn:uuid:" + value.toLowerCase(Locale.ROOT));
        }
        return new Identifier().setSystem(source.getSystem()).setValue(value);
    }

    private static Attachment attachment(String contentType, String binaryId, byte[] data, String title, Date created) {
        Attachment a = new Attachment().setContentType(contentType).setUrl("Binary/" + binaryId)
                .setSize(data.length).setHash(sha1(data)).setTitle(title);
        if (created != null) a.setCreation(created);
        return a;
    }

    static byte[] sha1(byte[] data) {
        try {
            // SHA-1 because FHIR R4 defines Attachment.hash as SHA-1; it identifies content, it does not protect it
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }
}
