package no.samnav.mappers.pregnancy;

import static no.samnav.mappers.pregnancy.PregnancyFixtures.EPISODE;
import static no.samnav.mappers.pregnancy.PregnancyFixtures.PATIENT;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import no.samnav.mappers.fhir.Systems;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;

class AntenatalCheckRoundTripTest {

    private static final FhirContext FHIR = FhirContext.forR4();

    @Test
    void everyFieldSurvivesWriteJsonAndRead() {
        for (AntenatalCheck check : List.of(PregnancyFixtures.fullCheck(), PregnancyFixtures.sparseCheck())) {
            CheckResources written = AntenatalCheckWriter.write(check, PATIENT, EPISODE);
            Encounter e = viaJson(written.encounter());
            List<Observation> observations = new ArrayList<>();
            for (Observation o : written.observations()) observations.add(viaJson(o));
            Collections.reverse(observations); // the store returns them in any order
            assertThat(AntenatalCheckReader.read(e, observations)).isEqualTo(check);
        }
    }

    @Test
    void everyGestationalDaySurvivesTheWeeksDecimal() {
        for (int day = 0; day <= 44 * 7; day++) {
            AntenatalCheck check = PregnancyFixtures.sparseCheck();
            check = new AntenatalCheck(check.id(), check.date(), GestationalAge.ofDays(day), check.office(),
                    check.seenBy(), null, null, null, null, null, null, null, null, null, null, null);
            CheckResources r = AntenatalCheckWriter.write(check, PATIENT, EPISODE);
            assertThat(AntenatalCheckReader.read(viaJson(r.encounter()), r.observations().stream().map(this::viaJson).toList())
                    .gestationalAge()).isEqualTo(GestationalAge.ofDays(day));
        }
    }

    @Test
    void theEncounterIsAPrenatalVisitInTheEpisodeByTheMidwife() {
        Encounter e = AntenatalCheckWriter.write(PregnancyFixtures.fullCheck(), PATIENT, EPISODE).encounter();
        assertThat(e.getIdElement().getIdPart()).isEqualTo(PregnancyFixtures.fullCheck().id());
        assertThat(e.getClass_().getCode()).isEqualTo("AMB");
        assertThat(e.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("424619006");
        assertThat(e.getTypeFirstRep().getText()).isEqualTo("Svangerskapskontroll");
        assertThat(e.getSubject().getIdentifier().getSystem()).isEqualTo(Systems.FNR);
        assertThat(e.getSubject().getIdentifier().getValue()).isEqualTo("12059248241");
        assertThat(e.getEpisodeOfCareFirstRep().getReference()).isEqualTo("EpisodeOfCare/" + EPISODE);
        assertThat(e.getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-03-04");
        assertThat(e.getServiceProvider().getDisplay()).isEqualTo("Storsteinnes helsestasjon");
        assertThat(e.getServiceProvider().getExtensionString(PregnancyCodes.OFFICE_KEY)).isEqualTo("storsteinnes-helsestasjon");
        assertThat(e.getParticipantFirstRep().getIndividual().getIdentifier().getSystem()).isEqualTo(Systems.HPR);
        assertThat(e.getParticipantFirstRep().getIndividual().getIdentifier().getValue()).isEqualTo("9144889");
    }

    @Test
    void oneObservationPerMeasurementAndBloodPressureAsTwoComponents() {
        AntenatalCheck check = PregnancyFixtures.fullCheck();
        List<Observation> obs = AntenatalCheckWriter.write(check, PATIENT, EPISODE).observations();
        // gestational age, BP, weight, Hb, protein, glucose, fundal height, FHR, presentation, oedema, note
        assertThat(obs).hasSize(11);
        Observation bp = find(obs, "85354-9");
        assertThat(bp.getComponent()).extracting(c -> c.getCode().getCodingFirstRep().getCode())
                .containsExactly("8480-6", "8462-4");
        assertThat(((Quantity) bp.getComponent().get(0).getValue()).getCode()).isEqualTo("mm[Hg]");
        assertThat(bp.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("vital-signs");
        assertThat(find(obs, "718-7").getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("laboratory");
        assertThat(find(obs, "48767-8").getValueStringType().getValue()).startsWith("Kjenner liv.");
        for (Observation o : obs) {
            assertThat(o.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
            assertThat(o.getEncounter().getReference()).isEqualTo("Encounter/" + check.id());
            assertThat(o.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-03-04");
            assertThat(o.getSubject().getIdentifier().getValue()).isEqualTo("12059248241");
        }
        assertThat(AntenatalCheckWriter.write(PregnancyFixtures.sparseCheck(), PATIENT, EPISODE).observations())
                .extracting(o -> o.getCode().getCodingFirstRep().getCode()).containsExactly("49051-6", "29463-7", "718-7");
    }

    @Test
    void writingTwiceGivesTheSameIdsAndANewCheckGetsAFreshOne() {
        AntenatalCheck check = PregnancyFixtures.fullCheck();
        List<String> first = ids(AntenatalCheckWriter.write(check, PATIENT, EPISODE));
        assertThat(ids(AntenatalCheckWriter.write(check, PATIENT, EPISODE))).isEqualTo(first);
        assertThat(first).doesNotHaveDuplicates();
        assertThat(ids(AntenatalCheckWriter.write(check.withId("other"), PATIENT, EPISODE))).doesNotContainAnyElementsOf(first);
        assertThat(first.get(1)).isEqualTo(AntenatalCheckWriter.observationId(check.id(), PregnancyObservation.GESTATIONAL_AGE));

        CheckResources fresh = AntenatalCheckWriter.write(check.withId(null), PATIENT, EPISODE);
        String newId = fresh.encounter().getIdElement().getIdPart();
        assertThat(newId).matches("[0-9a-f-]{36}");
        assertThat(AntenatalCheckReader.read(fresh.encounter(), fresh.observations())).isEqualTo(check.withId(newId));
    }

    @Test
    void observationsOfAnotherEncounterAreIgnored() {
        CheckResources a = AntenatalCheckWriter.write(PregnancyFixtures.sparseCheck(), PATIENT, EPISODE);
        CheckResources b = AntenatalCheckWriter.write(PregnancyFixtures.fullCheck(), PATIENT, EPISODE);
        List<Observation> all = new ArrayList<>(a.observations());
        all.addAll(b.observations());
        assertThat(AntenatalCheckReader.read(a.encounter(), all)).isEqualTo(PregnancyFixtures.sparseCheck());
    }

    private static List<String> ids(CheckResources r) {
        List<String> ids = new ArrayList<>();
        ids.add(r.encounter().getIdElement().getIdPart());
        r.observations().forEach(o -> ids.add(o.getIdElement().getIdPart()));
        return ids;
    }

    private static Observation find(List<Observation> obs, String code) {
        return obs.stream().filter(o -> o.getCode().getCodingFirstRep().getCode().equals(code)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private <T extends org.hl7.fhir.r4.model.Resource> T viaJson(T resource) {
        String json = FHIR.newJsonParser().encodeResourceToString(resource);
        return (T) FHIR.newJsonParser().parseResource(resource.getClass(), json);
    }
}
