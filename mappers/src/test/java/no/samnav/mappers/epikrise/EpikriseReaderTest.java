package no.samnav.mappers.epikrise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.core.MessageBundles;
import no.samnav.mappers.error.InvalidValueException;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.Systems;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

class EpikriseReaderTest {

    private final Mappers mappers = new Mappers();

    @Test
    void readsDischargeSummaryAsComposition() {
        ReadResult read = mappers.read(EpikriseFixtures.load("1.2", "utskrivning"));
        Bundle b = read.bundle();
        assertThat(read.standard()).isEqualTo(KithStandard.EPIKRISE_1_2);
        assertThat(read.wrapped()).isFalse();
        assertThat(read.unmapped()).isEmpty();
        Composition c = composition(b);
        assertThat(c.getType().getCodingFirstRep().getCode()).isEqualTo("18842-5");
        assertThat(c.getTitle()).isEqualTo("Epikrise fra medisinsk avdeling & hjertepost");
        assertThat(c.getStatus()).isEqualTo(Composition.CompositionStatus.FINAL);
        assertThat(c.getIdentifier().getValue()).isEqualTo("7f2b9c44-1e0a-4d7e-8c3b-5a6f0e9d1c22");
        assertThat(b.getIdentifier().getValue()).isEqualTo("3c1d6a10-8f3e-4b51-9a77-0d3e8a2b6f01");
        assertThat(MessageBundles.header(b).getEventCoding().getCode()).isEqualTo("EPIKRISE");
        assertThat(MessageBundles.header(b).getFocusFirstRep().getReference()).isEqualTo("urn:uuid:" + c.getIdElement().getIdPart());

        Patient patient = (Patient) resolve(b, c.getSubject());
        assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo(Systems.FNR);
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("15035241288");
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Nordmann");
        assertThat(patient.getAddressFirstRep().getCity()).isEqualTo("Storsteinnes");
        // the regular GP (PatRelHCP FLE) is the patient's general practitioner
        PractitionerRole gp = (PractitionerRole) resolve(b, patient.getGeneralPractitionerFirstRep());
        assertThat(((Practitioner) resolve(b, gp.getPractitioner())).getIdentifierFirstRep().getValue()).isEqualTo("1234567");
        assertThat(gp.getTelecomFirstRep().getValue()).isEqualTo("+4777000000");
    }

    @Test
    void readsPartiesCopyRecipientsAndContactDoctor() {
        Bundle b = mappers.read(EpikriseFixtures.load("1.2", "utskrivning")).bundle();
        Composition c = composition(b);
        Organization dept = (Organization) resolve(b, c.getAuthorFirstRep());
        assertThat(dept.getName()).isEqualTo("Medisinsk avdeling");
        Organization hospital = (Organization) resolve(b, dept.getPartOf());
        assertThat(hospital.getName()).isEqualTo("Nordfjell sykehus HF");
        assertThat(hospital.getIdentifier()).extracting(i -> i.getValue()).containsExactly("8880001", "974795361");
        assertThat(hospital.getIdentifier().get(1).getSystem()).isEqualTo(Systems.ENH);
        assertThat(resolve(b, c.getCustodian())).isSameAs(dept);
        assertThat(resolve(b, MessageBundles.header(b).getSender())).isSameAs(dept);

        Extension copy = c.getExtensionByUrl(EpikriseExtensions.COPY_DEST);
        Organization legevakt = (Organization) resolve(b, (Reference) Extensions.sub(copy, "party"));
        assertThat(legevakt.getName()).isEqualTo("Felles legevakt Balsfjord-Storfjord");

        Reference requester = (Reference) Extensions.sub(c.getExtensionByUrl(EpikriseExtensions.REQUESTER), "party");
        PractitionerRole gpAtOffice = (PractitionerRole) resolve(b, requester);
        assertThat(((Organization) resolve(b, gpAtOffice.getOrganization())).getName()).isEqualTo("Storsteinnes legekontor");
        assertThat(resolve(b, MessageBundles.header(b).getDestinationFirstRep().getReceiver())).isSameAs(gpAtOffice);
        assertThat(MessageBundles.header(b).getDestinationFirstRep().getEndpoint()).isEqualTo("urn:samnav:her:8880021");
        assertThat(MessageBundles.header(b).getSource().getEndpoint()).isEqualTo("urn:samnav:her:8880002");

        // the responsible doctor (kontaktlege) attests the approved summary
        Composition.CompositionAttesterComponent attester = c.getAttesterFirstRep();
        assertThat(attester.getTimeElement().getValueAsString()).startsWith("2026-03-02T13:55:00");
        PractitionerRole contact = (PractitionerRole) resolve(b, attester.getParty());
        assertThat(((Practitioner) resolve(b, contact.getPractitioner())).getNameFirstRep().getText()).isEqualTo("Kari Kontaktlege");
        assertThat(contact.getTelecomFirstRep().getValue()).isEqualTo("+4777111111");
    }

