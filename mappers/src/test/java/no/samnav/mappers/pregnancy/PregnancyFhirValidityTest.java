package no.samnav.mappers.pregnancy;

import static no.samnav.mappers.pregnancy.PregnancyFixtures.EPISODE;
import static no.samnav.mappers.pregnancy.PregnancyFixtures.PATIENT;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import no.samnav.mappers.validation.FhirValidation;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/** Every resource the pregnancy writers make has no FHIR R4 errors (HAPI's instance validator). */
class PregnancyFhirValidityTest {

    @Test
    void everyWrittenResourceIsValidR4() {
        FhirValidation validation = new FhirValidation(FhirContext.forR4());
        List<Resource> resources = new ArrayList<>();
        for (AntenatalCheck check : List.of(PregnancyFixtures.fullCheck(), PregnancyFixtures.sparseCheck())) {
            CheckResources r = AntenatalCheckWriter.write(check, PATIENT, EPISODE);
            resources.add(r.encounter());
            resources.addAll(r.observations());
        }
        BackgroundResources b = PregnancyBackgroundWriter.write(PregnancyFixtures.background(), PATIENT, EPISODE);
        resources.addAll(b.observations());
        resources.addAll(b.medications());
        resources.addAll(b.allergies());
        resources.addAll(b.conditions());
        assertThat(resources).hasSize(2 + 11 + 3 + 3 + 2 + 1 + 4);
        List<String> errors = new ArrayList<>();
        for (Resource r : resources) {
            for (String e : validation.errors(r)) errors.add(r.fhirType() + "/" + r.getIdElement().getIdPart() + " " + e);
        }
        assertThat(errors).isEmpty();
    }
}
