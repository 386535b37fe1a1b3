package no.samnav.mappers.pregnancy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Svangerskapslengde as midwives write it, completed weeks plus days ("24+3"). A pregnancy is
 * counted as 280 days (40+0) from the first day of the last period to the term date.
 *
 * @param weeks completed weeks, 0 or more
 * @param days  days into the current week, 0 to 6
 */
public record GestationalAge(int weeks, int days) implements Comparable<GestationalAge> {

    /** Length of a pregnancy from the first day of the last period to the term date. */
    public static final int TERM_DAYS = 280;

    private static final Pattern NOTATION = Pattern.compile("\\s*(\\d{1,2})\\s*(?:\\+\\s*([0-6]))?\\s*");

    public GestationalAge {
        if (weeks < 0 || days < 0 || days > 6) {
            throw new IllegalArgumentException("weeks must be 0 or more and days 0 to 6, was " + weeks + "+" + days);
        }
    }

    /** From a number of days since the pregnancy started (day 0 is 0+0). */
    public static GestationalAge ofDays(int totalDays) {
        if (totalDays < 0) throw new IllegalArgumentException("a pregnancy has not started " + totalDays + " days in");
        return new GestationalAge(totalDays / 7, totalDays % 7);
    }

    /**
     * Parses "24+3" (or "24", meaning 24+0).
     *
     * @throws IllegalArgumentException for anything else, e.g. "24+7" or "uke 24"
     */
    public static GestationalAge parse(String text) {
        Matcher m = text == null ? null : NOTATION.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a gestational age such as 24+3: " + text);
        }
        return new GestationalAge(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
    }

    /**
     * The age on a date for a term date: term date − 280 days is 0+0, so the term date itself is 40+0.
     *
     * @throws IllegalArgumentException when the date is before the pregnancy started
     */
    public static GestationalAge fromTermDate(LocalDate termDate, LocalDate date) {
        long daysToTerm = ChronoUnit.DAYS.between(date, termDate);
        return ofDays(Math.toIntExact(TERM_DAYS - daysToTerm));
    }

    /** The term date for this age on a date (the inverse of {@link #fromTermDate}). */
    public LocalDate termDate(LocalDate date) {
        return date.plusDays(TERM_DAYS - totalDays());
    }

    public int totalDays() {
        return weeks * 7 + days;
    }

    @Override
    public int compareTo(GestationalAge other) {
        return Integer.compare(totalDays(), other.totalDays());
    }

    /** "24+3". */
    @Override
    public String toString() {
        return weeks + "+" + days;
    }
}
