package no.samnav.gateway.pregnancy.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line plot of measurements against gestational age, drawn as inline SVG by the card page: no
 * script, so it prints, works under the page's strict content security policy, and carries a title
 * and description for screen readers (the checks table beside it holds the same numbers).
 *
 * @param title       heading, e.g. "Blodtrykk"
 * @param description what the plot shows, read by screen readers
 * @param unit        the y axis' unit
 * @param series      the lines
 * @param xTicks      weeks marked on the x axis
 * @param yTicks      values marked on the y axis
 * @param guide       a dashed reference line, or null
 */
public record TrendPlot(String title, String description, String unit, List<Series> series, List<Tick> xTicks,
        List<Tick> yTicks, Series guide) {

    /** The drawing area inside the viewBox (0 0 360 220). */
    static final double LEFT = 44, RIGHT = 350, TOP = 12, BOTTOM = 190;
    static final double FIRST_WEEK = 8, LAST_WEEK = 42;

    /** One line: its points in SVG coordinates, as the polyline's points attribute and as dots. */
    public record Series(String name, String cssClass, String points, List<Point> dots) {
    }

    /** A point in SVG coordinates, with what it shows (the dot's tooltip). */
    public record Point(double x, double y, String label) {
    }

    /** A tick: its SVG position and label. */
    public record Tick(double at, String label) {
    }

    /** A measurement at a gestational age in days. */
    public record Value(int gestationalDays, double value) {
    }

    /** A plot of the given lines, values from {@code low} to {@code high} with ticks every {@code step}. */
    public static TrendPlot of(String title, String description, String unit, double low, double high, double step,
            List<String> names, List<List<Value>> values, List<Value> guide) {
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            series.add(series(names.get(i), "series-" + i, values.get(i), low, high, unit));
        }
        List<Tick> xTicks = new ArrayList<>();
        for (int week = 10; week <= 40; week += 5) xTicks.add(new Tick(x(week * 7), Integer.toString(week)));
        List<Tick> yTicks = new ArrayList<>();
        for (double v = low; v <= high + 1e-9; v += step) yTicks.add(new Tick(y(v, low, high), format(v)));
        return new TrendPlot(title, description, unit, series, xTicks, yTicks,
                guide == null ? null : series("Veiledende", "guide", guide, low, high, unit));
    }

    private static Series series(String name, String cssClass, List<Value> values, double low, double high, String unit) {
        StringBuilder points = new StringBuilder();
        List<Point> dots = new ArrayList<>();
        for (Value v : values) {
            double clamped = Math.max(low, Math.min(high, v.value()));
            double px = x(v.gestationalDays()), py = y(clamped, low, high);
            if (points.length() > 0) points.append(' ');
            points.append(String.format(Locale.ROOT, "%.1f,%.1f", px, py));
            dots.add(new Point(px, py, name + " " + format(v.value()) + " " + unit + ", uke " + v.gestationalDays() / 7
                    + "+" + v.gestationalDays() % 7));
        }
        return new Series(name, cssClass, points.toString(), dots);
    }

    static double x(int gestationalDays) {
        double weeks = Math.max(FIRST_WEEK, Math.min(LAST_WEEK, gestationalDays / 7.0));
        return LEFT + (weeks - FIRST_WEEK) / (LAST_WEEK - FIRST_WEEK) * (RIGHT - LEFT);
    }

    static double y(double value, double low, double high) {
        return BOTTOM - (value - low) / (high - low) * (BOTTOM - TOP);
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(new Locale("nb", "NO"), "%.1f", v);
    }

    public boolean empty() {
        return series.stream().allMatch(s -> s.dots().isEmpty());
    }
}
