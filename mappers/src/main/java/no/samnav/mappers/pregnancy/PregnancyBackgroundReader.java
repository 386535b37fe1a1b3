package no.samnav.mappers.pregnancy;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;

/**
 * Reads a {@link PregnancyBackground} back from the resources {@link PregnancyBackgroundWriter}
 * wrote, the exact inverse. List entries come back in the order of the given lists (the caller
 * keeps the order it stored them in). Pure and thread-safe.
 */
public final class PregnancyBackgroundReader {

    private PregnancyBackgroundReader() {
    }

    public static PregnancyBackground read(BackgroundResources resources) {
        java.time.LocalDate termDate = null;
        Integer gravida = null;
        Integer para = null;
        for (Observation o : resources.observations()) {
            PregnancyObservation what = PregnancyObservation.of(o.getCode()).orElse(null);
            if (what == PregnancyObservation.ESTIMATED_DELIVERY_DATE && o.getValue() instanceof DateTimeType d) {
                termDate = Fhir.localDate(d);
            } else if (what == PregnancyObservation.GRAVIDA && o.getValue() instanceof IntegerType i) {
                gravida = i.getValue();
            } else if (what == PregnancyObservation.PARITY && o.getValue() instanceof IntegerType i) {
                para = i.getValue();
            }
        }
        List<String> medications = new ArrayList<>();
        for (MedicationStatement m : resources.medications()) {
            if (m.getMedication() instanceof CodeableConcept cc) medications.add(cc.getText());
        }
        List<String> allergies = new ArrayList<>();
        for (AllergyIntolerance a : resources.allergies()) allergies.add(a.getCode().getText());
        String previous = null;
        String history = null;
        List<String> risks = new ArrayList<>();
        for (Condition c : resources.conditions()) {
            String text = c.getCode().getText();
            String kind = kind(c);
            if (PregnancyBackgroundWriter.OBSTETRIC_HISTORY.equals(kind)) previous = text;
            else if (PregnancyBackgroundWriter.HISTORY.equals(kind)) history = text;
            else if (PregnancyBackgroundWriter.RISK_FACTOR.equals(kind)) risks.add(text);
        }
        return new PregnancyBackground(termDate, gravida, para, previous, history, medications, allergies, risks);
    }

    private static String kind(Condition c) {
        for (CodeableConcept category : c.getCategory()) {
            for (Coding coding : category.getCoding()) {
                if (PregnancyCodes.BACKGROUND_KIND.equals(coding.getSystem())) return coding.getCode();
            }
        }
        return null;
    }
}
