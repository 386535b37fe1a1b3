package no.samnav.mappers.epikrise.v1_2;

import no.samnav.mappers.KithStandard;
import no.samnav.mappers.epikrise.EpikriseReading;

/** Epikrise 1.2 (HIS 80226), namespace {@code http://www.kith.no/xmlstds/epikrise/2012-02-15}: XML to FHIR. */
public final class EpikriseReader extends EpikriseReading {

    public EpikriseReader() {
        super(KithStandard.EPIKRISE_1_2);
    }
}
