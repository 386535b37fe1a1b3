package no.samnav.gateway.pregnancy.web;

import java.util.ArrayList;
import java.util.List;
import no.samnav.gateway.pregnancy.PregnancyRecords;
import no.samnav.mappers.pregnancy.AntenatalCheck;

/** The card's three trends: blood pressure, weight, and symphysis-fundus height against gestational age. */
final class TrendPlots {

    private TrendPlots() {
    }

    static List<TrendPlot> of(PregnancyRecords.Card card) {
        List<TrendPlot.Value> systolic = new ArrayList<>(), diastolic = new ArrayList<>(), weight = new ArrayList<>(),
                fundal = new ArrayList<>();
        for (PregnancyRecords.Check c : card.checks()) {
            AntenatalCheck k = c.check();
            if (k.gestationalAge() == null) continue;
            int days = k.gestationalAge().totalDays();
            if (k.systolic() != null) systolic.add(new TrendPlot.Value(days, k.systolic()));
            if (k.diastolic() != null) diastolic.add(new TrendPlot.Value(days, k.diastolic()));
            if (k.weightKg() != null) weight.add(new TrendPlot.Value(days, k.weightKg().doubleValue()));
            if (k.fundalHeightCm() != null) fundal.add(new TrendPlot.Value(days, k.fundalHeightCm()));
        }
        double wLow = weight.stream().mapToDouble(TrendPlot.Value::value).min().orElse(60);
        double wHigh = weight.stream().mapToDouble(TrendPlot.Value::value).max().orElse(80);
        double low = Math.floor((wLow - 5) / 5) * 5, high = Math.ceil((wHigh + 5) / 5) * 5;
        // rule of thumb from week 20: symphysis-fundus height in cm about the week number
        List<TrendPlot.Value> guide = List.of(new TrendPlot.Value(20 * 7, 20), new TrendPlot.Value(40 * 7, 40));
        return List.of(
                TrendPlot.of("Blodtrykk", "Systolisk og diastolisk blodtrykk (mmHg) mot svangerskapsuke", "mmHg", 40, 180,
                        20, List.of("Systolisk", "Diastolisk"), List.of(systolic, diastolic), null),
                TrendPlot.of("Vekt", "Vekt (kg) mot svangerskapsuke", "kg", low, high, 5, List.of("Vekt"), List.of(weight),
                        null),
                TrendPlot.of("Symfyse-fundusmål", "Symfyse-fundusmål (cm) mot svangerskapsuke; stiplet linje: cm omtrent"
                        + " lik uketallet fra uke 20", "cm", 10, 45, 5, List.of("SF-mål"), List.of(fundal), guide));
    }
}
