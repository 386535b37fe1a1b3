package no.samnav.mappers.pregnancy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

/** Small FHIR helpers shared by the writers and readers of this package. */
final class Fhir {

    private Fhir() {
    }

    /**
     * A name-based (version 3) UUID: the same name always gives the same id, so writing a check or
     * a background twice updates the same resources instead of adding copies.
     */
    static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A date-precision dateTime (FHIR allows "2025-03-04" wherever a dateTime goes). */
    static DateTimeType date(LocalDate date) {
        return new DateTimeType(date.toString());
    }

    static LocalDate localDate(DateTimeType value) {
        if (value == null || value.getValueAsString() == null) return null;
        // the first ten characters are the calendar date as written, whatever the precision or offset
        return LocalDate.parse(value.getValueAsString().substring(0, 10));
    }

    static Quantity quantity(BigDecimal value, PregnancyObservation what) {
        return new Quantity().setValue(value).setUnit(what.unit()).setSystem(PregnancyCodes.UCUM).setCode(what.unit());
    }

    static Quantity quantity(int value, PregnancyObservation what) {
        return quantity(BigDecimal.valueOf(value), what);
    }

    static Integer integer(Type value) {
        if (value instanceof Quantity q && q.hasValue()) return q.getValue().intValueExact();
        return null;
    }

    static BigDecimal decimal(Type value) {
        if (value instanceof Quantity q && q.hasValue()) return q.getValue();
        return null;
    }

    /** A final Observation of this kind, with its category when it has one. */
    static Observation observation(String id, PregnancyObservation what, PatientRef patient) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(Observation.ObservationStatus.FINAL);
        if (what.category() != null) {
            o.addCategory(new CodeableConcept(new Coding(PregnancyCodes.OBSERVATION_CATEGORY, what.category(),
                    categoryDisplay(what.category()))));
        }
        o.setCode(what.concept());
        o.setSubject(patient.reference());
        return o;
    }

    static void episodeOfCare(DomainResource resource, String episodeId) {
        resource.addExtension(PregnancyCodes.EPISODE_OF_CARE, episodeReference(episodeId));
    }

    static Reference episodeReference(String episodeId) {
        return new Reference("EpisodeOfCare/" + episodeId);
    }

    private static String categoryDisplay(String code) {
        return switch (code) {
            case "vital-signs" -> "Vital Signs";
            case "laboratory" -> "Laboratory";
            case "exam" -> "Exam";
            case "social-history" -> "Social History";
            default -> null;
        };
    }
}
