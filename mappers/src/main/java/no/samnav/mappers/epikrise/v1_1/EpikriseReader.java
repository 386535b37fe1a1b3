package no.samnav.mappers.epikrise.v1_1;

import no.samnav.mappers.KithStandard;
import no.samnav.mappers.epikrise.EpikriseReading;

/**
 * Epikrise 1.1, namespace {@code http://www.kith.no/xmlstds/epikrise/2006-09-23}: XML to FHIR.
 * Read only; translate to 1.2 to send it on.
 */
public final class EpikriseReader extends EpikriseReading {

    public EpikriseReader() {
        super(KithStandard.EPIKRISE_1_1);
    }
}
