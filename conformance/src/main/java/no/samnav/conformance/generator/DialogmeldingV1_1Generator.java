package no.samnav.conformance.generator;

import no.samnav.mappers.KithStandard;

/** Dialogmelding 1.1 messages in a MsgHead 1.2 (see {@link DialogmeldingGenerator}). */
public final class DialogmeldingV1_1Generator extends DialogmeldingGenerator {

    public DialogmeldingV1_1Generator() {
        super(KithStandard.DIALOGMELDING_1_1);
    }
}
