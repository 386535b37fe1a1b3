package no.samnav.gateway.pregnancy;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The pregnancy record ({@code samnav.pregnancy.*}, documented in {@code docs/configuration.md}).
 *
 * @param service  the service of the cooperation file whose pregnancies these are (the midwife service)
 * @param devLogin whether the card pages offer the embedded mode's login (pick a member of staff,
 *                 no password); never in production, where the pages need HelseID login
 * @param gpNotice when a check makes the gateway send the woman's GP a Dialogmelding
 */
@ConfigurationProperties("samnav.pregnancy")
public record PregnancySettings(String service, Boolean devLogin, GpNotice gpNotice) {

    public PregnancySettings {
        if (service == null || service.isBlank()) service = "jordmor";
        if (devLogin == null) devLogin = false;
        if (gpNotice == null) gpNotice = new GpNotice(null, null, null, null, null, null, null);
    }

    /**
     * Thresholds of a check the GP should hear about; a value at or beyond one sends the notice.
     *
     * @param enabled               whether notices are sent at all
     * @param systolic              systolic blood pressure, mmHg, at or above
     * @param diastolic             diastolic blood pressure, mmHg, at or above
     * @param urineProtein          urine protein by dipstick at or above ({@code +}, {@code ++}, …)
     * @param haemoglobinBelow      Hb in g/dL below
     * @param fetalHeartRateLow     fetal heart rate per minute below
     * @param fetalHeartRateHigh    fetal heart rate per minute above
     */
    public record GpNotice(Boolean enabled, Integer systolic, Integer diastolic, String urineProtein,
            BigDecimal haemoglobinBelow, Integer fetalHeartRateLow, Integer fetalHeartRateHigh) {
        public GpNotice {
            if (enabled == null) enabled = true;
            if (systolic == null) systolic = 140;
            if (diastolic == null) diastolic = 90;
            if (urineProtein == null) urineProtein = "+";
            if (haemoglobinBelow == null) haemoglobinBelow = new BigDecimal("10.0");
            if (fetalHeartRateLow == null) fetalHeartRateLow = 110;
            if (fetalHeartRateHigh == null) fetalHeartRateHigh = 160;
        }
    }
}
