package no.samnav.mappers.henvisning;

import static no.samnav.mappers.henvisning.HenvisningFixtures.all;
import static no.samnav.mappers.henvisning.HenvisningFixtures.load;
import static no.samnav.mappers.henvisning.HenvisningFixtures.one;
import static no.samnav.mappers.henvisning.HenvisningFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import no.samnav.mappers.KithStandard;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.WriteResult;
import no.samnav.mappers.core.MessageBundles;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.Systems;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

/** Henvisning 2.0 inside a MsgHead read into FHIR and written back, on a synthetic fixture. */
class HenvisningV2_0Test {

    private final Mappers mappers = new Mappers();
    private final byte[] xml = load("2.0/full-referral");

    @Test
    void readsTheReferralWithAssessmentMedicationAndAttachment() {
        ReadResult read = mappers.read(xml);
        assertThat(read.standard()).isEqualTo(KithStandard.HENVISNING_2_0);
        assertThat(read.wrapped()).isTrue();
        assertThat(read.unmapped()).isEmpty();
        var bundle = read.bundle();
        ServiceRequest sr = one(bundle, ServiceRequest.class);
        assertThat(sr.getIdentifierFirstRep().getValue()).isEqualTo("c0ffee00-aaaa-4bbb-8ccc-ddddeeeeffff");
        assertThat(sr.getPriority()).isEqualTo(ServiceRequest.ServiceRequestPriority.STAT);
        Patient patient = (Patient) MessageBundles.resolve(bundle, sr.getSubject());
        assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo(Systems.FNR);
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("04056112303");
        PractitionerRole requester = (PractitionerRole) MessageBundles.resolve(bundle, sr.getRequester());
        assertThat(((Organization) MessageBundles.resolve(bundle, requester.getOrganization())).getName())
                .isEqualTo("Oteren legekontor");
        assertThat(((Organization) MessageBundles.resolve(bundle, sr.getPerformerFirstRep())).getName())
                .isEqualTo("Ortopedisk avdeling");
        assertThat(one(bundle, Condition.class).getCode().getCodingFirstRep().getCode()).isEqualTo("S72.0");
        assertThat(one(bundle, MedicationStatement.class).getMedicationCodeableConcept().getCodingFirstRep().getCode())
                .isEqualTo("N02BE01");
        assertThat(one(bundle, Observation.class).getCode().getCodingFirstRep().getCode()).isEqualTo("CAVE");
        Extension vurdering = sr.getExtensionByUrl(HenvisningExtensions.VURDERING);
        assertThat(Extensions.subString(vurdering, "forlopsId")).isEqualTo("forlop-4711");
        assertThat(((BooleanType) Extensions.sub(vurdering, "rettTilHelsehjelp")).booleanValue()).isTrue();
        assertThat(vurdering.getExtensionsByUrl("datoMottakOgVurdering")).hasSize(1);
        assertThat(sr.getExtensionsByUrl(HenvisningExtensions.PAKKEFORLOP)).hasSize(1);
        assertThat(sr.getExtensionsByUrl(HenvisningExtensions.CARRIED_XML)).extracting(e -> Extensions.subString(e, "name"))
                .containsExactly("TilleggsopplysningPasient", "ParorendeForesatt");
        assertThat(all(bundle, DocumentReference.class)).singleElement()
                .satisfies(d -> assertThat(d.getDescription()).isEqualTo("Røntgenbeskrivelse"));
    }

    @Test
    void writesTheSameContentBackWithoutLoss() {
        ReadResult read = mappers.read(xml);
        WriteResult written = mappers.write(read.bundle(), KithStandard.HENVISNING_2_0, true);
        assertThat(written.losses().isEmpty()).as(written.losses().toText()).isTrue();
        String out = text(written.xml());
        assertThat(out).contains("<Type V=\"HENVISNING_NYTILSTAND\"", "<Henvisning xmlns=\"http://ehelse.no/xmlstds/henvisning/2017-11-30\"",
                "<DocumentId>c0ffee00-aaaa-4bbb-8ccc-ddddeeeeffff</DocumentId>", "<Priority V=\"0\" DN=\"Øyeblikkelig hjelp\"/>",
                "<ForlopsId>forlop-4711</ForlopsId>", "<RettTilHelsehjelp>true</RettTilHelsehjelp>",
                "<Pakkeforlopskode V=\"PL001\"", "Sigrid", "<po:TypeInnhold V=\"10\"", "JVBERi0xLjQKcm9udGdlbg==",
                "<Id>04056112303</Id>");
        WriteResult again = mappers.write(mappers.read(written.xml()).bundle(), KithStandard.HENVISNING_2_0, true);
        assertThat(text(again.xml())).isEqualTo(out);
    }
}
