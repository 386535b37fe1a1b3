package no.samnav.mappers.pregnancy;

import java.util.List;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;

/**
 * One antenatal check as FHIR: the visit and one Observation per recorded measurement (blood
 * pressure as one Observation with two components, the note as one more).
 */
public record CheckResources(Encounter encounter, List<Observation> observations) {

    public CheckResources {
        observations = List.copyOf(observations);
    }
}
