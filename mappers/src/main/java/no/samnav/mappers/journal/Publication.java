package no.samnav.mappers.journal;

import java.time.Instant;
import java.util.Objects;

/**
 * What the caller decides about one publication to the shared journal.
 *
 * @param documentId           UUID of the DocumentReference (its id and {@code urn:uuid:} identifier)
 * @param originalBinaryId     UUID of the Binary holding the original XML
 * @param htmlBinaryId         UUID of the Binary holding the HTML rendering
 * @param servingMunicipality  the municipality whose service the document belongs to (may be null)
 * @param placeOfServiceHerId  HER-id of the place of service (may be null)
 * @param placeOfServiceName   name of the place of service (may be null)
 * @param publishedAt          when it is published; the document date when the source has none
 */
public record Publication(String documentId, String originalBinaryId, String htmlBinaryId, String servingMunicipality,
        String placeOfServiceHerId, String placeOfServiceName, Instant publishedAt) {

    public Publication {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(originalBinaryId, "originalBinaryId");
        Objects.requireNonNull(htmlBinaryId, "htmlBinaryId");
        Objects.requireNonNull(publishedAt, "publishedAt");
    }
}
