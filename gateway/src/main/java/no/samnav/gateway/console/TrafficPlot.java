package no.samnav.gateway.console;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's plot of the last two hours as inline SVG: one bar per 5-minute interval for the
 * messages received, and a line for the average time from receipt to delivery. No script, so it
 * works under the console's content security policy and reloads with the page.
 *
 * @param bars        the bars, oldest first
 * @param latency     the latency line's points attribute
 * @param maxMessages the count at the top of the scale
 * @param maxMillis   the latency at the top of the scale
 */
public record TrafficPlot(List<Bar> bars, String latency, long maxMessages, long maxMillis) {

    static final double LEFT = 40, RIGHT = 620, TOP = 10, BOTTOM = 170;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ConsoleController.OSLO);

    /** One interval's bar: position, height and what it shows. */
    public record Bar(double x, double y, double width, double height, String label) {
    }

    static TrafficPlot of(List<ConsoleQueries.Interval> intervals, Instant now) {
        long maxMessages = Math.max(1, intervals.stream().mapToLong(ConsoleQueries.Interval::messages).max().orElse(1));
        long maxMillis = Math.max(1, intervals.stream().mapToLong(ConsoleQueries.Interval::averageMillis).max().orElse(1));
        Instant start = now.minusSeconds(7200);
        double slot = (RIGHT - LEFT) / 24;
        List<Bar> bars = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (ConsoleQueries.Interval i : intervals) {
            double index = Math.max(0, Math.min(23, (i.start().getEpochSecond() - start.getEpochSecond()) / 300.0));
            double x = LEFT + index * slot;
            double h = (BOTTOM - TOP) * i.messages() / maxMessages;
            bars.add(new Bar(x + 1, BOTTOM - h, slot - 2, h, CLOCK.format(i.start()) + ": " + i.messages()
                    + " meldinger, levert i snitt etter " + i.averageMillis() + " ms (lengst " + i.longestMillis() + " ms)"));
            double y = BOTTOM - (BOTTOM - TOP) * i.averageMillis() / maxMillis;
            if (line.length() > 0) line.append(' ');
            line.append(String.format(Locale.ROOT, "%.1f,%.1f", x + slot / 2, y));
        }
        return new TrafficPlot(bars, line.toString(), maxMessages, maxMillis);
    }
}
