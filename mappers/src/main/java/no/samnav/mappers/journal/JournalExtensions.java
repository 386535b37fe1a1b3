package no.samnav.mappers.journal;

import no.samnav.mappers.fhir.Extensions;

/**
 * Extension URLs (under {@link Extensions#BASE}) on the {@code context} of a shared-journal
 * DocumentReference. Kept here rather than in {@link Extensions} until they are listed in
 * docs/mapping, which {@code ExtensionsDocumentedTest} requires of every URL there.
 */
public final class JournalExtensions {

    private JournalExtensions() {
    }

    /**
     * On DocumentReference.context: the municipality whose health service the document belongs to
     * (valueString, e.g. {@code Balsfjord}); the share of a cooperation that serves the patient.
     */
    public static final String SERVING_MUNICIPALITY = Extensions.BASE + "serving-municipality";
    /**
     * On DocumentReference.context: the place of service the document was routed to or from
     * (valueReference by HER-id identifier, with the unit's name as display).
     */
    public static final String PLACE_OF_SERVICE = Extensions.BASE + "place-of-service";
}
