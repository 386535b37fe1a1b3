package no.samnav.conformance.generator;

import no.samnav.mappers.KithStandard;

/** Epikrise 1.2 messages (see {@link EpikriseGenerator}). */
public final class EpikriseV1_2Generator extends EpikriseGenerator {

    public EpikriseV1_2Generator() {
        super(KithStandard.EPIKRISE_1_2);
    }
}
