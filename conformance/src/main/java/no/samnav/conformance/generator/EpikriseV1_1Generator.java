package no.samnav.conformance.generator;

import no.samnav.mappers.KithStandard;

/**
 * Epikrise 1.1 messages (see {@link EpikriseGenerator}). Not in {@link Generators#all()}: 1.1 is
 * read only, so its corpus is tested by translation to 1.2 instead of a same-version round trip.
 */
public final class EpikriseV1_1Generator extends EpikriseGenerator {

    public EpikriseV1_1Generator() {
        super(KithStandard.EPIKRISE_1_1);
    }
}
