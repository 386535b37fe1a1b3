package no.samnav.mappers.apprec.v1_0;

import no.samnav.mappers.KithStandard;
import no.samnav.mappers.apprec.AppRecReading;

/** AppRec 1.0 (HIS 80415): XML to a FHIR response message. */
public final class AppRecReader extends AppRecReading {

    public AppRecReader() {
        super(KithStandard.APPREC_1_0);
    }
}