    @Test
    void readsDiagnosesMedicationsAndFollowUp() {
        Bundle b = mappers.read(EpikriseFixtures.load("1.2", "utskrivning")).bundle();
        List<Condition> conditions = MessageBundles.all(b, Condition.class);
        assertThat(conditions).extracting(x -> x.getCode().getCodingFirstRep().getCode()).containsExactly("I500", "E119");
        assertThat(conditions.get(0).getCode().getCodingFirstRep().getSystem()).isEqualTo(Systems.ICD10);
        assertThat(conditions.get(1).getNoteFirstRep().getText()).isEqualTo("Kjent diabetes type 2");
        assertThat(conditions.get(1).getOnsetDateTimeType().getValueAsString()).isEqualTo("2015");

        List<MedicationStatement> meds = MessageBundles.all(b, MedicationStatement.class);
        assertThat(meds).hasSize(2);
        MedicationStatement furosemid = meds.get(0);
        assertThat(furosemid.getMedicationCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("C03CA01");
        assertThat(furosemid.getStatusReasonFirstRep().getCodingFirstRep().getDisplay()).isEqualTo("Endret dosering");
        assertThat(furosemid.getNoteFirstRep().getText()).contains("dosen økt");
        assertThat(furosemid.getDosageFirstRep().getText()).isEqualTo("1 tablett morgen");
        assertThat(furosemid.getDosageFirstRep().getDoseAndRateFirstRep().getDoseQuantity().getValue()).isEqualByComparingTo("40");

        Observation cave = MessageBundles.all(b, Observation.class).get(0);
        assertThat(cave.getCode().getCodingFirstRep().getCode()).isEqualTo("CAVE");
        assertThat(cave.getValueStringType().getValue()).isEqualTo("Penicillin (utslett)");

        CarePlan plan = MessageBundles.all(b, CarePlan.class).get(0);
        assertThat(plan.getDescription()).isEqualTo("Fastlege kontrollerer vekt og kreatinin om 1 uke.");
        Reference requester = (Reference) Extensions.sub(composition(b).getExtensionByUrl(EpikriseExtensions.REQUESTER), "party");
        assertThat(resolve(b, plan.getActivityFirstRep().getDetail().getPerformerFirstRep())).isSameAs(resolve(b, requester));

        ServiceRequest referral = MessageBundles.all(b, ServiceRequest.class).get(0);
        assertThat(referral.getReasonCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("K77");
        assertThat(referral.getIdentifierFirstRep().getValue()).isEqualTo("0a9e7c55-2b6d-4e3f-9d10-77c1e2f3a4b5");
    }

    @Test
    void readsEventsAndTextSections() {
        Bundle b = mappers.read(EpikriseFixtures.load("1.2", "utskrivning")).bundle();
        List<Encounter> encounters = MessageBundles.all(b, Encounter.class);
        assertThat(encounters).hasSize(2);
        Encounter stay = encounters.get(0);
        assertThat(stay.getClass_().getCode()).isEqualTo("1");
        assertThat(stay.getPeriod().getEndElement().getValueAsString()).startsWith("2026-03-02T12:00:00");
        assertThat(stay.getHospitalization().getDischargeDisposition().getCodingFirstRep().getDisplay()).isEqualTo("Ut til hjemmet");
        assertThat(resolve(b, encounters.get(1).getPartOf())).isSameAs(stay);

        Composition c = composition(b);
        Composition.SectionComponent reason = c.getSection().stream()
                .filter(s -> s.hasCode() && "AI".equals(s.getCode().getCodingFirstRep().getCode())).findFirst().orElseThrow();
        assertThat(reason.getTitle()).isEqualTo("Årsak til innleggelse");
        assertThat(reason.getText().getDivAsString()).contains("Økende tung pust");
        assertThat(Extensions.string(reason.getExtensionByUrl(EpikriseExtensions.TEXT_VALUE).getValue(), Extensions.MARKUP))
                .contains("<p>");
        Composition.SectionComponent diagnoses = c.getSection().stream()
                .filter(s -> s.hasCode() && "H".equals(s.getCode().getCodingFirstRep().getCode())).findFirst().orElseThrow();
        assertThat(diagnoses.getEntry()).hasSize(1);
    }

    @Test
    void readsVersion11InIso88591() {
        ReadResult read = mappers.read(EpikriseFixtures.load("1.1", "utskrivning"));
        assertThat(read.standard()).isEqualTo(KithStandard.EPIKRISE_1_1);
        assertThat(read.unmapped()).isEmpty();
        Bundle b = read.bundle();
        Composition c = composition(b);
        assertThat(c.getSection()).anySatisfy(s -> assertThat(s.getText().getDivAsString()).contains("æøå &amp; &lt;ok&gt;"));
        Encounter stay = MessageBundles.all(b, Encounter.class).get(0);
        assertThat(Extensions.string(stay, EpikriseExtensions.EVENT_ID)).isEqualTo("1");
        assertThat(MessageBundles.all(b, ServiceRequest.class).get(0).getCategoryFirstRep().getText())
                .isEqualTo("Utredning av magesmerter");
        Organization hospital = MessageBundles.all(b, Organization.class).stream()
                .filter(o -> "Nordfjell sykehus HF".equals(o.getName())).findFirst().orElseThrow();
        assertThat(Extensions.value(hospital, EpikriseExtensions.UNIT_TYPE)).isNotNull();
    }

    @Test
    void readsEpikriseInsideMsgHead() {
        ReadResult read = mappers.read(EpikriseFixtures.load("1.2", "i-msghead"));
        assertThat(read.wrapped()).isTrue();
        assertThat(read.standard()).isEqualTo(KithStandard.EPIKRISE_1_2);
        assertThat(read.unmapped()).isEmpty();
        Bundle b = read.bundle();
        // the envelope's message id and parties win over the document's own
        assertThat(b.getIdentifier().getValue()).isEqualTo("9b3e2d1c-0f4a-4b5c-8d6e-7f8091a2b3c4");
        assertThat(Extensions.string(composition(b), EpikriseExtensions.MSG_ID)).isEqualTo("1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
        assertThat(MessageBundles.all(b, Condition.class)).extracting(x -> x.getCode().getCodingFirstRep().getSystem())
                .containsExactly(Systems.ICPC2);
    }

    @Test
    void rejectsAnInvalidFodselsnummerWithoutRepeatingIt() {
        String xml = new String(EpikriseFixtures.load("1.2", "utskrivning"), StandardCharsets.UTF_8)
                .replace("<OffId>15035241288</OffId>", "<OffId>15035241289</OffId>");
        assertThatThrownBy(() -> mappers.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageNotContaining("15035241289");
    }

    static Composition composition(Bundle b) {
        return MessageBundles.all(b, Composition.class).get(0);
    }

    static org.hl7.fhir.r4.model.Resource resolve(Bundle b, Reference r) {
        return MessageBundles.resolve(b, r);
    }
}
