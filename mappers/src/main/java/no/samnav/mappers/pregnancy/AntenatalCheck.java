package no.samnav.mappers.pregnancy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.samnav.mappers.identifiers.NorwegianIds;

/**
 * One svangerskapskontroll: one row of the pregnancy card. Every measurement is nullable, since not
 * every check takes every measurement (Hb a few times, fundal height from about week 24).
 *
 * @param id             the Encounter id; null for a check not yet stored
 * @param date           the day of the check
 * @param gestationalAge week and day on that date, e.g. 24+3
 * @param office         where the check was done
 * @param seenBy         the midwife or GP who saw her
 * @param systolic       mmHg
 * @param diastolic      mmHg
 * @param weightKg       kg with one decimal
 * @param haemoglobin    g/dL
 * @param urineProtein   test strip
 * @param urineGlucose   test strip
 * @param fundalHeightCm symfyse-fundusmål in whole cm
 * @param fetalHeartRate beats per minute
 * @param presentation   fosterleie
 * @param oedema         ødem
 * @param note           free-text remark (merknad)
 */
public record AntenatalCheck(String id, LocalDate date, GestationalAge gestationalAge, Office office, SeenBy seenBy,
        Integer systolic, Integer diastolic, BigDecimal weightKg, BigDecimal haemoglobin,
        DipstickResult urineProtein, DipstickResult urineGlucose, Integer fundalHeightCm, Integer fetalHeartRate,
        FetalPresentation presentation, Oedema oedema, String note) {

    private static final GestationalAge EARLIEST = new GestationalAge(4, 0);
    private static final GestationalAge LATEST = new GestationalAge(44, 0);

    /** The same check with another id (the gateway sets the id of a new check once it is stored). */
    public AntenatalCheck withId(String newId) {
        return new AntenatalCheck(newId, date, gestationalAge, office, seenBy, systolic, diastolic, weightKg,
                haemoglobin, urineProtein, urineGlucose, fundalHeightCm, fetalHeartRate, presentation, oedema, note);
    }

    /**
     * What the web form must show before the check can be saved; empty when the check is fine. The
     * ranges are wide plausibility limits that catch typing errors (a weight of 7,25 for 72,5), not
     * clinical limits: those are {@link GpNotificationRules}.
     *
     * @param today the date "not in the future" is judged against (the caller's clock, Europe/Oslo)
     */
    public List<CheckProblem> problems(LocalDate today) {
        List<CheckProblem> problems = new ArrayList<>();
        if (date == null) {
            problems.add(new CheckProblem("date", "Dato må fylles ut"));
        } else if (date.isAfter(today)) {
            problems.add(new CheckProblem("date", "Dato kan ikke være fram i tid"));
        }
        if (gestationalAge == null) {
            problems.add(new CheckProblem("gestationalAge", "Svangerskapsuke må fylles ut"));
        } else if (gestationalAge.compareTo(EARLIEST) < 0 || gestationalAge.compareTo(LATEST) > 0) {
            problems.add(new CheckProblem("gestationalAge", "Svangerskapsuke må være mellom 4+0 og 44+0"));
        }
        if (office == null || blank(office.key())) {
            problems.add(new CheckProblem("office", "Sted må fylles ut"));
        }
        if (seenBy == null || blank(seenBy.name()) || seenBy.clinician() == null) {
            problems.add(new CheckProblem("seenBy", "Oppgi hvem som utførte kontrollen"));
        } else if (!NorwegianIds.isValidHprNumber(seenBy.hpr())) {
            problems.add(new CheckProblem("seenBy", "HPR-nummer må være 1 til 9 sifre"));
        }
        boolean systolicOk = range(problems, "systolic", systolic, 60, 260,
                "Systolisk blodtrykk må være mellom 60 og 260 mmHg");
        boolean diastolicOk = range(problems, "diastolic", diastolic, 30, 160,
                "Diastolisk blodtrykk må være mellom 30 og 160 mmHg");
        if (systolic == null ^ diastolic == null) {
            problems.add(new CheckProblem(systolic == null ? "systolic" : "diastolic",
                    "Oppgi både systolisk og diastolisk blodtrykk"));
        } else if (systolic != null && systolicOk && diastolicOk && diastolic >= systolic) {
            problems.add(new CheckProblem("diastolic", "Diastolisk blodtrykk må være lavere enn systolisk"));
        }
        if (weightKg != null) {
            if (weightKg.compareTo(BigDecimal.valueOf(30)) < 0 || weightKg.compareTo(BigDecimal.valueOf(250)) > 0) {
                problems.add(new CheckProblem("weightKg", "Vekt må være mellom 30 og 250 kg"));
            } else if (weightKg.stripTrailingZeros().scale() > 1) {
                problems.add(new CheckProblem("weightKg", "Vekt oppgis med høyst én desimal"));
            }
        }
        if (haemoglobin != null && (haemoglobin.compareTo(BigDecimal.valueOf(5)) < 0
                || haemoglobin.compareTo(BigDecimal.valueOf(20)) > 0)) {
            problems.add(new CheckProblem("haemoglobin", "Hb må være mellom 5 og 20 g/dL"));
        }
        range(problems, "fundalHeightCm", fundalHeightCm, 10, 50, "Symfyse-fundusmål må være mellom 10 og 50 cm");
        range(problems, "fetalHeartRate", fetalHeartRate, 60, 220, "Fosterlyd må være mellom 60 og 220 slag/min");
        return problems;
    }

    private static boolean range(List<CheckProblem> problems, String field, Integer value, int min, int max,
            String message) {
        if (value == null) return true;
        if (value < min || value > max) {
            problems.add(new CheckProblem(field, message));
            return false;
        }
        return true;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
