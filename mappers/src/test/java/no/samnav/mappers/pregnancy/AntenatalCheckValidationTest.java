package no.samnav.mappers.pregnancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AntenatalCheckValidationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 4);

    @Test
    void theFixturesHaveNoProblems() {
        assertThat(PregnancyFixtures.fullCheck().problems(TODAY)).isEmpty();
        assertThat(PregnancyFixtures.sparseCheck().problems(TODAY)).isEmpty();
    }

    @Test
    void eachImplausibleValueIsNamedByFieldInBokmal() {
        AntenatalCheck c = PregnancyFixtures.fullCheck();
        AntenatalCheck bad = new AntenatalCheck(c.id(), TODAY.plusDays(1), new GestationalAge(44, 1), c.office(),
                c.seenBy(), 300, 20, new BigDecimal("725"), new BigDecimal("118"), null, null, 5, 250, null, null, null);
        assertThat(bad.problems(TODAY)).containsExactly(
                new CheckProblem("date", "Dato kan ikke være fram i tid"),
                new CheckProblem("gestationalAge", "Svangerskapsuke må være mellom 4+0 og 44+0"),
                new CheckProblem("systolic", "Systolisk blodtrykk må være mellom 60 og 260 mmHg"),
                new CheckProblem("diastolic", "Diastolisk blodtrykk må være mellom 30 og 160 mmHg"),
                new CheckProblem("weightKg", "Vekt må være mellom 30 og 250 kg"),
                new CheckProblem("haemoglobin", "Hb må være mellom 5 og 20 g/dL"),
                new CheckProblem("fundalHeightCm", "Symfyse-fundusmål må være mellom 10 og 50 cm"),
                new CheckProblem("fetalHeartRate", "Fosterlyd må være mellom 60 og 220 slag/min"));
    }

    @Test
    void limitsThemselvesAreAccepted() {
        AntenatalCheck c = PregnancyFixtures.fullCheck();
        AntenatalCheck edge = new AntenatalCheck(c.id(), TODAY, new GestationalAge(44, 0), c.office(), c.seenBy(), 260,
                160, new BigDecimal("250.0"), new BigDecimal("5"), null, null, 50, 220, null, null, null);
        assertThat(edge.problems(TODAY)).isEmpty();
        AntenatalCheck low = new AntenatalCheck(c.id(), TODAY, new GestationalAge(4, 0), c.office(), c.seenBy(), 60,
                30, new BigDecimal("30"), new BigDecimal("20.0"), null, null, 10, 60, null, null, null);
        assertThat(low.problems(TODAY)).isEmpty();
        assertThat(withGa(new GestationalAge(3, 6)).problems(TODAY)).extracting(CheckProblem::field).containsExactly("gestationalAge");
    }

    @Test
    void diastolicMustBeBelowSystolicAndBothGiven() {
        assertThat(withBp(120, 120).problems(TODAY))
                .containsExactly(new CheckProblem("diastolic", "Diastolisk blodtrykk må være lavere enn systolisk"));
        assertThat(withBp(120, null).problems(TODAY))
                .containsExactly(new CheckProblem("diastolic", "Oppgi både systolisk og diastolisk blodtrykk"));
        assertThat(withBp(119, 118).problems(TODAY)).isEmpty();
    }

    @Test
    void missingRequiredFieldsAndTooManyDecimals() {
        AntenatalCheck empty = new AntenatalCheck(null, null, null, null, null, null, null, new BigDecimal("72.55"), null,
                null, null, null, null, null, null, null);
        assertThat(empty.problems(TODAY)).extracting(CheckProblem::message).containsExactly("Dato må fylles ut",
                "Svangerskapsuke må fylles ut", "Sted må fylles ut", "Oppgi hvem som utførte kontrollen",
                "Vekt oppgis med høyst én desimal");
        AntenatalCheck c = PregnancyFixtures.fullCheck();
        AntenatalCheck badHpr = new AntenatalCheck(c.id(), c.date(), c.gestationalAge(), c.office(),
                new SeenBy("91448X9", "Jorunn Jordmor", Clinician.MIDWIFE), null, null, null, null, null, null, null,
                null, null, null, null);
        assertThat(badHpr.problems(TODAY)).containsExactly(new CheckProblem("seenBy", "HPR-nummer må være 1 til 9 sifre"));
    }

    private static AntenatalCheck withBp(Integer sys, Integer dia) {
        AntenatalCheck c = PregnancyFixtures.fullCheck();
        return new AntenatalCheck(c.id(), c.date(), c.gestationalAge(), c.office(), c.seenBy(), sys, dia, null, null,
                null, null, null, null, null, null, null);
    }

    private static AntenatalCheck withGa(GestationalAge ga) {
        AntenatalCheck c = PregnancyFixtures.fullCheck();
        return new AntenatalCheck(c.id(), c.date(), ga, c.office(), c.seenBy(), null, null, null, null, null, null, null,
                null, null, null, null);
    }
}
