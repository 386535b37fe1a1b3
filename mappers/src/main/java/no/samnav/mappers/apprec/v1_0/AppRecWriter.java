package no.samnav.mappers.apprec.v1_0;

import no.samnav.mappers.KithStandard;
import no.samnav.mappers.apprec.AppRecWriting;

/** AppRec 1.0 (HIS 80415): a FHIR response message to XML. */
public final class AppRecWriter extends AppRecWriting {

    /** The MIGversion text written into AppRec 1.0 documents. */
    public static final String MIG_VERSION = "1.0 2004-11-21";

    public AppRecWriter() {
        super(KithStandard.APPREC_1_0, MIG_VERSION);
    }
}
