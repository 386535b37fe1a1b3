package no.samnav.mappers.pregnancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PregnancyGpNotificationRulesTest {

    private static final GpNotificationRules RULES = GpNotificationRules.DEFAULTS;

    @Test
    void bloodPressureJustBelowTheLimitIsNoFindingAtTheLimitIsOne() {
        assertThat(RULES.evaluate(check(139, 89, null, null, null))).isEmpty();
        assertThat(RULES.evaluate(check(140, 90, null, null, null)))
                .containsExactly(new Finding("blood-pressure", "Blodtrykk 140/90 mmHg (grense 140/90)"));
        assertThat(RULES.evaluate(check(150, 95, null, null, null)))
                .containsExactly(new Finding("blood-pressure", "Blodtrykk 150/95 mmHg (grense 140/90)"));
        assertThat(RULES.evaluate(check(130, 90, null, null, null))).extracting(Finding::code).containsExactly("blood-pressure");
        assertThat(RULES.evaluate(check(140, 80, null, null, null))).extracting(Finding::code).containsExactly("blood-pressure");
    }

    @Test
    void proteinFromOnePlus() {
        assertThat(RULES.evaluate(check(null, null, DipstickResult.TRACE, null, null))).isEmpty();
        assertThat(RULES.evaluate(check(null, null, DipstickResult.ONE_PLUS, null, null)))
                .containsExactly(new Finding("urine-protein", "Protein i urin + (grense +)"));
        assertThat(RULES.evaluate(check(null, null, DipstickResult.THREE_PLUS, null, null))).hasSize(1);
    }

    @Test
    void haemoglobinBelowTenAndFetalHeartOutsideTheNormalRange() {
        assertThat(RULES.evaluate(check(null, null, null, new BigDecimal("10.0"), 110))).isEmpty();
        assertThat(RULES.evaluate(check(null, null, null, null, 160))).isEmpty();
        assertThat(RULES.evaluate(check(null, null, null, new BigDecimal("9.9"), 109))).containsExactly(
                new Finding("haemoglobin", "Hb 9,9 g/dL (grense 10,0)"),
                new Finding("fetal-heart-rate", "Fosterlyd 109/min (normalt 110–160)"));
        assertThat(RULES.evaluate(check(null, null, null, null, 161))).extracting(Finding::code)
                .containsExactly("fetal-heart-rate");
    }

    @Test
    void limitsAreConfigurable() {
        GpNotificationRules strict = new GpNotificationRules(135, 85, DipstickResult.TRACE, new BigDecimal("11.0"), 120, 150);
        assertThat(strict.evaluate(check(135, 80, DipstickResult.TRACE, new BigDecimal("10.5"), 155)))
                .extracting(Finding::code).containsExactly("blood-pressure", "urine-protein", "haemoglobin", "fetal-heart-rate");
        assertThat(RULES.evaluate(PregnancyFixtures.fullCheck())).isEmpty();
    }

    private static AntenatalCheck check(Integer sys, Integer dia, DipstickResult protein, BigDecimal hb, Integer fhr) {
        AntenatalCheck c = PregnancyFixtures.fullCheck();
        return new AntenatalCheck(c.id(), c.date(), c.gestationalAge(), c.office(), c.seenBy(), sys, dia, null, hb,
                protein, null, null, fhr, null, null, null);
    }
}
