package no.samnav.conformance.generator;

import no.samnav.mappers.KithStandard;

/** Dialogmelding 1.0 messages in a MsgHead 1.2 (see {@link DialogmeldingGenerator}). */
public final class DialogmeldingV1_0Generator extends DialogmeldingGenerator {

    public DialogmeldingV1_0Generator() {
        super(KithStandard.DIALOGMELDING_1_0);
    }
}
