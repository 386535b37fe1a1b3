package no.samnav.mappers.henvisning;

import static no.samnav.mappers.henvisning.HenvisningFixtures.all;
import static no.samnav.mappers.henvisning.HenvisningFixtures.load;
import static no.samnav.mappers.henvisning.HenvisningFixtures.one;
import static no.samnav.mappers.henvisning.HenvisningFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.WriteResult;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.Systems;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

/** Henvisning 1.1 (bare Message) read into FHIR and written back, on a synthetic fixture. */
class HenvisningV1_1Test {

    private final Mappers mappers = new Mappers();
    private final byte[] xml = load("1.1/full-referral");

    @Test
    void readsTheReferralWithPatientPartiesAndClinicalContent() {
        ReadResult read = mappers.read(xml);
        assertThat(read.standard()).isEqualTo(KithStandard.HENVISNING_1_1);
        assertThat(read.wrapped()).isFalse();
        assertThat(read.unmapped()).isEmpty();
        var bundle = read.bundle();
        assertThat(bundle.getIdentifier().getValue()).isEqualTo("6f1f0a52-3c1e-4b7a-9d55-0d7a3c1b2e01");

        ServiceRequest sr = one(bundle, ServiceRequest.class);
        assertThat(HenvisningReading.isReferral(sr)).isTrue();
        assertThat(sr.getIdentifierFirstRep().getValue()).isEqualTo("a3d0c9a8-1111-4222-8333-944455556666");
        assertThat(sr.getPriority()).isEqualTo(ServiceRequest.ServiceRequestPriority.URGENT);
        assertThat(((org.hl7.fhir.r4.model.Coding) Extensions.value(sr.getPriorityElement(), Extensions.KITH_CODE)).getCode())
                .isEqualTo("3");
        assertThat(sr.getOccurrenceDateTimeType().getValueAsString()).isEqualTo("2025-03-01");
        assertThat(sr.getCode().getCodingFirstRep().getCode()).isEqualTo("10");
        assertThat(sr.getNote()).hasSize(2);
        assertThat(sr.getNoteFirstRep().getText()).contains("\"uavklart\" tungpust & videre");
        assertThat(Extensions.string(sr, HenvisningExtensions.REQ_SERV_COMMENT)).isEqualTo("Gjerne time før påske");
        assertThat(sr.getExtensionsByUrl(HenvisningExtensions.CONSENT)).hasSize(1);

        Patient patient = (Patient) read.bundle().getEntry().stream().map(e -> e.getResource())
                .filter(r -> r instanceof Patient).findFirst().orElseThrow();
        assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo(Systems.FNR);
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("12037849861");
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Storsteinnes");
        assertThat(patient.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Åse");
        assertThat(patient.getAddressFirstRep().getCity()).isEqualTo("Storsteinnes");

        PractitionerRole requester = (PractitionerRole) MessageBundlesResolve.resolve(bundle, sr.getRequester());
        Organization office = (Organization) MessageBundlesResolve.resolve(bundle, requester.getOrganization());
        assertThat(office.getName()).isEqualTo("Storsteinnes legekontor");
        Practitioner gp = (Practitioner) MessageBundlesResolve.resolve(bundle, requester.getPractitioner());
        assertThat(gp.getNameFirstRep().getFamily()).isEqualTo("Bakke");
        Organization dept = (Organization) MessageBundlesResolve.resolve(bundle, sr.getPerformerFirstRep());
        assertThat(dept.getName()).isEqualTo("Lungemedisinsk avdeling");
        assertThat(dept.getIdentifierFirstRep().getValue()).isEqualTo("8100002");

        assertThat(all(bundle, Condition.class)).extracting(c -> c.getCode().getCodingFirstRep().getSystem()
                + "|" + c.getCode().getCodingFirstRep().getCode())
                .containsExactly(Systems.ICD10 + "|J45", Systems.ICPC2 + "|R96");
        var medications = all(bundle, MedicationStatement.class);
        assertThat(medications).hasSize(2);
        assertThat(medications.get(0).getMedicationCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("C09AA05");
        assertThat(medications.get(0).getDosageFirstRep().getText()).isEqualTo("1 tablett morgen");
        assertThat(medications.get(1).getMedicationCodeableConcept().getText()).startsWith("Paracet 500 mg");
        assertThat(one(bundle, Observation.class).getValueStringType().getValue()).contains("Hb < 10 g/dL");
        assertThat(one(bundle, Flag.class).getCode().getText()).isEqualTo("Smitte: MRSA-bærer & isolat");
        DocumentReference attachment = one(bundle, DocumentReference.class);
        assertThat(new String(attachment.getContentFirstRep().getAttachment().getData(), StandardCharsets.US_ASCII))
                .startsWith("%PDF-1.4");
        assertThat(read.bundle().getEntryFirstRep().getResource()).isInstanceOf(org.hl7.fhir.r4.model.MessageHeader.class);
    }

    @Test
    void writesTheSameContentBackWithoutLoss() {
        ReadResult read = mappers.read(xml);
        WriteResult written = mappers.write(read.bundle(), KithStandard.HENVISNING_1_1, false);
        assertThat(written.losses().isEmpty()).as(written.losses().toText()).isTrue();
        String out = text(written.xml());
        assertThat(out).startsWith("<?xml").contains("<Message xmlns=\"http://www.kith.no/xmlstds/henvisning/2012-02-15\"")
                .contains("<OffId>12037849861</OffId>", "<Name>Storsteinnes, Åse</Name>",
                        "<Priority V=\"3\" DN=\"Haster (elektiv)\"/>", "<Concept V=\"J45\"",
                        "<DrugId V=\"C09AA05\"", "<UnitDose V=\"5\" U=\"mg\"/>", "<Dept>", "<HCPerson>",
                        "<Base64Container", "Smitte: MRSA-bærer &amp; isolat", "<PatRelHCP>", "ParorendeForesatt",
                        "<ComMethod V=\"EDI\" DN=\"EDI\"/>", "<ReqDate V=\"2025-03-01\"/>");
        // a second round trip gives the same document
        WriteResult again = mappers.write(mappers.read(written.xml()).bundle(), KithStandard.HENVISNING_1_1, false);
        assertThat(text(again.xml())).isEqualTo(out);
    }

    /** Small indirection so the test reads like the domain. */
    static final class MessageBundlesResolve {
        static org.hl7.fhir.r4.model.Resource resolve(org.hl7.fhir.r4.model.Bundle b, org.hl7.fhir.r4.model.Reference r) {
            return no.samnav.mappers.core.MessageBundles.resolve(b, r);
        }
    }
}
