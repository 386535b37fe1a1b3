package no.samnav.mappers.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Local Norwegian times without offset around the daylight-saving changes: a time in the
 * spring-forward gap does not exist in Europe/Oslo but occurs in messages; it must come back as
 * written instead of an hour later.
 */
class KithDatesDaylightSavingTest {

    @Test
    void aTimeInTheSpringForwardGapRoundTripsAsWritten() {
        var instant = KithDates.instant("2024-03-31T02:02:00", null);
        assertThat(KithDates.toKithDateTime(instant)).isEqualTo("2024-03-31T02:02:00");
        var dateTime = KithDates.dateTime("2025-03-30T02:37:10", null);
        assertThat(KithDates.toKithDateTime(dateTime)).isEqualTo("2025-03-30T02:37:10");
    }

    @Test
    void ordinaryWinterAndSummerTimesKeepTheirOsloOffset() {
        assertThat(KithDates.dateTime("2024-01-15T10:00:00", null).getValueAsString()).isEqualTo("2024-01-15T10:00:00+01:00");
        assertThat(KithDates.dateTime("2024-06-15T10:00:00", null).getValueAsString()).isEqualTo("2024-06-15T10:00:00+02:00");
        assertThat(KithDates.toKithDateTime(KithDates.dateTime("2024-06-15T10:00:00", null))).isEqualTo("2024-06-15T10:00:00");
        // An instant given in UTC is written in Oslo time.
        assertThat(KithDates.toKithDateTime(new org.hl7.fhir.r4.model.DateTimeType("2024-06-15T08:00:00Z"))).isEqualTo("2024-06-15T10:00:00");
    }

    @Test
    void theRepeatedHourInAutumnRoundTrips() {
        assertThat(KithDates.toKithDateTime(KithDates.dateTime("2024-10-27T02:30:00", null))).isEqualTo("2024-10-27T02:30:00");
    }
}
