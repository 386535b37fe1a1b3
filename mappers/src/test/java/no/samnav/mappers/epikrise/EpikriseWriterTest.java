package no.samnav.mappers.epikrise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.WriteResult;
import no.samnav.mappers.core.MessageBundles;
import no.samnav.mappers.error.UnsupportedFormatException;
import no.samnav.mappers.fhir.Systems;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class EpikriseWriterTest {

    private final Mappers mappers = new Mappers();

    @Test
    void roundTripKeepsContentWithoutLosses() {
        ReadResult read = mappers.read(EpikriseFixtures.load("1.2", "utskrivning"));
        WriteResult written = mappers.write(read.bundle(), KithStandard.EPIKRISE_1_2);
        assertThat(written.wrapped()).isFalse();
        assertThat(written.losses().losses()).isEmpty();
        String xml = new String(written.xml(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<Message xmlns=\"http://www.kith.no/xmlstds/epikrise/2012-02-15\">",
                "<MsgDescr>Epikrise fra medisinsk avdeling &amp; hjertepost</MsgDescr>",
                "<OffId>15035241288</OffId>", "<Relation V=\"FLE\" DN=\"Fastlege\"/>",
                "<Name>Felles legevakt Balsfjord-Storfjord</Name>", "V=\"C03CA01\"", "<Status V=\"3\" DN=\"Endret dosering\"/>",
                "<p>Økende tung pust &lt;2 uker&gt;.</p>", "<Heading V=\"OP\" DN=\"Planer for videre oppfølging\"/>",
                "<Type V=\"ENH\" DN=\"Organisasjonsnummeret i Enhetsregister\"/>");
        // ServRprt order: ServReq, Event, Patient, ServProvider, CopyDest, Requester, RelServProvider
        assertThat(xml.indexOf("<ServReq>")).isLessThan(xml.indexOf("<Event>"));
        assertThat(xml.indexOf("<Patient>")).isLessThan(xml.indexOf("<ServProvider>"));
        assertThat(xml.indexOf("<CopyDest>")).isLessThan(xml.indexOf("<Requester>"));
        assertThat(xml.lastIndexOf("<RelServProvider>")).isGreaterThan(xml.indexOf("<Requester>"));

        Bundle again = mappers.read(written.xml()).bundle();
        assertThat(MessageBundles.all(again, Condition.class)).hasSize(2);
        assertThat(MessageBundles.all(again, MedicationStatement.class)).hasSize(2);
        assertThat(EpikriseReaderTest.composition(again).getSection()).hasSameSizeAs(
                EpikriseReaderTest.composition(read.bundle()).getSection());
    }

    @Test
    void writesInsideMsgHeadWhenItArrivedSo() {
        ReadResult read = mappers.read(EpikriseFixtures.load("1.2", "i-msghead"));
        WriteResult written = mappers.write(read.bundle(), KithStandard.EPIKRISE_1_2);
        assertThat(written.wrapped()).isTrue();
        assertThat(written.losses().losses()).isEmpty();
        String xml = new String(written.xml(), StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml").contains("<MsgHead", "<Content>",
                "<Message xmlns=\"http://www.kith.no/xmlstds/epikrise/2012-02-15\">", "<Concept V=\"R96\"");
        assertThat(mappers.read(written.xml()).standard()).isEqualTo(KithStandard.EPIKRISE_1_2);
    }

    @Test
    void writesAMinimalFhirCompositionAsAReadableEpikrise() {
        Bundle b = new Bundle().setType(Bundle.BundleType.MESSAGE);
        MessageHeader header = new MessageHeader();
        header.setEvent(new Coding(Systems.MESSAGE_TYPE, "EPIKRISE", "Epikrise"));
        b.addEntry().setFullUrl("urn:uuid:h").setResource(header);
        Patient p = new Patient();
        p.addIdentifier().setSystem(Systems.FNR).setValue("15035241288");
        p.addName().setFamily("Nordmann").addGiven("Ola");
        p.setGender(Enumerations.AdministrativeGender.MALE);
        b.addEntry().setFullUrl("urn:uuid:p").setResource(p);
        Organization sender = new Organization().setName("Nordfjell sykehus HF");
        sender.addIdentifier().setSystem(Systems.HER).setValue("8880001");
        b.addEntry().setFullUrl("urn:uuid:o").setResource(sender);
        Organization receiver = new Organization().setName("Storsteinnes legekontor");
        b.addEntry().setFullUrl("urn:uuid:r").setResource(receiver);
        header.setSender(new Reference("urn:uuid:o"));
        header.addDestination().setReceiver(new Reference("urn:uuid:r")).setEndpoint("urn:samnav:her:8880020");
        Composition c = new Composition();
        c.setStatus(Composition.CompositionStatus.FINAL);
        c.setType(EpikriseCodes.dischargeSummary());
        c.setSubject(new Reference("urn:uuid:p"));
        c.setDateElement(new DateTimeType("2026-03-02T13:40:00+01:00"));
        c.addAuthor(new Reference("urn:uuid:o"));
        c.setTitle("Epikrise");
        Composition.SectionComponent s = c.addSection().setTitle("Vurdering");
        s.getText().setStatus(Narrative.NarrativeStatus.GENERATED).setDivAsString(
                "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Frisk.</p></div>");
        b.addEntry().setFullUrl("urn:uuid:c").setResource(c);
        header.addFocus(new Reference("urn:uuid:c"));

        WriteResult written = mappers.write(b, KithStandard.EPIKRISE_1_2, false);
        String xml = new String(written.xml(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<Name>Nordmann, Ola</Name>", "<Sex V=\"1\" DN=\"Mann\"/>", "<Status V=\"F\" DN=\"Endelig rapport\"/>",
                "<Name>Storsteinnes legekontor</Name>", "<Heading DN=\"Vurdering\"/>", "<p>Frisk.</p>");
        ReadResult again = mappers.read(written.xml());
        assertThat(EpikriseReaderTest.composition(again.bundle()).getSection()).hasSize(1);
    }

    @Test
    void contentWithoutMappingIsCarriedAndReportedLost() {
        String xml = new String(EpikriseFixtures.load("1.2", "utskrivning"), StandardCharsets.UTF_8).replace(
                "<TypeOffId V=\"FNR\" DN=\"Fødselsnummer\"/>",
                "<TypeOffId V=\"FNR\" DN=\"Fødselsnummer\"/><PatientPrecaution><Precaution>Smitteregime</Precaution></PatientPrecaution>");
        ReadResult read = mappers.read(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(read.unmapped()).containsExactly("/Message/ServRprt/Patient/PatientPrecaution");
        WriteResult written = mappers.write(read.bundle(), KithStandard.EPIKRISE_1_2);
        assertThat(written.losses().losses()).extracting(no.samnav.mappers.Loss::path)
                .containsExactly("/Message/ServRprt/Patient/PatientPrecaution");
        assertThat(new String(written.xml(), StandardCharsets.UTF_8)).doesNotContain("Smitteregime");
    }

    @Test
    void version11CanBeReadButNotWritten() {
        ReadResult read = mappers.read(EpikriseFixtures.load("1.1", "utskrivning"));
        assertThatThrownBy(() -> mappers.write(read.bundle(), KithStandard.EPIKRISE_1_1))
                .isInstanceOf(UnsupportedFormatException.class)
                .hasMessageContaining("can be read but not written");
    }
}
