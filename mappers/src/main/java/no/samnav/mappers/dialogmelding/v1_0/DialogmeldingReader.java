package no.samnav.mappers.dialogmelding.v1_0;

import no.samnav.mappers.KithStandard;
import no.samnav.mappers.dialogmelding.DialogmeldingReading;

/** Dialogmelding 1.0 (HIS 80603), namespace {@code http://www.kith.no/xmlstds/dialog/2006-10-11}: XML to FHIR. */
public final class DialogmeldingReader extends DialogmeldingReading {

    public DialogmeldingReader() {
        super(KithStandard.DIALOGMELDING_1_0);
    }
}
