package no.samnav.mappers.pregnancy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.samnav.mappers.fhir.Systems;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Writes an {@link AntenatalCheck} as an Encounter and its Observations. Pure and thread-safe.
 * The Encounter's id is the check's id; each Observation's id is a name-based UUID of the check id
 * and the Observation's code, so writing the same check again gives the same ids (an update, not
 * a copy) and a measurement removed from the check is the one id the caller deletes.
 */
public final class AntenatalCheckWriter {

    private AntenatalCheckWriter() {
    }

    /**
     * The resources of one check.
     *
     * @param check     the check; a check without id gets a new random UUID (the returned Encounter's id)
     * @param patient   the pregnant woman, referenced by identifier
     * @param episodeId the id of the pregnancy's EpisodeOfCare
     */
    public static CheckResources write(AntenatalCheck check, PatientRef patient, String episodeId) {
        String id = check.id() != null ? check.id() : UUID.randomUUID().toString();
        Encounter e = new Encounter();
        e.setId(id);
        e.setStatus(Encounter.EncounterStatus.FINISHED);
        e.setClass_(new Coding(PregnancyCodes.ACT_CODE, "AMB", "ambulatory"));
        e.addType(new CodeableConcept(new Coding(PregnancyCodes.SNOMED, PregnancyCodes.PRENATAL_VISIT,
                PregnancyCodes.PRENATAL_VISIT_DISPLAY)).setText(PregnancyCodes.PRENATAL_VISIT_TEXT));
        e.setSubject(patient.reference());
        e.addEpisodeOfCare(Fhir.episodeReference(episodeId));
        if (check.date() != null) {
            e.setPeriod(new Period().setStartElement(Fhir.date(check.date())).setEndElement(Fhir.date(check.date())));
        }
        if (check.office() != null) {
            Reference office = new Reference().setType("Organization").setDisplay(check.office().display());
            office.addExtension(PregnancyCodes.OFFICE_KEY, new StringType(check.office().key()));
            e.setServiceProvider(office);
        }
        SeenBy seenBy = check.seenBy();
        if (seenBy != null) {
            Encounter.EncounterParticipantComponent p = e.addParticipant();
            p.addType(new CodeableConcept(new Coding(PregnancyCodes.PARTICIPATION_TYPE, "PPRF", "primary performer")));
            if (seenBy.clinician() != null) p.addType(seenBy.clinician().concept());
            p.setIndividual(practitioner(seenBy));
        }

        String encounterRef = "Encounter/" + id;
        List<Observation> observations = new ArrayList<>();
        Writer w = new Writer(check, id, patient, encounterRef, seenBy, observations);
        if (check.gestationalAge() != null) {
            // weeks as a decimal because 49051-6 is in weeks; two decimals keep the day exact (n/7)
            BigDecimal weeks = BigDecimal.valueOf(check.gestationalAge().totalDays())
                    .divide(BigDecimal.valueOf(7), 2, java.math.RoundingMode.HALF_UP);
            w.add(PregnancyObservation.GESTATIONAL_AGE, Fhir.quantity(weeks, PregnancyObservation.GESTATIONAL_AGE));
        }
        if (check.systolic() != null || check.diastolic() != null) {
            Observation bp = w.add(PregnancyObservation.BLOOD_PRESSURE, null);
            component(bp, PregnancyObservation.SYSTOLIC, check.systolic());
            component(bp, PregnancyObservation.DIASTOLIC, check.diastolic());
        }
        if (check.weightKg() != null) {
            w.add(PregnancyObservation.BODY_WEIGHT, Fhir.quantity(check.weightKg(), PregnancyObservation.BODY_WEIGHT));
        }
        if (check.haemoglobin() != null) {
            w.add(PregnancyObservation.HAEMOGLOBIN, Fhir.quantity(check.haemoglobin(), PregnancyObservation.HAEMOGLOBIN));
        }
        if (check.urineProtein() != null) w.add(PregnancyObservation.URINE_PROTEIN, check.urineProtein().concept());
        if (check.urineGlucose() != null) w.add(PregnancyObservation.URINE_GLUCOSE, check.urineGlucose().concept());
        if (check.fundalHeightCm() != null) {
            w.add(PregnancyObservation.FUNDAL_HEIGHT, Fhir.quantity(check.fundalHeightCm(), PregnancyObservation.FUNDAL_HEIGHT));
        }
        if (check.fetalHeartRate() != null) {
            w.add(PregnancyObservation.FETAL_HEART_RATE,
                    Fhir.quantity(check.fetalHeartRate(), PregnancyObservation.FETAL_HEART_RATE));
        }
        if (check.presentation() != null) w.add(PregnancyObservation.FETAL_PRESENTATION, check.presentation().concept());
        if (check.oedema() != null) w.add(PregnancyObservation.OEDEMA, check.oedema().concept());
        if (check.note() != null && !check.note().isEmpty()) {
            w.add(PregnancyObservation.NOTE, new StringType(check.note()));
        }
        return new CheckResources(e, observations);
    }

    /** The id the Observation of this kind gets for a check id. */
    public static String observationId(String checkId, PregnancyObservation what) {
        return Fhir.uuid("antenatal-check/" + checkId + "/" + what.system() + "|" + what.code());
    }

    static Reference practitioner(SeenBy seenBy) {
        Reference r = new Reference().setType("Practitioner").setDisplay(seenBy.name());
        if (seenBy.hpr() != null) r.setIdentifier(new Identifier().setSystem(Systems.HPR).setValue(seenBy.hpr()));
        return r;
    }

    private static void component(Observation bp, PregnancyObservation what, Integer value) {
        if (value == null) return;
        bp.addComponent().setCode(what.concept()).setValue(Fhir.quantity(value, what));
    }

    /** Adds Observations that share the check's date, encounter, patient and performer. */
    private record Writer(AntenatalCheck check, String checkId, PatientRef patient, String encounterRef,
            SeenBy seenBy, List<Observation> out) {

        Observation add(PregnancyObservation what, Type value) {
            Observation o = Fhir.observation(observationId(checkId, what), what, patient);
            o.setEncounter(new Reference(encounterRef));
            if (check.date() != null) o.setEffective(Fhir.date(check.date()));
            if (seenBy != null) o.addPerformer(practitioner(seenBy));
            if (value != null) o.setValue(value);
            out.add(o);
            return o;
        }
    }
}
