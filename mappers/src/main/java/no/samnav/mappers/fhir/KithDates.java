package no.samnav.mappers.fhir;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import no.samnav.mappers.error.InvalidValueException;
import no.samnav.mappers.xml.XmlElement;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.InstantType;

/**
 * Dates between KITH and FHIR. KITH messages carry local Norwegian time without an offset
 * ({@code 2018-01-24T10:23:32}); FHIR requires an offset on every time. Readers interpret offset-less
 * times as Europe/Oslo, writers convert back to Oslo local time without offset, so a round trip
 * gives the original text and the instant is never shifted.
 */
public final class KithDates {

    private KithDates() {
    }

    public static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

    private static final DateTimeFormatter LOCAL_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** A KITH {@code dateTime} or {@code TS} value (dateTime, date, gYearMonth or gYear) as FHIR dateTime. */
    public static DateTimeType dateTime(String kith, XmlElement where) {
        if (kith == null) return null;
        String v = kith.trim();
        try {
            if (v.length() == 4 || v.length() == 7 || v.length() == 10) {
                return new DateTimeType(v);
            }
            return new DateTimeType(withOffset(v));
        } catch (RuntimeException e) {
            throw invalid(where, v, "a date or date-time (yyyy-MM-dd'T'HH:mm:ss)", e);
        }
    }

    /** A KITH {@code dateTime} as a FHIR instant (for Bundle.timestamp). */
    public static InstantType instant(String kith, XmlElement where) {
        if (kith == null) return null;
        String v = kith.trim();
        try {
            return new InstantType(withOffset(v));
        } catch (RuntimeException e) {
            throw invalid(where, v, "a date-time (yyyy-MM-dd'T'HH:mm:ss)", e);
        }
    }

    /** A KITH {@code date} as a FHIR date. */
    public static DateType date(String kith, XmlElement where) {
        if (kith == null) return null;
        String v = kith.trim();
        try {
            LocalDate.parse(v);
            return new DateType(v);
        } catch (RuntimeException e) {
            throw invalid(where, v, "a date (yyyy-MM-dd)", e);
        }
    }

    private static String withOffset(String v) {
        // decided by looking, not by a failed parse: KITH times mostly come without an offset, and an
        // exception per message cost more than the rest of the date handling (profile of the gateway)
        if (hasOffset(v)) {
            // not toString(): that drops zero seconds ("10:00+01:00"), which FHIR does not accept
            return OffsetDateTime.parse(v).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } else {
            LocalDateTime local = LocalDateTime.parse(v);
            var rules = NORWAY.getRules();
            if (rules.getValidOffsets(local).isEmpty()) {
                // A wall-clock time in the spring-forward gap (e.g. 02:30 on the last Sunday of March)
                // does not exist; atZone would move it an hour on. Keep the written time with the
                // winter offset so the writer can give back the same text (see toLocal).
                return local.atOffset(rules.getTransition(local).getOffsetBefore())
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            }
            return local.atZone(NORWAY).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
    }

    /** Whether a date-time text ends in an offset: {@code Z}, or a sign after the date part. */
    static boolean hasOffset(String v) {
        int time = v.indexOf('T');
        if (time < 0) return false;
        return v.endsWith("Z") || v.indexOf('+', time) > 0 || v.indexOf('-', time) > 0;
    }

    private static InvalidValueException invalid(XmlElement where, String value, String expected, Exception e) {
        String element = where == null ? "value" : where.name();
        return new InvalidValueException(no.samnav.mappers.kodeverk.AppRecErrorCode.T02,
                where == null ? no.samnav.mappers.error.Location.UNKNOWN : where.location(),
                // the value itself stays out: a birth date is patient data
                element + " is " + (value.isEmpty() ? "empty" : "not " + expected) + "; expected " + expected, e);
    }

    /** A FHIR date/time as a KITH TS value, keeping its precision (year, month, day or time). */
    public static String toKith(BaseDateTimeType value) {
        if (value == null || value.isEmpty()) return null;
        return switch (value.getPrecision()) {
            case YEAR -> value.getValueAsString().substring(0, 4);
            case MONTH -> value.getValueAsString().substring(0, 7);
            case DAY -> value.getValueAsString().substring(0, 10);
            default -> toLocal(value);
        };
    }

    /** A FHIR date/time as a KITH {@code dateTime}: always with time of day, in Oslo local time. */
    public static String toKithDateTime(BaseDateTimeType value) {
        if (value == null || value.isEmpty()) return null;
        return switch (value.getPrecision()) {
            case YEAR -> toKith(value) + "-01-01T00:00:00";
            case MONTH -> toKith(value) + "-01T00:00:00";
            case DAY -> toKith(value) + "T00:00:00";
            default -> toLocal(value);
        };
    }

    /** A FHIR date/time as a KITH {@code date} (yyyy-MM-dd, Oslo calendar day). */
    public static String toKithDate(BaseDateTimeType value) {
        if (value == null || value.isEmpty()) return null;
        return switch (value.getPrecision()) {
            case YEAR, MONTH -> null;
            case DAY -> value.getValueAsString().substring(0, 10);
            default -> toLocal(value).substring(0, 10);
        };
    }

    private static String toLocal(BaseDateTimeType value) {
        String text = value.getValueAsString();
        OffsetDateTime odt;
        try {
            odt = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            odt = value.getValue().toInstant().atZone(NORWAY).toOffsetDateTime();
        }
        LocalDateTime local = NORWAY.getRules().getValidOffsets(odt.toLocalDateTime()).isEmpty()
                && odt.getOffset().equals(NORWAY.getRules().getStandardOffset(odt.toInstant()))
                // a time in the spring-forward gap, as the reader keeps it: write it as it was received
                ? odt.toLocalDateTime()
                : odt.atZoneSameInstant(NORWAY).toLocalDateTime();
        if (local.getNano() == 0) return local.format(LOCAL_SECONDS);
        String base = local.truncatedTo(ChronoUnit.SECONDS).format(LOCAL_SECONDS);
        String fraction = String.format("%09d", local.getNano()).replaceAll("0+$", "");
        return base + "." + fraction;
    }
}
