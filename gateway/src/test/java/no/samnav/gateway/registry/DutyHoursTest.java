package no.samnav.gateway.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class DutyHoursTest {

    static final DutyHours LEGEVAKT = DutyHours.parse("legevakt: ", "15:30-08:00", "00:00-24:00");

    static Instant oslo(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(DutyHours.NORWAY).toInstant();
    }

    @Test
    void aWeekdayNightRunsFromTheAfternoonPastMidnightUntilMorning() {
        // 2026-12-09 is a Wednesday
        assertThat(LEGEVAKT.onDuty(oslo("2026-12-09T15:29"))).isFalse();
        assertThat(LEGEVAKT.onDuty(oslo("2026-12-09T15:30"))).isTrue();
        assertThat(LEGEVAKT.onDuty(oslo("2026-12-09T23:59"))).isTrue();
        assertThat(LEGEVAKT.onDuty(oslo("2026-12-10T07:59"))).isTrue();
        assertThat(LEGEVAKT.onDuty(oslo("2026-12-10T08:00"))).isFalse();
        assertThat(LEGEVAKT.onDuty(oslo("2026-12-10T12:00"))).isFalse();
    }

    @Test
    void weekendsAreWholeDaysAndMondayMorningIsNotCoveredBySunday() {
        assertThat(LEGEVAKT.onDuty(oslo("2026-12-12T12:00"))).isTrue(); // Saturday
        assertThat(LEGEVAKT.onDuty(oslo("2026-12-13T23:00"))).isTrue(); // Sunday
        assertThat(LEGEVAKT.onDuty(oslo("2026-12-14T07:00"))).isFalse(); // Monday: Sunday's window ended at midnight
        assertThat(LEGEVAKT.onDuty(oslo("2026-12-12T07:00"))).isTrue(); // Saturday morning, Friday's night too
    }

    @Test
    void aFridayNightReachesIntoSaturdayEvenWithoutAWeekendWindow() {
        DutyHours weekdaysOnly = DutyHours.parse("x: ", "15:30-08:00", null);
        assertThat(weekdaysOnly.onDuty(oslo("2026-12-12T07:00"))).isTrue();
        assertThat(weekdaysOnly.onDuty(oslo("2026-12-12T12:00"))).isFalse();
        assertThat(weekdaysOnly.onDuty(oslo("2026-12-14T07:00"))).isFalse(); // no Sunday window
    }

    @Test
    void norwegianLocalTimeAcrossTheSummerTimeChange() {
        DutyHours day = DutyHours.parse("x: ", "08:00-16:00", null);
        // 2026-03-30 (Monday, summer time, UTC+2): 08:30 local is 06:30 UTC
        assertThat(day.onDuty(Instant.parse("2026-03-30T06:30:00Z"))).isTrue();
        assertThat(day.onDuty(Instant.parse("2026-03-30T05:30:00Z"))).isFalse();
    }

    @Test
    void badWindowsAreRefusedWithWhatToFix() {
        assertThatThrownBy(() -> DutyHours.parse("on-duty 'legevakt': ", "kveld", null))
                .hasMessageContaining("on-duty 'legevakt': weekdays: 'kveld' is not a window HH:mm-HH:mm");
        assertThatThrownBy(() -> DutyHours.parse("x: ", "25:00-08:00", null)).hasMessageContaining("not a time of day");
        assertThatThrownBy(() -> DutyHours.parse("x: ", null, null)).hasMessageContaining("give weekdays or weekends");
    }
}
