package no.samnav.mappers.pregnancy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import no.samnav.mappers.fhir.Systems;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * Reads an antenatal check back from the resources {@link AntenatalCheckWriter} wrote: the exact
 * inverse of the writer. Observations of other encounters and of codes this record does not know
 * are ignored. Pure and thread-safe.
 */
public final class AntenatalCheckReader {

    private AntenatalCheckReader() {
    }

    /** The check of an Encounter, from those of the Observations that reference it. */
    public static AntenatalCheck read(Encounter encounter, List<Observation> observations) {
        String id = encounter.getIdElement().getIdPart();
        String ref = "Encounter/" + id;
        Values v = new Values();
        for (Observation o : observations) {
            if (o.hasEncounter() && !ref.equals(o.getEncounter().getReference())) continue;
            PregnancyObservation.of(o.getCode()).ifPresent(what -> v.take(what, o));
        }

        Office office = null;
        if (encounter.hasServiceProvider()) {
            Reference sp = encounter.getServiceProvider();
            Extension key = sp.getExtensionByUrl(PregnancyCodes.OFFICE_KEY);
            office = new Office(key == null ? null : ((StringType) key.getValue()).getValue(), sp.getDisplay());
        }
        SeenBy seenBy = null;
        if (encounter.hasParticipant()) {
            Encounter.EncounterParticipantComponent p = encounter.getParticipantFirstRep();
            Reference who = p.getIndividual();
            String hpr = who.hasIdentifier() && Systems.HPR.equals(who.getIdentifier().getSystem())
                    ? who.getIdentifier().getValue() : null;
            Clinician clinician = null;
            for (CodeableConcept type : p.getType()) {
                Clinician c = CodedValue.of(Clinician.class, type);
                if (c != null) clinician = c;
            }
            seenBy = new SeenBy(hpr, who.getDisplay(), clinician);
        }
        return new AntenatalCheck(id, encounter.hasPeriod() ? Fhir.localDate(encounter.getPeriod().getStartElement()) : null,
                v.gestationalAge, office, seenBy, v.systolic, v.diastolic, v.weightKg, v.haemoglobin, v.urineProtein,
                v.urineGlucose, v.fundalHeightCm, v.fetalHeartRate, v.presentation, v.oedema, v.note);
    }

    /** The measurements found so far. */
    private static final class Values {
        GestationalAge gestationalAge;
        Integer systolic;
        Integer diastolic;
        BigDecimal weightKg;
        BigDecimal haemoglobin;
        DipstickResult urineProtein;
        DipstickResult urineGlucose;
        Integer fundalHeightCm;
        Integer fetalHeartRate;
        FetalPresentation presentation;
        Oedema oedema;
        String note;

        void take(PregnancyObservation what, Observation o) {
            switch (what) {
                case GESTATIONAL_AGE -> {
                    BigDecimal weeks = Fhir.decimal(o.getValue());
                    if (weeks != null) {
                        gestationalAge = GestationalAge.ofDays(weeks.multiply(BigDecimal.valueOf(7))
                                .setScale(0, RoundingMode.HALF_UP).intValueExact());
                    }
                }
                case BLOOD_PRESSURE -> {
                    for (Observation.ObservationComponentComponent c : o.getComponent()) {
                        PregnancyObservation part = PregnancyObservation.of(c.getCode()).orElse(null);
                        if (part == PregnancyObservation.SYSTOLIC) systolic = Fhir.integer(c.getValue());
                        if (part == PregnancyObservation.DIASTOLIC) diastolic = Fhir.integer(c.getValue());
                    }
                }
                case BODY_WEIGHT -> weightKg = Fhir.decimal(o.getValue());
                case HAEMOGLOBIN -> haemoglobin = Fhir.decimal(o.getValue());
                case URINE_PROTEIN -> urineProtein = CodedValue.of(DipstickResult.class, concept(o));
                case URINE_GLUCOSE -> urineGlucose = CodedValue.of(DipstickResult.class, concept(o));
                case FUNDAL_HEIGHT -> fundalHeightCm = Fhir.integer(o.getValue());
                case FETAL_HEART_RATE -> fetalHeartRate = Fhir.integer(o.getValue());
                case FETAL_PRESENTATION -> presentation = CodedValue.of(FetalPresentation.class, concept(o));
                case OEDEMA -> oedema = CodedValue.of(Oedema.class, concept(o));
                case NOTE -> note = o.getValue() instanceof StringType s ? s.getValue() : null;
                default -> {
                    // background observations (term date, gravida, para) belong to PregnancyBackgroundReader
                }
            }
        }

        private static CodeableConcept concept(Observation o) {
            return o.getValue() instanceof CodeableConcept cc ? cc : null;
        }
    }
}
