package no.samnav.mappers.journal;

import java.time.Instant;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Reference;

/**
 * A document ready for the shared journal: the DocumentReference, the bytes of its two contents,
 * and the flat fields a store indexes for searching.
 *
 * @param reference          the DocumentReference (IHE MHD style); its first content is the original,
 *                           its second the rendering
 * @param originalBytes      the original XML as received
 * @param htmlBytes          the HTML rendering ({@link DocumentRendering})
 * @param patientIdentifier  the patient's fødselsnummer, D-nummer or hjelpenummer (the value; the
 *                           system is on {@code reference.subject.identifier})
 * @param typeCode           the LOINC document type code, e.g. {@code 18842-5}
 * @param categoryCode       the Samnav category code, e.g. {@code epikrise}
 * @param date               when the document was written (or published, when the source does not say)
 * @param authorHerId        HER-id of the author organisation, or null
 * @param authorHpr          HPR number of the author person, or null
 */
public record SharedDocument(DocumentReference reference, byte[] originalBytes, byte[] htmlBytes,
        String patientIdentifier, String typeCode, String categoryCode, Instant date, String authorHerId,
        String authorHpr) {

    /** The id of the Binary with the original XML. */
    public String originalBinaryId() {
        return binaryId(0);
    }

    /** The id of the Binary with the HTML rendering. */
    public String htmlBinaryId() {
        return binaryId(1);
    }

    /**
     * The original XML as a Binary, made on each call: a store that keeps the bytes elsewhere never
     * pays for its base64 form.
     */
    public Binary original() {
        return binary(0, originalBytes);
    }

    /** The HTML rendering as a Binary, made on each call. */
    public Binary html() {
        return binary(1, htmlBytes);
    }

    private String binaryId(int content) {
        return reference.getContent().get(content).getAttachment().getUrl().substring("Binary/".length());
    }

    private Binary binary(int content, byte[] data) {
        Attachment attachment = reference.getContent().get(content).getAttachment();
        Binary b = new Binary().setContentType(attachment.getContentType()).setData(data);
        b.setId(binaryId(content));
        b.setSecurityContext(new Reference("DocumentReference/" + reference.getIdElement().getIdPart()));
        return b;
    }
}
