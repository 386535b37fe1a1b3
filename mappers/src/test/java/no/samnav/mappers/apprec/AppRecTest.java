package no.samnav.mappers.apprec;

import static org.assertj.core.api.Assertions.assertThat;

import no.samnav.mappers.Fixtures;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.WriteResult;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.kodeverk.AppRecErrorCode;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Test;

/** AppRec 1.0 and 1.1: reading, writing in the same version, and translation between them. */
class AppRecTest {

    private final Mappers mappers = new Mappers();

    @Test
    void readsARejectionWithItsErrorCodesAndTheOriginalMessage() {
        ReadResult result = mappers.read(Fixtures.bytes("apprec/1.0/avvist.xml"));
        assertThat(result.standard()).isEqualTo(KithStandard.APPREC_1_0);
        assertThat(result.wrapped()).isFalse();
        assertThat(result.unmapped()).isEmpty();
        MessageHeader header = (MessageHeader) result.bundle().getEntryFirstRep().getResource();
        assertThat(header.getEventCoding().getCode()).isEqualTo("APPREC");
        assertThat(header.getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.FATALERROR);
        assertThat(header.getResponse().getIdentifier()).isEqualTo("0a1b2c3d-1111-4222-8333-444455556666");
        OperationOutcome outcome = (OperationOutcome) Fixtures.resolve(result.bundle(), header.getResponse().getDetails());
        assertThat(outcome.getIssue()).hasSize(2);
        assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getSystem()).endsWith(AppRecErrorCode.OID);
        assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo("E21");
        assertThat(outcome.getIssueFirstRep().getDetails().getText()).isEqualTo("Legen har sluttet");
        assertThat(outcome.getIssue().get(1).getDetails().getCodingFirstRep().getCode()).isEqualTo("E35");
        assertThat(header.getSource().getEndpoint()).isEqualTo("urn:samnav:her:8200001");
        Organization sender = (Organization) Fixtures.resolve(result.bundle(), header.getSender());
        assertThat(sender.getName()).isEqualTo("Universitetssykehuset Nord-Norge HF");
        assertThat(sender.getIdentifier()).hasSize(2);
        assertThat(Fixtures.all(result.bundle(), Organization.class)).extracting(Organization::getName)
                .contains("Kardiologisk poliklinikk", "Storsteinnes legekontor");
    }

    @Test
    void readsStatus3AsOkWithWarnings() {
        ReadResult result = mappers.read(Fixtures.bytes("apprec/1.1/ok-feil-i-delmelding.xml"));
        MessageHeader header = (MessageHeader) result.bundle().getEntryFirstRep().getResource();
        assertThat(header.getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.TRANSIENTERROR);
        OperationOutcome outcome = (OperationOutcome) Fixtures.resolve(result.bundle(), header.getResponse().getDetails());
        assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING);
        assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo("X99");
        assertThat(Extensions.string(header, Extensions.APPREC_MIG_VERSION)).isEqualTo("v1.1 2012-02-15");
    }

    @Test
    void writesEachVersionBackWithEveryValue() {
        for (String fixture : new String[] {"apprec/1.0/avvist.xml", "apprec/1.1/ok-feil-i-delmelding.xml"}) {
            ReadResult result = mappers.read(Fixtures.bytes(fixture));
            WriteResult written = mappers.write(result.bundle(), result.standard());
            assertThat(written.wrapped()).isFalse();
            assertThat(written.losses().isEmpty()).as(written.losses().toString()).isTrue();
            String xml = Fixtures.utf8(written.xml());
            assertThat(xml).contains("<AppRec xmlns=\"" + result.standard().namespace() + "\"")
                    .contains("<SoftwareName>Testjournal</SoftwareName>")
                    .contains("<Id>983974899</Id>")
                    .contains("<Name>Håkon Berg</Name>")
                    .contains("<Id>0a1b2c3d-1111-4222-8333-444455556666</Id>")
                    .contains("<IssueDate>2025-03-14T10:15:30</IssueDate>");
        }
    }

    @Test
    void keepsAnUnusualMigVersionWithinTheSameVersionOnly() {
        byte[] source = Fixtures.utf8(Fixtures.bytes("apprec/1.0/avvist.xml"))
                .replace("<MIGversion>1.0 2004-11-21</MIGversion>", "<MIGversion>1.0 2008-11-21</MIGversion>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Fixtures.utf8(mappers.translate(source, KithStandard.APPREC_1_0).xml()))
                .contains("<MIGversion>1.0 2008-11-21</MIGversion>");
        assertThat(Fixtures.utf8(mappers.translate(source, KithStandard.APPREC_1_1).xml()))
                .contains("<MIGversion>v1.1 2012-02-15</MIGversion>");
    }

    @Test
    void translatesBetween1_0And1_1WithoutLoss() {
        WriteResult up = mappers.translate(Fixtures.bytes("apprec/1.0/avvist.xml"), KithStandard.APPREC_1_1);
        assertThat(up.losses().isEmpty()).as(up.losses().toString()).isTrue();
        String xml = Fixtures.utf8(up.xml());
        assertThat(xml).contains(KithStandard.APPREC_1_1.namespace()).contains("<Status V=\"2\" DN=\"Avvist\"/>")
                .contains("V=\"E21\"").contains("OT=\"Legen har sluttet\"").contains("V=\"E35\"");

        WriteResult down = mappers.translate(Fixtures.bytes("apprec/1.1/ok-feil-i-delmelding.xml"), KithStandard.APPREC_1_0);
        assertThat(down.losses().isEmpty()).as(down.losses().toString()).isTrue();
        ReadResult back = mappers.read(down.xml());
        assertThat(back.standard()).isEqualTo(KithStandard.APPREC_1_0);
        MessageHeader header = (MessageHeader) back.bundle().getEntryFirstRep().getResource();
        assertThat(header.getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.TRANSIENTERROR);
        assertThat(Fixtures.utf8(down.xml())).contains("OT=\"Vedlegg 2 kunne ikke åpnes\"");
    }

    @Test
    void anIssueWithOnlyATextBecomesAnnenFeilWithTheTextAsOt() {
        ReadResult result = mappers.read(Fixtures.bytes("apprec/1.0/avvist.xml"));
        MessageHeader header = (MessageHeader) result.bundle().getEntryFirstRep().getResource();
        OperationOutcome outcome = (OperationOutcome) Fixtures.resolve(result.bundle(), header.getResponse().getDetails());
        outcome.getIssue().clear();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.INVALID)
                .setDiagnostics("Mottakers journal er låst");
        WriteResult written = mappers.write(result.bundle(), KithStandard.APPREC_1_1);
        assertThat(Fixtures.utf8(written.xml())).contains("<Error V=\"X99\" S=\"2.16.578.1.12.4.1.1.8221\" DN=\"Annen feil\" OT=\"Mottakers journal er låst\"/>");
        assertThat(written.losses().isEmpty()).isTrue();
    }

    @Test
    void aSecondReceiverIsReportedLost() {
        ReadResult result = mappers.read(Fixtures.bytes("apprec/1.1/ok-feil-i-delmelding.xml"));
        MessageHeader header = (MessageHeader) result.bundle().getEntryFirstRep().getResource();
        header.addDestination().setReceiver(header.getSender().copy());
        WriteResult written = mappers.write(result.bundle(), KithStandard.APPREC_1_1);
        assertThat(written.losses().losses()).extracting(no.samnav.mappers.Loss::fhirPath)
                .containsExactly("MessageHeader.destination[1]");
    }
}
