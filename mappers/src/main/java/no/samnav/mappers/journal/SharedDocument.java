package no.samnav.mappers.journal;

import java.time.Instant;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DocumentReference;

/**
 * A document ready for the shared journal: the DocumentReference, its two Binaries, and the flat
 * fields a store indexes for searching.
 *
 * @param reference          the DocumentReference (IHE MHD style)
 * @param original           the original XML as received
 * @param html               the HTML rendering ({@link DocumentRendering})
 * @param patientIdentifier  the patient's fødselsnummer, D-nummer or hjelpenummer (the value; the
 *                           system is on {@code reference.subject.identifier})
 * @param typeCode           the LOINC document type code, e.g. {@code 18842-5}
 * @param categoryCode       the Samnav category code, e.g. {@code epikrise}
 * @param date               when the document was written (or published, when the source does not say)
 * @param authorHerId        HER-id of the author organisation, or null
 * @param authorHpr          HPR number of the author person, or null
 */
public record SharedDocument(DocumentReference reference, Binary original, Binary html, String patientIdentifier,
        String typeCode, String categoryCode, Instant date, String authorHerId, String authorHpr) {
}
