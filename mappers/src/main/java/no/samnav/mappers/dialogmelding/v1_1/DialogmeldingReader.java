package no.samnav.mappers.dialogmelding.v1_1;

import no.samnav.mappers.KithStandard;
import no.samnav.mappers.dialogmelding.DialogmeldingReading;

/** Dialogmelding 1.1 (HIS 80603), namespace {@code http://www.kith.no/xmlstds/dialog/2013-01-23}: XML to FHIR. */
public final class DialogmeldingReader extends DialogmeldingReading {

    public DialogmeldingReader() {
        super(KithStandard.DIALOGMELDING_1_1);
    }
}
