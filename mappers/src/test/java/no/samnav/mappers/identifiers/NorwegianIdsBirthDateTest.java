package no.samnav.mappers.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NorwegianIdsBirthDateTest {

    @Test
    void aFodselsnummerCarriesItsBirthDateWithTheCenturyFromTheIndividualNumber() {
        // synthetic numbers: the check digits are computed, the people do not exist
        assertThat(NorwegianIds.birthDate("12059248241")).contains(LocalDate.of(1992, 5, 12));
        assertThat(NorwegianIds.birthDate(valid("010105", 500))).contains(LocalDate.of(2005, 1, 1));
        assertThat(NorwegianIds.birthDate(valid("010160", 900))).contains(LocalDate.of(1960, 1, 1));
        assertThat(NorwegianIds.birthDate(valid("010160", 100))).contains(LocalDate.of(1960, 1, 1));
    }

    @Test
    void aDNummerHasItsDayRaisedByFour() {
        String dNumber = valid("410190", 100);
        assertThat(NorwegianIds.isDNumber(dNumber)).isTrue();
        assertThat(NorwegianIds.birthDate(dNumber)).contains(LocalDate.of(1990, 1, 1));
    }

    @Test
    void anInvalidNumberOrImpossibleDateHasNone() {
        assertThat(NorwegianIds.birthDate("12059248242")).isEmpty();
        assertThat(NorwegianIds.birthDate(null)).isEmpty();
        assertThat(NorwegianIds.birthDate(valid("310290", 100))).isEmpty();
    }

    /** A valid number for the date part, with the first individual number from {@code from} that has check digits. */
    private static String valid(String datePart, int from) {
        for (int i = from; i < from + 100; i++) {
            String n = NorwegianIds.withCheckDigits(datePart + i);
            if (n != null) return n;
        }
        throw new AssertionError("no valid number for " + datePart);
    }
}
