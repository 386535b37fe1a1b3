package no.samnav.mappers.pregnancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PregnancyGestationalAgeTest {

    private static final LocalDate TERM = LocalDate.of(2026, 6, 20);

    @Test
    void parseAndPrintTheMidwifeNotation() {
        assertThat(GestationalAge.parse("24+3")).isEqualTo(new GestationalAge(24, 3));
        assertThat(GestationalAge.parse(" 7 + 0 ")).isEqualTo(new GestationalAge(7, 0));
        assertThat(GestationalAge.parse("38")).isEqualTo(new GestationalAge(38, 0));
        assertThat(new GestationalAge(24, 3)).hasToString("24+3");
        assertThat(GestationalAge.parse("40+6").totalDays()).isEqualTo(286);
        for (String bad : new String[] {"24+7", "uke 24", "", "24+", "-1+2", "24+3+1"}) {
            assertThatThrownBy(() -> GestationalAge.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> GestationalAge.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTermDateIsFortyWeeksAndDayZeroIs280DaysBefore() {
        assertThat(GestationalAge.fromTermDate(TERM, TERM)).isEqualTo(new GestationalAge(40, 0));
        assertThat(GestationalAge.fromTermDate(TERM, TERM.minusDays(280))).isEqualTo(new GestationalAge(0, 0));
        assertThat(GestationalAge.fromTermDate(TERM, TERM.minusDays(1))).isEqualTo(new GestationalAge(39, 6));
        assertThat(GestationalAge.fromTermDate(TERM, TERM.plusDays(10))).isEqualTo(new GestationalAge(41, 3));
        // 4 March 2026 with term 20 June 2026: 108 days before term, 172 days = 24+4
        assertThat(GestationalAge.fromTermDate(TERM, LocalDate.of(2026, 3, 4))).hasToString("24+4");
        assertThatThrownBy(() -> GestationalAge.fromTermDate(TERM, TERM.minusDays(281)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acrossALeapDayAndBackToTheTermDate() {
        LocalDate term = LocalDate.of(2028, 3, 10); // 29 February 2028 lies inside the pregnancy
        LocalDate date = LocalDate.of(2028, 2, 28);
        GestationalAge ga = GestationalAge.fromTermDate(term, date);
        // 11 days before term counting 29 February, so 269 days: 38+3 (38+2 if the leap day were missed)
        assertThat(ga).isEqualTo(new GestationalAge(38, 3));
        assertThat(ga.termDate(date)).isEqualTo(term);
        assertThat(new GestationalAge(12, 3).compareTo(new GestationalAge(12, 4))).isNegative();
    }
}
