package no.samnav.mappers.dialogmelding.v1_1;

import no.samnav.mappers.KithStandard;
import no.samnav.mappers.dialogmelding.DialogmeldingWriting;

/** Dialogmelding 1.1 (HIS 80603), namespace {@code http://www.kith.no/xmlstds/dialog/2013-01-23}: FHIR to XML. */
public final class DialogmeldingWriter extends DialogmeldingWriting {

    public DialogmeldingWriter() {
        super(KithStandard.DIALOGMELDING_1_1);
    }
}
