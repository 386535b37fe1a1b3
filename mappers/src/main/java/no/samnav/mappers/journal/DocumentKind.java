package no.samnav.mappers.journal;

import no.samnav.mappers.KithStandard;
import no.samnav.mappers.error.Location;
import no.samnav.mappers.error.UnsupportedContentException;
import no.samnav.mappers.fhir.Systems;
import org.hl7.fhir.r4.model.Coding;

/**
 * The kinds of document in the shared journal: the Samnav category (code system
 * {@value Systems#DOCUMENT_CATEGORY}), the LOINC document type and the Norwegian title of the
 * rendering.
 */
public enum DocumentKind {
    EPIKRISE("epikrise", "Epikrise", "18842-5", "Discharge summary", "Epikrise"),
    HENVISNING("henvisning", "Henvisning", "57133-1", "Referral note", "Henvisning"),
    DIALOGMELDING("dialogmelding", "Dialogmelding", "34109-9", "Note", "Dialogmelding"),
    SVARRAPPORT("svarrapport", "Svarrapport", "11502-2", "Laboratory report", "Prøvesvar"),
    /**
     * Pregnancy cards (helsekort for gravide), published later from the pregnancy record; no
     * LOINC type is chosen for them yet, so {@link #loinc()} is null.
     */
    SVANGERSKAP("svangerskap", "Svangerskap", null, null, "Helsekort for gravide");

    private final String categoryCode;
    private final String categoryDisplay;
    private final String loincCode;
    private final String loincDisplay;
    private final String title;

    DocumentKind(String categoryCode, String categoryDisplay, String loincCode, String loincDisplay, String title) {
        this.categoryCode = categoryCode;
        this.categoryDisplay = categoryDisplay;
        this.loincCode = loincCode;
        this.loincDisplay = loincDisplay;
        this.title = title;
    }

    /** The category code, e.g. {@code epikrise}. */
    public String categoryCode() {
        return categoryCode;
    }

    /** The category as a coding of {@value Systems#DOCUMENT_CATEGORY}. */
    public Coding category() {
        return new Coding(Systems.DOCUMENT_CATEGORY, categoryCode, categoryDisplay);
    }

    /** The LOINC document type code, or null (see {@link #SVANGERSKAP}). */
    public String loincCode() {
        return loincCode;
    }

    /** The LOINC document type as a coding, or null. */
    public Coding loinc() {
        return loincCode == null ? null : new Coding(Systems.LOINC, loincCode, loincDisplay);
    }

    /** The Norwegian (bokmål) title of the rendering, e.g. {@code Prøvesvar}. */
    public String title() {
        return title;
    }

    /**
     * The kind of the documents of a content standard.
     *
     * @throws UnsupportedContentException for AppRec, MsgHead and the Base64 container, which are
     *         no documents of their own to share
     */
    public static DocumentKind of(KithStandard standard) {
        return switch (standard) {
            case EPIKRISE_1_1, EPIKRISE_1_2 -> EPIKRISE;
            case HENVISNING_1_1, HENVISNING_2_0 -> HENVISNING;
            case DIALOGMELDING_1_0, DIALOGMELDING_1_1 -> DIALOGMELDING;
            case SVARRAPPORT_1_4 -> SVARRAPPORT;
            case APPREC_1_0, APPREC_1_1, MSGHEAD_1_2, BASE64_CONTAINER -> throw new UnsupportedContentException(
                    Location.ofPath("MessageHeader"), standard.displayName()
                            + " is no clinical document: only Dialogmelding, Henvisning, Epikrise and Svarrapport"
                            + " are published to the shared journal");
        };
    }
}
