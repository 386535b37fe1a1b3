package no.samnav.mappers.apprec.v1_1;

import no.samnav.mappers.KithStandard;
import no.samnav.mappers.apprec.AppRecWriting;

/** AppRec 1.1 (HIS 80415): a FHIR response message to XML. */
public final class AppRecWriter extends AppRecWriting {

    /** The MIGversion text written into AppRec 1.1 documents. */
    public static final String MIG_VERSION = "v1.1 2012-02-15";

    public AppRecWriter() {
        super(KithStandard.APPREC_1_1, MIG_VERSION);
    }
}
