package no.samnav.mappers.svarrapport.v1_4;

import no.samnav.mappers.KithStandard;
import no.samnav.mappers.svarrapport.SvarrapportReading;

/** Svarrapport 1.4 (HIS 80822), namespace {@code http://www.kith.no/xmlstds/labsvar/2012-02-15}: XML to FHIR. */
public final class SvarrapportReader extends SvarrapportReading {

    public SvarrapportReader() {
        super(KithStandard.SVARRAPPORT_1_4);
    }
}
