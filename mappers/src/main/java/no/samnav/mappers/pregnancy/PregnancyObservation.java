package no.samnav.mappers.pregnancy;

import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * What is measured or noted in the pregnancy record, each with the code of its Observation.code
 * (LOINC where LOINC has a well-known code, SNOMED CT otherwise), the code's English display, the
 * Norwegian label shown on the card, the UCUM unit of a quantity and the FHIR observation category.
 */
public enum PregnancyObservation {
    /** Panel holding systolic and diastolic pressure as components, as the R4 vital-signs profile does. */
    BLOOD_PRESSURE(PregnancyCodes.LOINC, "85354-9", "Blood pressure panel with all children optional", "Blodtrykk",
            "mm[Hg]", "vital-signs"),
    SYSTOLIC(PregnancyCodes.LOINC, "8480-6", "Systolic blood pressure", "Systolisk blodtrykk", "mm[Hg]", null),
    DIASTOLIC(PregnancyCodes.LOINC, "8462-4", "Diastolic blood pressure", "Diastolisk blodtrykk", "mm[Hg]", null),
    BODY_WEIGHT(PregnancyCodes.LOINC, "29463-7", "Body weight", "Vekt", "kg", "vital-signs"),
    HAEMOGLOBIN(PregnancyCodes.LOINC, "718-7", "Hemoglobin [Mass/volume] in Blood", "Hb", "g/dL", "laboratory"),
    URINE_PROTEIN(PregnancyCodes.LOINC, "20454-5", "Protein [Presence] in Urine by Test strip", "Urin protein", null,
            "laboratory"),
    URINE_GLUCOSE(PregnancyCodes.LOINC, "25428-4", "Glucose [Presence] in Urine by Test strip", "Urin glukose", null,
            "laboratory"),
    FUNDAL_HEIGHT(PregnancyCodes.LOINC, "11881-0", "Uterus Fundal height Tape measure", "Symfyse-fundusmål", "cm",
            "exam"),
    FETAL_HEART_RATE(PregnancyCodes.LOINC, "55283-6", "Fetal Heart rate", "Fosterlyd", "/min", "exam"),
    // no LOINC code for "presentation during pregnancy" we could confirm (73761-9 is at birth, US certificate)
    FETAL_PRESENTATION(PregnancyCodes.SNOMED, "246105001", "Presentation of fetus", "Leie", null, "exam"),
    OEDEMA(PregnancyCodes.SNOMED, "267038008", "Edema", "Ødem", null, "exam"),
    GESTATIONAL_AGE(PregnancyCodes.LOINC, "49051-6", "Gestational age in weeks", "Svangerskapsuke", "wk", "exam"),
    NOTE(PregnancyCodes.LOINC, "48767-8", "Annotation comment [Interpretation] Narrative", "Merknad", null, null),
    ESTIMATED_DELIVERY_DATE(PregnancyCodes.LOINC, "11778-8", "Delivery date Estimated", "Termin", null,
            "social-history"),
    GRAVIDA(PregnancyCodes.LOINC, "11996-6", "[#] Pregnancies", "Gravida", null, "social-history"),
    PARITY(PregnancyCodes.LOINC, "11977-6", "[#] Parity", "Para", null, "social-history");

    private final String system;
    private final String code;
    private final String display;
    private final String label;
    private final String unit;
    private final String category;

    PregnancyObservation(String system, String code, String display, String label, String unit, String category) {
        this.system = system;
        this.code = code;
        this.display = display;
        this.label = label;
        this.unit = unit;
        this.category = category;
    }

    public String system() { return system; }
    public String code() { return code; }
    /** The code system's own (English) display. */
    public String display() { return display; }
    /** The Norwegian (bokmål) label of the card and the web form. */
    public String label() { return label; }
    /** UCUM unit of a quantity value, or null when the value is not a quantity. */
    public String unit() { return unit; }
    /** Code in {@link PregnancyCodes#OBSERVATION_CATEGORY}, or null (components and notes have none). */
    public String category() { return category; }

    public Coding coding() {
        return new Coding(system, code, display);
    }

    /** The Observation.code: the coding plus the Norwegian label as text. */
    public CodeableConcept concept() {
        return new CodeableConcept(coding()).setText(label);
    }

    /** The member whose system and code occur in the concept, if any. */
    public static Optional<PregnancyObservation> of(CodeableConcept concept) {
        if (concept == null) return Optional.empty();
        for (Coding c : concept.getCoding()) {
            for (PregnancyObservation o : values()) {
                if (o.system.equals(c.getSystem()) && o.code.equals(c.getCode())) return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
