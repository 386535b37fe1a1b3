package no.samnav.mappers.dialogmelding;

import no.samnav.mappers.fhir.Extensions;

/** Extension URLs for Dialogmelding content without a FHIR element (see docs/mapping/dialogmelding.md). */
public final class DialogmeldingExtensions {

    private DialogmeldingExtensions() {
    }

    /** Dialogmelding/SakstypeKodet (CV), on the first focus resource. */
    public static final String SAKSTYPE_KODET = Extensions.BASE + "dialogmelding-sakstype-kodet";
    /** Dialogmelding/Sakstype (string), on the first focus resource. */
    public static final String SAKSTYPE = Extensions.BASE + "dialogmelding-sakstype";
    /** Notat/Tema (string): the heading of a note. */
    public static final String TEMA = Extensions.BASE + "dialogmelding-tema";
    /** Foresporsel/EmneSporsmal (string, 1.1). */
    public static final String EMNE_SPORSMAL = Extensions.BASE + "dialogmelding-emne-sporsmal";
    /** Foresporsel/Begrunnelse (string). */
    public static final String BEGRUNNELSE = Extensions.BASE + "dialogmelding-begrunnelse";
    /** Foresporsel/Hastegrad (CS, Volven 9067). */
    public static final String HASTEGRAD = Extensions.BASE + "dialogmelding-hastegrad";
    /** Foresporsel/TypeJournalinfo (CV, Volven 9066), repeating in 1.1. */
    public static final String TYPE_JOURNALINFO = Extensions.BASE + "dialogmelding-type-journalinfo";
    /** Foresporsel/KodetOpplysning (CV, 1.1). */
    public static final String KODET_OPPLYSNING = Extensions.BASE + "dialogmelding-kodet-opplysning";
    /** RollerRelatertNotat: a person's role in relation to the note (complex). */
    public static final String ROLLER_RELATERT_NOTAT = Extensions.BASE + "dialogmelding-roller-relatert-notat";
}
