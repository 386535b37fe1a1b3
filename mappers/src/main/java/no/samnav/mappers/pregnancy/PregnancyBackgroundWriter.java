package no.samnav.mappers.pregnancy;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;

/**
 * Writes a {@link PregnancyBackground} as FHIR resources, all with the woman as subject by
 * identifier and tied to the pregnancy's EpisodeOfCare: MedicationStatement through its own
 * {@code context}, Observation and Condition through the standard extension
 * {@value PregnancyCodes#EPISODE_OF_CARE} (their own element only references an Encounter), and
 * AllergyIntolerance, where R4 does not allow that extension, through
 * {@value PregnancyCodes#ALLERGY_EPISODE_OF_CARE}. Ids are name-based UUIDs of the episode, the
 * kind and the position in the list, so writing the same background again updates in place; when a
 * list gets shorter the caller deletes the ids past its end. Pure and thread-safe.
 */
public final class PregnancyBackgroundWriter {

    /** Background kinds kept as Condition, the codes of {@link PregnancyCodes#BACKGROUND_KIND}. */
    static final String RISK_FACTOR = "risk-factor";
    static final String HISTORY = "history";
    static final String OBSTETRIC_HISTORY = "obstetric-history";

    private PregnancyBackgroundWriter() {
    }

    public static BackgroundResources write(PregnancyBackground background, PatientRef patient, String episodeId) {
        List<Observation> observations = new ArrayList<>();
        if (background.termDate() != null) {
            observations.add(observation(episodeId, PregnancyObservation.ESTIMATED_DELIVERY_DATE, patient)
                    .setValue(Fhir.date(background.termDate())));
        }
        if (background.gravida() != null) {
            observations.add(observation(episodeId, PregnancyObservation.GRAVIDA, patient)
                    .setValue(new IntegerType(background.gravida())));
        }
        if (background.para() != null) {
            observations.add(observation(episodeId, PregnancyObservation.PARITY, patient)
                    .setValue(new IntegerType(background.para())));
        }

        List<MedicationStatement> medications = new ArrayList<>();
        for (int i = 0; i < background.medications().size(); i++) {
            MedicationStatement m = new MedicationStatement();
            m.setId(id(episodeId, "medication", i));
            m.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
            m.setMedication(new CodeableConcept().setText(background.medications().get(i)));
            m.setSubject(patient.reference());
            m.setContext(Fhir.episodeReference(episodeId));
            medications.add(m);
        }

        List<AllergyIntolerance> allergies = new ArrayList<>();
        for (int i = 0; i < background.allergies().size(); i++) {
            AllergyIntolerance a = new AllergyIntolerance();
            a.setId(id(episodeId, "allergy", i));
            a.setClinicalStatus(new CodeableConcept(new Coding(PregnancyCodes.ALLERGY_CLINICAL, "active", "Active")));
            a.setCode(new CodeableConcept().setText(background.allergies().get(i)));
            a.setPatient(patient.reference());
            a.addExtension(PregnancyCodes.ALLERGY_EPISODE_OF_CARE, Fhir.episodeReference(episodeId));
            allergies.add(a);
        }

        List<Condition> conditions = new ArrayList<>();
        if (present(background.previousPregnancies())) {
            conditions.add(condition(episodeId, OBSTETRIC_HISTORY, 0, background.previousPregnancies(), patient));
        }
        if (present(background.history())) {
            conditions.add(condition(episodeId, HISTORY, 0, background.history(), patient));
        }
        for (int i = 0; i < background.riskFactors().size(); i++) {
            conditions.add(condition(episodeId, RISK_FACTOR, i, background.riskFactors().get(i), patient));
        }
        return new BackgroundResources(observations, medications, allergies, conditions);
    }

    private static Observation observation(String episodeId, PregnancyObservation what, PatientRef patient) {
        Observation o = Fhir.observation(id(episodeId, what.code(), 0), what, patient);
        Fhir.episodeOfCare(o, episodeId);
        return o;
    }

    private static Condition condition(String episodeId, String kind, int index, String text, PatientRef patient) {
        Condition c = new Condition();
        c.setId(id(episodeId, kind, index));
        // active: it is what the card shows now; problem-list-item requires a clinical status (con-3)
        c.setClinicalStatus(new CodeableConcept(new Coding(PregnancyCodes.CONDITION_CLINICAL, "active", "Active")));
        c.addCategory(new CodeableConcept(new Coding(PregnancyCodes.CONDITION_CATEGORY, "problem-list-item",
                "Problem List Item")));
        c.addCategory(new CodeableConcept(new Coding(PregnancyCodes.BACKGROUND_KIND, kind, kindDisplay(kind))));
        c.setCode(new CodeableConcept().setText(text));
        c.setSubject(patient.reference());
        Fhir.episodeOfCare(c, episodeId);
        return c;
    }

    static String kindDisplay(String kind) {
        return switch (kind) {
            case RISK_FACTOR -> "Risikofaktor";
            case HISTORY -> "Relevant sykehistorie";
            case OBSTETRIC_HISTORY -> "Tidligere svangerskap og fødsler";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static String id(String episodeId, String kind, int index) {
        return Fhir.uuid("pregnancy-background/" + episodeId + "/" + kind + "/" + index);
    }

    private static boolean present(String s) {
        return s != null && !s.isEmpty();
    }
}
