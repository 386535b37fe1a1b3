package no.samnav.gateway.pregnancy;

import java.time.YearMonth;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The month's antenatal checks per municipality where they took place, office and the woman's
 * municipality: the refund for a check goes to the municipality where it took place (DOMAIN.md), and
 * the split between the municipalities' shares of the midwife service follows the women served.
 */
@Component
public class MonthlyReport {

    /** The report of one month: its lines and totals. */
    public record Report(YearMonth month, String service, List<Line> lines, long checks, long women) {

        /**
         * Each woman's municipality's share of the month's checks, in whole percent, for comparing
         * with the share of the service it pays for (DOMAIN.md: Storfjord buys 20–30 %).
         */
        public java.util.Map<String, Long> sharesByServingMunicipality() {
            java.util.Map<String, Long> counts = new java.util.TreeMap<>();
            for (Line l : lines) counts.merge(l.servingMunicipality(), l.checks(), Long::sum);
            java.util.Map<String, Long> shares = new java.util.LinkedHashMap<>();
            counts.forEach((m, n) -> shares.put(m, checks == 0 ? 0 : Math.round(100.0 * n / checks)));
            return shares;
        }
    }

    /**
     * @param officeMunicipality where the checks took place: the municipality the refund goes to
     * @param office             the office's place name
     * @param servingMunicipality the women's municipality
     * @param checks             checks in the month
     * @param women              different women seen
     */
    public record Line(String officeMunicipality, String office, String servingMunicipality, long checks, long women) {
    }

    private final PregnancyStore store;
    private final PregnancyRecords records;

    public MonthlyReport(PregnancyStore store, PregnancyRecords records) {
        this.store = store;
        this.records = records;
    }

    public Report of(YearMonth month) {
        var service = records.service();
        List<Line> lines = store.monthlyReport(service.id(), month).stream()
                .map(l -> new Line(l.officeMunicipality(), service.site(l.office()).map(s -> s.name()).orElse(l.office()),
                        l.servingMunicipality(), l.checks(), l.women()))
                .toList();
        return new Report(month, service.name(), lines, lines.stream().mapToLong(Line::checks).sum(),
                store.womenSeen(service.id(), month));
    }

    /** The report as CSV for the accounts (semicolon-separated as Norwegian spreadsheets expect, UTF-8). */
    public String csv(Report r) {
        StringBuilder b = new StringBuilder("Måned;Kommune der kontrollen ble utført (refusjon);Kontor;Kvinnens kommune;"
                + "Kontroller;Kvinner\r\n");
        for (Line l : r.lines()) {
            b.append(r.month()).append(';').append(cell(l.officeMunicipality())).append(';').append(cell(l.office()))
                    .append(';').append(cell(l.servingMunicipality())).append(';').append(l.checks()).append(';')
                    .append(l.women()).append("\r\n");
        }
        return b.toString();
    }

    /** A cell as CSV: quoted when it holds a separator or quote, and never read as a formula by a spreadsheet. */
    private static String cell(String s) {
        String v = s == null ? "" : s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        return v.contains(";") || v.contains("\"") || v.contains("\n") ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
