package no.samnav.mappers.dialogmelding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import no.samnav.mappers.Fixtures;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.WriteResult;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.Systems;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** Dialogmelding 1.0 and 1.1 read to FHIR and written back in the same version. */
class DialogmeldingReadWriteTest {

    private final Mappers mappers = new Mappers();

    @Test
    void readsANoteOfVersion1_1WithTopicTextAndRoles() {
        ReadResult result = mappers.read(Fixtures.bytes("dialogmelding/1.1/helsefaglig-med-vedlegg.xml"));
        Communication note = Fixtures.one(result.bundle(), Communication.class);
        assertThat(note.getTopic().getCodingFirstRep().getSystem()).isEqualTo(Systems.volven("7322"));
        assertThat(note.getTopic().getCodingFirstRep().getCode()).isEqualTo("6");
        assertThat(Extensions.string(note, DialogmeldingExtensions.TEMA)).isEqualTo("EKG tatt i dag");
        assertThat(((StringType) note.getPayloadFirstRep().getContent()).getValue())
                .isEqualTo("Ettersender EKG & blodtrykksmålinger (152/94 < forrige). Se vedlegg.");
        assertThat(note.getNoteFirstRep().getText()).isEqualTo("Haster ikke");
        assertThat(note.getIdentifierFirstRep().getValue()).isEqualTo("notat-2025-0314-1");
        assertThat(note.getSentElement().getValueAsString()).isEqualTo("2025-03-14");

        Extension role = note.getExtensionByUrl(DialogmeldingExtensions.ROLLER_RELATERT_NOTAT);
        assertThat(((CodeableConcept) Extensions.sub(role, "roleToPatient")).getCodingFirstRep().getCode()).isEqualTo("6");
        PractitionerRole doctor = (PractitionerRole) Fixtures.resolve(result.bundle(), (Reference) Extensions.sub(role, "person"));
        Practitioner person = (Practitioner) Fixtures.resolve(result.bundle(), doctor.getPractitioner());
        assertThat(person.getIdentifierFirstRep().getSystem()).isEqualTo(Systems.HPR);
        assertThat(person.getIdentifierFirstRep().getValue()).isEqualTo("9144900");
        Organization unit = (Organization) Fixtures.resolve(result.bundle(), (Reference) Extensions.sub(role, "tilknyttetEnhet"));
        assertThat(unit.getName()).isEqualTo("Storsteinnes legekontor");
        assertThat(Extensions.subString(role, "tilknyttetEnhetMerknad")).isEqualTo("Fastlegekontor");
    }

