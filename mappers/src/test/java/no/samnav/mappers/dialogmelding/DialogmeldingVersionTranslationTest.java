package no.samnav.mappers.dialogmelding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.samnav.mappers.Fixtures;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.Loss;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.WriteResult;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** Dialogmelding 1.1 to 1.0 and back through FHIR, with the loss report naming what 1.0 cannot hold. */
class DialogmeldingVersionTranslationTest {

    private final Mappers mappers = new Mappers();

    @Test
    void aQuestionOf1_1LosesExactlyThe1_1OnlyElementsIn1_0() {
        WriteResult result = mappers.translate(Fixtures.bytes("dialogmelding/1.1/foresporsel-legemiddelliste.xml"),
                KithStandard.DIALOGMELDING_1_0);
        assertThat(result.standard()).isEqualTo(KithStandard.DIALOGMELDING_1_0);
        assertThat(result.wrapped()).isTrue();
        List<String> paths = result.losses().losses().stream().map(Loss::path).toList();
        String base = "/MsgHead/Document/RefDoc/Content/Dialogmelding/Foresporsel/";
        assertThat(paths).containsExactlyInAnyOrder(
                base + "EmneSporsmal",
                base + "Sporsmal",
                base + "TypeJournalinfo",
                base + "KodetOpplysning",
                base + "RollerRelatertNotat");
        assertThat(result.losses().toText()).doesNotContain("13116900216");

        ReadResult back = mappers.read(result.xml());
        assertThat(back.standard()).isEqualTo(KithStandard.DIALOGMELDING_1_0);
        CommunicationRequest question = Fixtures.one(back.bundle(), CommunicationRequest.class);
        assertThat(((StringType) question.getPayloadFirstRep().getContent()).getValue()).contains("oppdatert");
        assertThat(question.getExtensionsByUrl(DialogmeldingExtensions.TYPE_JOURNALINFO)).hasSize(1);
        assertThat(question.getExtensionsByUrl(DialogmeldingExtensions.ROLLER_RELATERT_NOTAT)).hasSize(1);
        assertThat(Extensions11.of(question)).isEmpty();
        assertThat(Fixtures.utf8(result.xml())).contains("<Begrunnelse>Innleggelse planlagt</Begrunnelse>")
                .contains("<Hastegrad V=\"H\" DN=\"Haster\"/>").contains("<DokIdForesp>foresp-2025-0314-1</DokIdForesp>");
    }

    @Test
    void aHelsefagligDialogBecomesANoteIn1_0AndKeepsItsAttachments() {
        WriteResult result = mappers.translate(Fixtures.bytes("dialogmelding/1.1/helsefaglig-med-vedlegg.xml"),
                KithStandard.DIALOGMELDING_1_0);
        List<String> paths = result.losses().losses().stream().map(Loss::path).toList();
        assertThat(paths).containsExactlyInAnyOrder("/MsgHead/MsgInfo/Type",
                "/MsgHead/Document/RefDoc/Content/Dialogmelding/Notat/RollerRelatertNotat/TilknyttetEnhet");
        ReadResult back = mappers.read(result.xml());
        MessageHeader header = (MessageHeader) back.bundle().getEntryFirstRep().getResource();
        assertThat(header.getEventCoding().getCode()).isEqualTo("DIALOG_NOTAT");
        assertThat(header.getFocus()).hasSize(3);
        ReadResult original = mappers.read(Fixtures.bytes("dialogmelding/1.1/helsefaglig-med-vedlegg.xml"));
        assertThat(Fixtures.all(back.bundle(), org.hl7.fhir.r4.model.DocumentReference.class).get(0)
                .getContentFirstRep().getAttachment().getData())
                .isEqualTo(Fixtures.all(original.bundle(), org.hl7.fhir.r4.model.DocumentReference.class).get(0)
                        .getContentFirstRep().getAttachment().getData());
        Communication note = Fixtures.one(back.bundle(), Communication.class);
        assertThat(((StringType) note.getPayloadFirstRep().getContent()).getValue()).startsWith("Ettersender EKG &");
    }

    @Test
    void anAnswerOf1_0TranslatesTo1_1WithoutLoss() {
        WriteResult result = mappers.translate(Fixtures.bytes("dialogmelding/1.0/svar-paa-resept-iso-8859-1.xml"),
                KithStandard.DIALOGMELDING_1_1);
        assertThat(result.losses().isEmpty()).as(result.losses().toString()).isTrue();
        ReadResult back = mappers.read(result.xml());
        assertThat(back.standard()).isEqualTo(KithStandard.DIALOGMELDING_1_1);
        MessageHeader header = (MessageHeader) back.bundle().getEntryFirstRep().getResource();
        assertThat(header.getEventCoding().getCode()).isEqualTo("DIALOG_SVAR");
        Communication answer = Fixtures.one(back.bundle(), Communication.class);
        assertThat(answer.getBasedOn()).hasSize(1);
        assertThat(Fixtures.utf8(result.xml())).contains("Pasienten går snart tom for amlodipin 5 mg");
    }

    /** The 1.1-only extensions left on a question after a round through 1.0. */
    private static final class Extensions11 {
        static List<String> of(CommunicationRequest r) {
            return r.getExtension().stream().map(e -> e.getUrl())
                    .filter(u -> u.equals(DialogmeldingExtensions.EMNE_SPORSMAL) || u.equals(DialogmeldingExtensions.KODET_OPPLYSNING))
                    .toList();
        }
    }
}
