package no.samnav.mappers.epikrise.v1_2;

import no.samnav.mappers.KithStandard;
import no.samnav.mappers.epikrise.EpikriseWriting;

/** Epikrise 1.2 (HIS 80226), namespace {@code http://www.kith.no/xmlstds/epikrise/2012-02-15}: FHIR to XML. */
public final class EpikriseWriter extends EpikriseWriting {

    public EpikriseWriter() {
        super(KithStandard.EPIKRISE_1_2);
    }
}
