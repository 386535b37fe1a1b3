package no.samnav.mappers.svarrapport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.WriteResult;
import no.samnav.mappers.core.MessageBundles;
import no.samnav.mappers.error.InvalidValueException;
import no.samnav.mappers.fhir.Systems;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** Svarrapport 1.4 reader and writer on synthetic fixtures (biochemistry bare, microbiology in a MsgHead). */
class SvarrapportV1_4Test {

    private static final Mappers MAPPERS = new Mappers();
    private static final String NLK = "urn:oid:2.16.578.1.12.4.1.1.7280";

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = SvarrapportV1_4Test.class.getResourceAsStream("/fixtures/svarrapport/1.4/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static DiagnosticReport report(Bundle b) {
        return (DiagnosticReport) MessageBundles.resolve(b, MessageBundles.header(b).getFocusFirstRep());
    }

    private static <T> T resolve(Bundle b, org.hl7.fhir.r4.model.Reference ref, Class<T> type) {
        return type.cast(MessageBundles.resolve(b, ref));
    }

    @Test
    void readsBiochemistryReportWithPartiesRequisitionSpecimensAndResults() throws IOException {
        ReadResult read = MAPPERS.read(fixture("biokjemi.xml"));
        Bundle b = read.bundle();
        assertThat(read.standard()).isEqualTo(KithStandard.SVARRAPPORT_1_4);
        assertThat(read.wrapped()).isFalse();
        assertThat(read.unmapped()).isEmpty();
        assertThat(b.getIdentifier().getValue()).isEqualTo("6d0c1e2a-5b1f-4c8e-9a57-0f3c2d9e8b11");
        assertThat(MessageBundles.header(b).getEventCoding().getCode()).isEqualTo("SVAR_LAB");

        DiagnosticReport report = report(b);
        assertThat(report.getStatus()).isEqualTo(DiagnosticReport.DiagnosticReportStatus.FINAL);
        assertThat(report.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("CLIN");
        assertThat(report.getIdentifierFirstRep().getValue()).isEqualTo("lab-2025-000417");
        assertThat(report.getConclusion()).contains("& svar er kontrollert");
        assertThat(report.getConclusionCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("TA");
        assertThat(report.getIssuedElement().getValueAsString()).startsWith("2025-03-11T14:01:30");

        Patient patient = resolve(b, report.getSubject(), Patient.class);
        assertThat(patient.getIdentifier()).anySatisfy(i -> {
            assertThat(i.getSystem()).isEqualTo(Systems.FNR);
            assertThat(i.getValue()).isEqualTo("15038540189");
        });
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Nordmann");
        assertThat(patient.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Kari");
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1985-03-15");

        Organization lab = resolve(b, report.getPerformerFirstRep(), Organization.class);
        assertThat(lab.getName()).isEqualTo("Laboratoriemedisin");
        assertThat(resolve(b, lab.getPartOf(), Organization.class).getName()).isEqualTo("Universitetssykehuset Nord-Norge HF");

        ServiceRequest requisition = resolve(b, report.getBasedOnFirstRep(), ServiceRequest.class);
        assertThat(requisition.getRequisition().getValue()).isEqualTo("rekv-oteren-88412");
        assertThat(requisition.getNoteFirstRep().getText()).isEqualTo("Kontroll etter oppstart av levotyroksin.");
        PractitionerRole requester = resolve(b, requisition.getRequester(), PractitionerRole.class);
        assertThat(resolve(b, requester.getOrganization(), Organization.class).getName()).isEqualTo("Oteren legekontor");

        assertThat(report.getSpecimen()).hasSize(2);
        Specimen serum = resolve(b, report.getSpecimen().get(0), Specimen.class);
        assertThat(serum.getType().getCodingFirstRep().getCode()).isEqualTo("S");
        assertThat(serum.getCollection().getCollectedDateTimeType().getValueAsString()).startsWith("2025-03-11T08:05:00");

        assertThat(report.getResult()).hasSize(2);
        Observation tsh = resolve(b, report.getResult().get(0), Observation.class);
        assertThat(tsh.getCode().getCodingFirstRep().getSystem()).isEqualTo(NLK);
        assertThat(tsh.getCode().getCodingFirstRep().getCode()).isEqualTo("NOR05865");
        assertThat(tsh.getValueQuantity().getValue()).isEqualByComparingTo("6.8");
        assertThat(tsh.getValueQuantity().getUnit()).isEqualTo("mIU/L");
        assertThat(tsh.getReferenceRangeFirstRep().getText()).isEqualTo("0,3 - 4,5");
        assertThat(tsh.getReferenceRangeFirstRep().getLow().getValue()).isEqualByComparingTo("0.3");
        assertThat(tsh.getReferenceRangeFirstRep().getHigh().getValue()).isEqualByComparingTo("4.5");
        assertThat(tsh.getReferenceRangeFirstRep().getHigh().getUnit()).isEqualTo("mIU/L");
        assertThat(tsh.getInterpretationFirstRep().getCoding()).extracting("code").containsExactly("1", "H");
        assertThat(tsh.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        assertThat(resolve(b, tsh.getSpecimen(), Specimen.class)).isSameAs(serum);

        Observation dimer = resolve(b, report.getResult().get(1), Observation.class);
        assertThat(dimer.getValueQuantity().getComparator()).isEqualTo(Quantity.QuantityComparator.LESS_THAN);
        assertThat(dimer.getReferenceRangeFirstRep().hasLow()).isFalse();
        assertThat(dimer.getReferenceRangeFirstRep().getHigh().getValue()).isEqualByComparingTo("0.5");
        assertThat(dimer.getStatus()).isEqualTo(Observation.ObservationStatus.PRELIMINARY);
        assertThat(dimer.getNoteFirstRep().getText()).isEqualTo("Under deteksjonsgrensen.");
    }

    @Test
    void readsMicrobiologyInsideMsgHeadWithIsolatesAndSusceptibility() throws IOException {
        ReadResult read = MAPPERS.read(fixture("mikrobiologi-msghead.xml"));
        Bundle b = read.bundle();
        assertThat(read.wrapped()).isTrue();
        assertThat(read.standard()).isEqualTo(KithStandard.SVARRAPPORT_1_4);
        assertThat(read.unmapped()).isEmpty();
        DiagnosticReport report = report(b);
        assertThat(report.getResult()).hasSize(3);

        Observation isolate = resolve(b, report.getResult().get(0), Observation.class);
        assertThat(isolate.getValueStringType().getValue()).isEqualTo("Escherichia coli");
        assertThat(isolate.getHasMember()).hasSize(1);
        Observation amount = resolve(b, isolate.getHasMemberFirstRep(), Observation.class);
        assertThat(amount.getCode().getText()).isEqualTo("Mengde");
        assertThat(amount.getValueStringType().getValue()).isEqualTo(">100.000 pr.ml.");

        Observation mecillinam = resolve(b, report.getResult().get(1), Observation.class);
        assertThat(mecillinam.getValue()).isInstanceOf(StringType.class);
        assertThat(mecillinam.getValueStringType().getValue()).isEqualTo("0,25");
        CodeableConcept sir = mecillinam.getInterpretationFirstRep();
        assertThat(sir.getCoding()).extracting("code").containsExactly("S", "S");
        assertThat(resolve(b, mecillinam.getDerivedFromFirstRep(), Observation.class)).isSameAs(isolate);

        Observation ampicillin = resolve(b, report.getResult().get(2), Observation.class);
        assertThat(ampicillin.hasValue()).isFalse();
        assertThat(ampicillin.getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("R");

        ServiceRequest requisition = resolve(b, report.getBasedOnFirstRep(), ServiceRequest.class);
        assertThat(requisition.getAuthoredOnElement().getValueAsString()).isEqualTo("2025-03-31");
    }

    @Test
    void writesBackWithoutLossesAndKeepsKeyContent() throws IOException {
        for (String name : List.of("biokjemi.xml", "mikrobiologi-msghead.xml")) {
            byte[] original = fixture(name);
            ReadResult read = MAPPERS.read(original);
            WriteResult written = MAPPERS.write(read.bundle(), read.standard(), read.wrapped());
            assertThat(written.losses().losses()).as(name).isEmpty();
            String xml = new String(written.xml(), StandardCharsets.UTF_8);
            assertThat(xml).contains("<MIGversion>v1.4 2012-02-15</MIGversion>");
            if (name.startsWith("biokjemi")) {
                assertThat(xml).contains("<OffId>15038540189</OffId>", "<Name>Nordmann, Kari</Name>",
                        "V=\"NOR05865\"", "U=\"mIU/L\"", "<Descr>0,3 - 4,5</Descr>", "<DevResultInd V=\"1\"",
                        "<ArithmeticComp V=\"&lt;\"", "<Id>rekv-oteren-88412</Id>", "<ServProvId>lab-2025-000417</ServProvId>",
                        "<TeleAddress V=\"tel:77626000\"/>", "<Accredited V=\"true\"/>");
            } else {
                assertThat(xml).contains("<RefIdResultItem>1</RefIdResultItem>", "OT=\"Mengde\"",
                        "<TextCode V=\"R\" S=\"2.16.578.1.12.4.1.1.8271\" DN=\"Resistent\"/>",
                        "<MsgId>a3c2e1f0-1111-4222-8333-944455566677</MsgId>", "<AnatomicalOrigin>Midtstråle</AnatomicalOrigin>");
            }
            // reading the output again gives the same report
            ReadResult again = MAPPERS.read(written.xml());
            assertThat(report(again.bundle()).getResult()).hasSameSizeAs(report(read.bundle()).getResult());
            assertThat(again.unmapped()).isEmpty();
        }
    }

    @Test
    void carriesUnmappedElementsVerbatimAndReportsNothingLost() throws IOException {
        String xml = new String(fixture("biokjemi.xml"), StandardCharsets.UTF_8).replace("<AnalysedSubject>",
                "<InfItem><Observation><Description>Gravid uke 12</Description></Observation><Type V=\"K\" DN=\"Klinisk\"/></InfItem>"
                        + "<AnalysedSubject>");
        ReadResult read = MAPPERS.read(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(read.unmapped()).isEmpty();
        WriteResult written = MAPPERS.write(read.bundle(), KithStandard.SVARRAPPORT_1_4, false);
        String out = new String(written.xml(), StandardCharsets.UTF_8);
        assertThat(out).contains("<Description>Gravid uke 12</Description>");
        assertThat(out.indexOf("<InfItem")).isLessThan(out.indexOf("<AnalysedSubject"));
    }

    @Test
    void rejectsAnInvalidFodselsnummerWithoutEchoingIt() throws IOException {
        String xml = new String(fixture("biokjemi.xml"), StandardCharsets.UTF_8).replace("15038540189", "15038540188");
        assertThatThrownBy(() -> MAPPERS.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageNotContaining("15038540188");
    }

    @Test
    void writesAReportBuiltInFhirWithDefaultsForMandatoryElements() throws IOException {
        Bundle b = MAPPERS.read(fixture("biokjemi.xml")).bundle();
        DiagnosticReport report = report(b);
        report.getExtension().removeIf(e -> e.getUrl().equals(SvarrapportExtensions.MESSAGE)
                || e.getUrl().equals(SvarrapportExtensions.PARTY));
        report.getStatusElement().getExtension().clear();
        report.setStatus(DiagnosticReport.DiagnosticReportStatus.PRELIMINARY);
        WriteResult written = MAPPERS.write(b, KithStandard.SVARRAPPORT_1_4, false);
        String out = new String(written.xml(), StandardCharsets.UTF_8);
        assertThat(out).contains("<Status V=\"P\"", "<ServProvider>", "<Requester>", "<Name>Laboratoriemedisin</Name>",
                "<MsgId>6d0c1e2a-5b1f-4c8e-9a57-0f3c2d9e8b11</MsgId>", "<ResponsibleHcp>");
        assertThat(written.losses().losses()).extracting("fhirPath").anySatisfy(p -> assertThat((String) p).endsWith(".resultsInterpreter"));
    }

    @Test
    void reportsFhirContentSvarrapportCannotHold() throws IOException {
        Bundle b = MAPPERS.read(fixture("biokjemi.xml")).bundle();
        DiagnosticReport report = report(b);
        report.addPresentedForm().setContentType("application/pdf").setData(new byte[] {1, 2, 3});
        Observation tsh = resolve(b, report.getResultFirstRep(), Observation.class);
        tsh.addComponent().setCode(new CodeableConcept().setText("del")).setValue(new StringType("x"));
        WriteResult written = MAPPERS.write(b, KithStandard.SVARRAPPORT_1_4, false);
        assertThat(written.losses().losses()).extracting("fhirPath")
                .anySatisfy(p -> assertThat((String) p).endsWith(".presentedForm"))
                .anySatisfy(p -> assertThat((String) p).endsWith(".component"));
        assertThat(written.losses().losses()).extracting("path").contains("/Message/ServReport/Patient/ResultItem")
                .doesNotContainNull();
    }

    @Test
    void aMessageWithoutServReportStaysWithoutOne() {
        String xml = "<Message xmlns=\"http://www.kith.no/xmlstds/labsvar/2012-02-15\"><Type V=\"SVAR_LAB\" DN=\"Svarrapport\"/>"
                + "<MIGversion>v1.4 2012-02-15</MIGversion><GenDate V=\"2025-01-02T03:04:05\"/>"
                + "<MsgId>11111111-2222-4333-8444-555555555555</MsgId></Message>";
        ReadResult read = MAPPERS.read(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(report(read.bundle()).getStatus()).isEqualTo(DiagnosticReport.DiagnosticReportStatus.UNKNOWN);
        WriteResult written = MAPPERS.write(read.bundle(), KithStandard.SVARRAPPORT_1_4, false);
        String out = new String(written.xml(), StandardCharsets.UTF_8);
        assertThat(out).contains("<MsgId>11111111-2222-4333-8444-555555555555</MsgId>").doesNotContain("ServReport");
        assertThat(written.losses().losses()).isEmpty();
    }
}
