package no.samnav.mappers.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.samnav.mappers.error.InvalidValueException;
import no.samnav.mappers.kodeverk.AppRecErrorCode;
import org.junit.jupiter.api.Test;

/** KITH date-times with and without an offset, and ones that are neither. */
class KithDatesTest {

    /** Seconds of zero were once dropped ("10:00+01:00"), and FHIR refused the time: the message was rejected. */
    @Test
    void aWrittenOffsetIsKept() {
        assertThat(KithDates.instant("2024-06-15T10:00:00+01:00", null).getValueAsString())
                .isEqualTo("2024-06-15T10:00:00+01:00");
        assertThat(KithDates.dateTime("2024-06-15T10:00:00-03:00", null).getValueAsString())
                .isEqualTo("2024-06-15T10:00:00-03:00");
        assertThat(KithDates.instant("2024-06-15T08:00:00Z", null).getValue())
                .isEqualTo(java.time.Instant.parse("2024-06-15T08:00:00Z"));
    }

    @Test
    void aTimeWithoutOffsetIsOsloTime() {
        assertThat(KithDates.instant("2024-01-15T10:00:00", null).getValueAsString()).isEqualTo("2024-01-15T10:00:00+01:00");
        assertThat(KithDates.instant("2024-01-15T10:00:00.250", null).getValueAsString()).isEqualTo("2024-01-15T10:00:00.25+01:00");
    }

    @Test
    void textThatIsNoDateTimeIsRejectedWithT02() {
        for (String bad : new String[] {"2024-01-15 10:00:00", "2024-01-15T10:00:00+1", "2024-01-15T25:00:00", "i går",
                "2024-01-15T10:00:00Zulu", "2024-13-15T10:00:00-01:00"}) {
            assertThatThrownBy(() -> KithDates.instant(bad, null)).as(bad)
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.appRecCode()).isEqualTo(AppRecErrorCode.T02));
        }
    }

    @Test
    void anOffsetIsRecognisedOnlyInTheTimePart() {
        assertThat(KithDates.hasOffset("2024-01-15T10:00:00")).isFalse();
        assertThat(KithDates.hasOffset("2024-01-15T10:00:00Z")).isTrue();
        assertThat(KithDates.hasOffset("2024-01-15T10:00:00+02:00")).isTrue();
        assertThat(KithDates.hasOffset("2024-01-15T10:00:00-02:00")).isTrue();
        assertThat(KithDates.hasOffset("2024-01-15")).isFalse();
    }
}
