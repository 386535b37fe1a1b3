package no.samnav.mappers.pregnancy;

import static no.samnav.mappers.pregnancy.PregnancyFixtures.EPISODE;
import static no.samnav.mappers.pregnancy.PregnancyFixtures.PATIENT;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class PregnancyBackgroundRoundTripTest {

    private static final FhirContext FHIR = FhirContext.forR4();

    @Test
    void everyFieldSurvivesWriteJsonAndRead() {
        PregnancyBackground background = PregnancyFixtures.background();
        BackgroundResources r = PregnancyBackgroundWriter.write(background, PATIENT, EPISODE);
        BackgroundResources back = new BackgroundResources(json(r.observations()), json(r.medications()),
                json(r.allergies()), json(r.conditions()));
        assertThat(PregnancyBackgroundReader.read(back)).isEqualTo(background);
    }

    @Test
    void anEmptyBackgroundWritesNothingAndReadsBackEmpty() {
        PregnancyBackground empty = new PregnancyBackground(null, null, null, null, null, null, null, null);
        BackgroundResources r = PregnancyBackgroundWriter.write(empty, PATIENT, EPISODE);
        assertThat(r.observations()).isEmpty();
        assertThat(r.conditions()).isEmpty();
        assertThat(PregnancyBackgroundReader.read(r)).isEqualTo(empty);
    }

    @Test
    void resourcesBelongToTheWomanAndTheEpisodeWithStableIds() {
        BackgroundResources r = PregnancyBackgroundWriter.write(PregnancyFixtures.background(), PATIENT, EPISODE);
        assertThat(r.observations()).extracting(o -> o.getCode().getCodingFirstRep().getCode())
                .containsExactly("11778-8", "11996-6", "11977-6");
        assertThat(r.observations().get(0).getValueDateTimeType().getValueAsString()).isEqualTo("2026-06-20");
        assertThat(r.medications().get(0).getContext().getReference()).isEqualTo("EpisodeOfCare/" + EPISODE);
        assertThat(r.allergies().get(0).getPatient().getIdentifier().getValue()).isEqualTo("12059248241");
        Condition risk = r.conditions().get(2);
        assertThat(risk.getCode().getText()).isEqualTo("Hypotyreose");
        assertThat(risk.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("problem-list-item");
        assertThat(((org.hl7.fhir.r4.model.Reference) risk.getExtensionByUrl(PregnancyCodes.EPISODE_OF_CARE).getValue())
                .getReference()).isEqualTo("EpisodeOfCare/" + EPISODE);
        BackgroundResources again = PregnancyBackgroundWriter.write(PregnancyFixtures.background(), PATIENT, EPISODE);
        assertThat(again.conditions().get(2).getIdElement().getIdPart()).isEqualTo(risk.getIdElement().getIdPart());
        assertThat(again.medications().get(1).getIdElement().getIdPart())
                .isNotEqualTo(again.medications().get(0).getIdElement().getIdPart());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Resource> List<T> json(List<T> resources) {
        return resources.stream().map(res -> (T) FHIR.newJsonParser().parseResource(res.getClass(),
                FHIR.newJsonParser().encodeResourceToString(res))).toList();
    }
}
