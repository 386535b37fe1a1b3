package no.samnav.mappers.pregnancy;

import no.samnav.mappers.fhir.Extensions;

/**
 * Code systems and extension URLs of the pregnancy record. The choices (and the codes we were not
 * sure of) are explained in docs/mapping/pregnancy.md.
 */
public final class PregnancyCodes {

    private PregnancyCodes() {
    }

    public static final String LOINC = "http://loinc.org";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String UCUM = "http://unitsofmeasure.org";
    /** FHIR R4 observation categories (vital-signs, laboratory, exam, social-history). */
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    /** FHIR R4 condition categories (problem-list-item). */
    public static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    public static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    public static final String ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

    /**
     * The standard R4 extension for "this resource belongs to that EpisodeOfCare" on resources whose
     * own element only references an Encounter (Observation, Condition, AllergyIntolerance).
     */
    public static final String EPISODE_OF_CARE = "http://hl7.org/fhir/StructureDefinition/workflow-episodeOfCare";

    /**
     * On AllergyIntolerance, which the standard extension above may not be used on in R4: the
     * pregnancy's EpisodeOfCare (valueReference), so the card finds the allergies noted for it.
     */
    public static final String ALLERGY_EPISODE_OF_CARE = Extensions.BASE + "pregnancy-episode-of-care";

    /**
     * Project code system telling apart the three kinds of free-text background kept as Condition
     * (codes {@code risk-factor}, {@code history}, {@code obstetric-history}).
     */
    public static final String BACKGROUND_KIND = "http://samnav.no/fhir/CodeSystem/pregnancy-background";

    /** SNOMED CT 424619006 Prenatal visit: Encounter.type of every antenatal check. */
    public static final String PRENATAL_VISIT = "424619006";
    public static final String PRENATAL_VISIT_DISPLAY = "Prenatal visit";
    /** The Norwegian name of the visit, Encounter.type.text. */
    public static final String PRENATAL_VISIT_TEXT = "Svangerskapskontroll";

    /**
     * On Encounter.serviceProvider (a Reference): the caller's key of the office where the check
     * was done (valueString); the Reference's display carries its name.
     */
    /** On the pregnancy's EpisodeOfCare: the municipality that employs the midwife (valueString). */
    public static final String EMPLOYING_MUNICIPALITY = Extensions.BASE + "employing-municipality";

    public static final String OFFICE_KEY = Extensions.BASE + "pregnancy-office-key";
}
