package no.samnav.mappers.pregnancy;

import java.util.List;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;

/**
 * The background of a pregnancy as FHIR: term date, gravida and para as Observations, medication
 * as MedicationStatements, allergies as AllergyIntolerances, and risk factors, history and earlier
 * pregnancies as Conditions. Each list is in the order of the record.
 */
public record BackgroundResources(List<Observation> observations, List<MedicationStatement> medications,
        List<AllergyIntolerance> allergies, List<Condition> conditions) {

    public BackgroundResources {
        observations = List.copyOf(observations);
        medications = List.copyOf(medications);
        allergies = List.copyOf(allergies);
        conditions = List.copyOf(conditions);
    }
}
