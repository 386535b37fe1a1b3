package no.samnav.gateway.pregnancy.web;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import no.samnav.gateway.pregnancy.PregnancyRecords;
import no.samnav.mappers.pregnancy.AntenatalCheck;
import no.samnav.mappers.pregnancy.CodedValue;

/** One check as the card's table shows it: Norwegian number and date formats, empty cells for what was not measured. */
public record CheckRowView(String date, String week, String bloodPressure, String weight, String haemoglobin,
        String urineProtein, String urineGlucose, String fundalHeight, String fetalHeartRate, String presentation,
        String oedema, String note, String place, String seenBy, boolean gpNotified) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");

    static CheckRowView of(PregnancyRecords.Check c) {
        AntenatalCheck k = c.check();
        return new CheckRowView(DATE.format(k.date()), String.valueOf(k.gestationalAge()),
                k.systolic() == null ? "" : k.systolic() + "/" + k.diastolic(), decimal(k.weightKg()),
                decimal(k.haemoglobin()), text(k.urineProtein()), text(k.urineGlucose()),
                k.fundalHeightCm() == null ? "" : k.fundalHeightCm().toString(),
                k.fetalHeartRate() == null ? "" : k.fetalHeartRate().toString(), text(k.presentation()),
                text(k.oedema()), k.note() == null ? "" : k.note(), k.office() == null ? "" : k.office().display(),
                k.seenBy() == null ? "" : k.seenBy().name(), c.row().gpNoticeMessageId() != null);
    }

    private static String decimal(BigDecimal d) {
        return d == null ? "" : d.toPlainString().replace('.', ',');
    }

    private static String text(CodedValue v) {
        return v == null ? "" : v.text();
    }
}
