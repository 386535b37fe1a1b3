package no.samnav.gateway.pregnancy.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import no.samnav.gateway.pregnancy.PregnancyRecords;
import no.samnav.mappers.pregnancy.AntenatalCheck;
import no.samnav.mappers.pregnancy.Clinician;
import no.samnav.mappers.pregnancy.DipstickResult;
import no.samnav.mappers.pregnancy.FetalPresentation;
import no.samnav.mappers.pregnancy.GestationalAge;
import no.samnav.mappers.pregnancy.Oedema;
import no.samnav.mappers.pregnancy.Office;
import no.samnav.mappers.pregnancy.SeenBy;

/**
 * The check form as typed: text, so that what she typed is shown again next to its problem. Decimals
 * take a comma or a point ("72,5"), dates dd.mm.åååå or ISO, the week "24+3" or "24".
 */
public class CheckForm {

    private static final DateTimeFormatter NORWEGIAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");

    private String date = "";
    private String week = "";
    private String systolic = "";
    private String diastolic = "";
    private String weight = "";
    private String haemoglobin = "";
    private String urineProtein = "";
    private String urineGlucose = "";
    private String fundalHeight = "";
    private String fetalHeartRate = "";
    private String presentation = "";
    private String oedema = "";
    private String note = "";

    /** A form filled with today's date and the week today is, from the term date. */
    public static CheckForm withDefaults(LocalDate today, LocalDate termDate) {
        CheckForm f = new CheckForm();
        f.date = today.format(DateTimeFormatter.ofPattern("dd.MM.uuuu"));
        try {
            f.week = GestationalAge.fromTermDate(termDate, today).toString();
        } catch (RuntimeException outOfRange) {
            f.week = "";
        }
        return f;
    }

    /** The problems of the typing itself (a number that is no number); the check's own rules come after. */
    public List<PregnancyRecords.Problem> parseProblems() {
        List<PregnancyRecords.Problem> problems = new ArrayList<>();
        if (!blank(date) && parseDate(date) == null) {
            problems.add(new PregnancyRecords.Problem("date", "Skriv datoen som dd.mm.åååå"));
        }
        if (!blank(week) && parseWeek(week) == null) {
            problems.add(new PregnancyRecords.Problem("gestationalAge", "Skriv svangerskapsuken som uker+dager, f.eks. 24+3"));
        }
        integer(problems, "systolic", systolic, "Systolisk blodtrykk er et helt tall (mmHg)");
        integer(problems, "diastolic", diastolic, "Diastolisk blodtrykk er et helt tall (mmHg)");
        decimal(problems, "weightKg", weight, "Vekt er et tall i kg, f.eks. 72,5");
        decimal(problems, "haemoglobin", haemoglobin, "Hb er et tall i g/dL, f.eks. 11,8");
        integer(problems, "fundalHeightCm", fundalHeight, "Symfyse-fundusmål er et helt tall (cm)");
        integer(problems, "fetalHeartRate", fetalHeartRate, "Fosterlyd er et helt tall (slag/min)");
        code(problems, "urineProtein", urineProtein, DipstickResult::valueOf, "Velg et svar for urin protein");
        code(problems, "urineGlucose", urineGlucose, DipstickResult::valueOf, "Velg et svar for urin glukose");
        code(problems, "presentation", presentation, FetalPresentation::valueOf, "Velg fosterleie");
        code(problems, "oedema", oedema, Oedema::valueOf, "Velg ødem");
        if (note.length() > 2000) problems.add(new PregnancyRecords.Problem("note", "Merknaden kan ha høyst 2000 tegn"));
        return problems;
    }

    /** The check the form describes, done by {@code user} at her office; call after {@link #parseProblems()} found none. */
    public AntenatalCheck toCheck(CardUser user) {
        Clinician clinician = user.role() == no.samnav.gateway.registry.Service.Role.GP ? Clinician.GP : Clinician.MIDWIFE;
        return new AntenatalCheck(null, blank(date) ? null : parseDate(date), blank(week) ? null : parseWeek(week),
                new Office(user.office(), user.siteName()), new SeenBy(user.hpr(), user.name(), clinician),
                intOrNull(systolic), intOrNull(diastolic), decimalOrNull(weight), decimalOrNull(haemoglobin),
                blank(urineProtein) ? null : DipstickResult.valueOf(urineProtein),
                blank(urineGlucose) ? null : DipstickResult.valueOf(urineGlucose), intOrNull(fundalHeight),
                intOrNull(fetalHeartRate), blank(presentation) ? null : FetalPresentation.valueOf(presentation),
                blank(oedema) ? null : Oedema.valueOf(oedema), blank(note) ? null : note.strip());
    }

    static LocalDate parseDate(String text) {
        String t = text.strip();
        try {
            return t.contains("-") ? LocalDate.parse(t) : LocalDate.parse(t, NORWEGIAN_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static GestationalAge parseWeek(String text) {
        try {
            String t = text.strip();
            return GestationalAge.parse(t.contains("+") ? t : t + "+0");
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void integer(List<PregnancyRecords.Problem> problems, String field, String text, String message) {
        if (!blank(text) && !text.strip().matches("\\d{1,4}")) problems.add(new PregnancyRecords.Problem(field, message));
    }

    private static void decimal(List<PregnancyRecords.Problem> problems, String field, String text, String message) {
        if (!blank(text) && !text.strip().matches("\\d{1,4}([.,]\\d{1,3})?")) {
            problems.add(new PregnancyRecords.Problem(field, message));
        }
    }

    private static void code(List<PregnancyRecords.Problem> problems, String field, String text,
            Function<String, ?> parse, String message) {
        if (blank(text)) return;
        try {
            parse.apply(text);
        } catch (IllegalArgumentException e) {
            problems.add(new PregnancyRecords.Problem(field, message));
        }
    }

    private static Integer intOrNull(String text) {
        return blank(text) ? null : Integer.valueOf(text.strip());
    }

    private static BigDecimal decimalOrNull(String text) {
        return blank(text) ? null : new BigDecimal(text.strip().replace(',', '.'));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // bean accessors for the form binding

    public String getDate() { return date; }
    public void setDate(String v) { date = nz(v); }
    public String getWeek() { return week; }
    public void setWeek(String v) { week = nz(v); }
    public String getSystolic() { return systolic; }
    public void setSystolic(String v) { systolic = nz(v); }
    public String getDiastolic() { return diastolic; }
    public void setDiastolic(String v) { diastolic = nz(v); }
    public String getWeight() { return weight; }
    public void setWeight(String v) { weight = nz(v); }
    public String getHaemoglobin() { return haemoglobin; }
    public void setHaemoglobin(String v) { haemoglobin = nz(v); }
    public String getUrineProtein() { return urineProtein; }
    public void setUrineProtein(String v) { urineProtein = nz(v); }
    public String getUrineGlucose() { return urineGlucose; }
    public void setUrineGlucose(String v) { urineGlucose = nz(v); }
    public String getFundalHeight() { return fundalHeight; }
    public void setFundalHeight(String v) { fundalHeight = nz(v); }
    public String getFetalHeartRate() { return fetalHeartRate; }
    public void setFetalHeartRate(String v) { fetalHeartRate = nz(v); }
    public String getPresentation() { return presentation; }
    public void setPresentation(String v) { presentation = nz(v); }
    public String getOedema() { return oedema; }
    public void setOedema(String v) { oedema = nz(v); }
    public String getNote() { return note; }
    public void setNote(String v) { note = nz(v); }

    private static String nz(String v) {
        return v == null ? "" : v;
    }
}