    @Test
    void readsAQuestionOfVersion1_1WithTheElementsOnly1_1Has() {
        ReadResult result = mappers.read(Fixtures.bytes("dialogmelding/1.1/foresporsel-legemiddelliste.xml"));
        assertThat(result.unmapped()).isEmpty();
        CommunicationRequest question = Fixtures.one(result.bundle(), CommunicationRequest.class);
        assertThat(question.getStatus()).isEqualTo(CommunicationRequest.CommunicationRequestStatus.ACTIVE);
        assertThat(question.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("4");
        assertThat(Extensions.string(question, DialogmeldingExtensions.EMNE_SPORSMAL)).isEqualTo("Legemiddelliste");
        StringType text = (StringType) question.getPayloadFirstRep().getContent();
        assertThat(text.getValue()).contains("oppdatert").contains("legemiddelliste");
        assertThat(Extensions.string(text, Extensions.MARKUP)).contains("<b>oppdatert</b>");
        assertThat(question.getExtensionsByUrl(DialogmeldingExtensions.TYPE_JOURNALINFO)).hasSize(2);
        assertThat(((CodeableConcept) Extensions.value(question, DialogmeldingExtensions.KODET_OPPLYSNING))
                .getCodingFirstRep().getCode()).isEqualTo("I10");
        assertThat(question.getOccurrencePeriod().getStartElement().getValueAsString()).isEqualTo("2025-01-01");
        assertThat(question.getOccurrencePeriod().getEndElement().getValueAsString()).isEqualTo("2025-03-14");
        assertThat(question.getExtensionsByUrl(DialogmeldingExtensions.ROLLER_RELATERT_NOTAT)).hasSize(2);
        // The asker is the sender of the question.
        assertThat(question.getRequester().getReference())
                .isEqualTo(((org.hl7.fhir.r4.model.MessageHeader) result.bundle().getEntryFirstRep().getResource()).getSender().getReference());
    }

    @Test
    void readsIso8859_1InputByItsDeclaredEncodingAndWritesUtf8() {
        byte[] iso = Fixtures.bytes("dialogmelding/1.0/svar-paa-resept-iso-8859-1.xml");
        assertThat(new String(iso, 0, 60, StandardCharsets.US_ASCII)).contains("ISO-8859-1");
        ReadResult result = mappers.read(iso);
        assertThat(result.standard()).isEqualTo(KithStandard.DIALOGMELDING_1_0);
        Communication answer = Fixtures.one(result.bundle(), Communication.class);
        assertThat(((StringType) answer.getPayloadFirstRep().getContent()).getValue())
                .startsWith("eResept på amlodipin").contains("bør møte");
        assertThat(Fixtures.one(result.bundle(), org.hl7.fhir.r4.model.Patient.class).getNameFirstRep().getFamily()).isEqualTo("Øvrebø");

        WriteResult written = mappers.write(result.bundle(), KithStandard.DIALOGMELDING_1_0, true);
        String xml = new String(written.xml(), StandardCharsets.UTF_8);
        assertThat(xml).matches("(?s)<\\?xml version=['\"]1.0['\"] encoding=['\"]UTF-8['\"].*");
        assertThat(xml).contains("eResept på amlodipin").contains("<FamilyName>Øvrebø</FamilyName>");
        assertThat(written.losses().isEmpty()).as(written.losses().toString()).isTrue();
    }

    @Test
    void readsAnAnswerAsANoteBasedOnTheRepeatedQuestion() {
        ReadResult result = mappers.read(Fixtures.bytes("dialogmelding/1.0/svar-paa-resept-iso-8859-1.xml"));
        Communication answer = Fixtures.one(result.bundle(), Communication.class);
        CommunicationRequest question = (CommunicationRequest) Fixtures.resolve(result.bundle(), answer.getBasedOnFirstRep());
        assertThat(question.getStatus()).isEqualTo(CommunicationRequest.CommunicationRequestStatus.COMPLETED);
        assertThat(((StringType) question.getPayloadFirstRep().getContent()).getValue()).startsWith("Pasienten går snart tom");
        // The question was asked by the receiver of the answer.
        var header = (org.hl7.fhir.r4.model.MessageHeader) result.bundle().getEntryFirstRep().getResource();
        assertThat(question.getRequester().getReference()).isEqualTo(header.getDestinationFirstRep().getReceiver().getReference());
        assertThat(question.getRecipientFirstRep().getReference()).isEqualTo(header.getSender().getReference());
        assertThat(header.getEventCoding().getCode()).isEqualTo("DIALOG_SVAR");
    }

    @Test
    void writesVersion1_1BackWithEveryValue() {
        for (String fixture : new String[] {"dialogmelding/1.1/helsefaglig-med-vedlegg.xml",
                "dialogmelding/1.1/foresporsel-legemiddelliste.xml"}) {
            ReadResult result = mappers.read(Fixtures.bytes(fixture));
            WriteResult written = mappers.write(result.bundle(), KithStandard.DIALOGMELDING_1_1);
            assertThat(written.wrapped()).isTrue();
            assertThat(written.losses().isEmpty()).as(fixture + ": " + written.losses()).isTrue();
            String xml = Fixtures.utf8(written.xml());
            assertThat(xml).contains("<Dialogmelding xmlns=\"" + KithStandard.DIALOGMELDING_1_1.namespace() + "\"");
            if (fixture.contains("foresporsel")) {
                assertThat(xml).contains("<EmneSporsmal>Legemiddelliste</EmneSporsmal>")
                        .contains("<b>oppdatert</b>").contains("V=\"I10\"").contains("<FraDato>2025-01-01</FraDato>");
            } else {
                assertThat(xml).contains("<Tema>EKG tatt i dag</Tema>").contains("EKG &amp; blodtrykksmålinger (152/94 &lt; forrige)")
                        .contains("<TilknyttetEnhet>").contains("<DatoNotat>2025-03-14</DatoNotat>");
            }
        }
    }

    @Test
    void markupThatIsNotWellFormedIsWrittenAsPlainTextAndReported() {
        ReadResult result = mappers.read(Fixtures.bytes("dialogmelding/1.1/foresporsel-legemiddelliste.xml"));
        CommunicationRequest question = Fixtures.one(result.bundle(), CommunicationRequest.class);
        StringType text = (StringType) question.getPayloadFirstRep().getContent();
        text.getExtensionByUrl(Extensions.MARKUP).setValue(new StringType("</Sporsmal><Injected>x</Injected><Sporsmal>"));
        WriteResult written = mappers.write(result.bundle(), KithStandard.DIALOGMELDING_1_1);
        String xml = Fixtures.utf8(written.xml());
        assertThat(xml).doesNotContain("<Injected>");
        assertThat(written.losses().losses()).extracting(no.samnav.mappers.Loss::path)
                .containsExactly("/MsgHead/Document/RefDoc/Content/Dialogmelding/Foresporsel/Sporsmal");
        assertThat(mappers.read(written.xml()).bundle()).isNotNull();
    }
}
