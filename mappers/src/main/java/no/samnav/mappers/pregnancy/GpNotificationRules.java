package no.samnav.mappers.pregnancy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * When a check done by the midwife should be brought to the GP's attention. The defaults follow
 * the usual limits in Norwegian antenatal care (BT ≥ 140/90, proteinuria ≥ +, Hb under 10 g/dL,
 * fetal heart outside 110–160); each municipality can set its own through the gateway's
 * configuration. Values at a limit count ({@code ≥}), except Hb, which counts below it.
 *
 * @param systolicAtLeast       systolic pressure from which a finding is made, mmHg
 * @param diastolicAtLeast      diastolic pressure from which a finding is made, mmHg
 * @param urineProteinAtLeast   test strip reading from which a finding is made
 * @param haemoglobinBelow      Hb under which a finding is made, g/dL
 * @param fetalHeartRateLowest  lowest normal fetal heart rate, /min
 * @param fetalHeartRateHighest highest normal fetal heart rate, /min
 */
public record GpNotificationRules(int systolicAtLeast, int diastolicAtLeast, DipstickResult urineProteinAtLeast,
        BigDecimal haemoglobinBelow, int fetalHeartRateLowest, int fetalHeartRateHighest) {

    /** 140/90, +, 10.0 g/dL, 110–160. */
    public static final GpNotificationRules DEFAULTS =
            new GpNotificationRules(140, 90, DipstickResult.ONE_PLUS, new BigDecimal("10.0"), 110, 160);

    /** What the GP should be told about a check; empty when nothing. */
    public List<Finding> evaluate(AntenatalCheck check) {
        List<Finding> findings = new ArrayList<>();
        Integer sys = check.systolic();
        Integer dia = check.diastolic();
        if ((sys != null && sys >= systolicAtLeast) || (dia != null && dia >= diastolicAtLeast)) {
            findings.add(new Finding("blood-pressure", "Blodtrykk " + orDash(sys) + "/" + orDash(dia)
                    + " mmHg (grense " + systolicAtLeast + "/" + diastolicAtLeast + ")"));
        }
        if (check.urineProtein() != null && check.urineProtein().atLeast(urineProteinAtLeast)) {
            findings.add(new Finding("urine-protein", "Protein i urin " + check.urineProtein().text()
                    + " (grense " + urineProteinAtLeast.text() + ")"));
        }
        if (check.haemoglobin() != null && check.haemoglobin().compareTo(haemoglobinBelow) < 0) {
            findings.add(new Finding("haemoglobin", "Hb " + decimal(check.haemoglobin()) + " g/dL (grense "
                    + decimal(haemoglobinBelow) + ")"));
        }
        Integer fhr = check.fetalHeartRate();
        if (fhr != null && (fhr < fetalHeartRateLowest || fhr > fetalHeartRateHighest)) {
            findings.add(new Finding("fetal-heart-rate", "Fosterlyd " + fhr + "/min (normalt " + fetalHeartRateLowest
                    + "–" + fetalHeartRateHighest + ")"));
        }
        return findings;
    }

    private static String orDash(Integer value) {
        return value == null ? "–" : value.toString();
    }

    /** Norwegian decimal comma, as the card writes numbers. */
    static String decimal(BigDecimal value) {
        return value.toPlainString().replace('.', ',');
    }
}
