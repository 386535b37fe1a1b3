package no.samnav.conformance.generator;

import no.samnav.mappers.KithStandard;

/** AppRec 1.0 messages (namespace {@code apprec/2004-11-21}). */
public final class AppRecV1_0Generator extends AppRecGenerator {

    public AppRecV1_0Generator() {
        super(KithStandard.APPREC_1_0, "1.0 2004-11-21");
    }
}
