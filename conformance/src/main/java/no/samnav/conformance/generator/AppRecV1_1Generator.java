package no.samnav.conformance.generator;

import no.samnav.mappers.KithStandard;

/** AppRec 1.1 messages (namespace {@code apprec/2012-02-15}). */
public final class AppRecV1_1Generator extends AppRecGenerator {

    public AppRecV1_1Generator() {
        super(KithStandard.APPREC_1_1, "v1.1 2012-02-15");
    }
}
