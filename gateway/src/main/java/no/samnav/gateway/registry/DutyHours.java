package no.samnav.gateway.registry;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a participant (the legevakt) is on duty, in Norwegian local time: one window for weekdays and
 * one for weekends, each {@code HH:mm-HH:mm}; a window that ends before it starts runs past
 * midnight ({@code 15:30-08:00}), {@code 00:00-24:00} is the whole day. A night that starts on a
 * Friday belongs to Friday's window until it ends on Saturday morning.
 */
public record DutyHours(Window weekdays, Window weekends) {

    /** The time zone the duty rosters are written in. */
    public static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

    private static final Pattern WINDOW = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");

    /** A daily window; {@code end} before {@code start} runs past midnight; null: none that day. */
    public record Window(LocalTime start, LocalTime end, boolean wholeDay) {

        static Window parse(String where, String text) {
            if (text == null || text.isBlank()) return null;
            Matcher m = WINDOW.matcher(text.trim());
            if (!m.matches()) {
                throw new InvalidCooperationException(where + "'" + text + "' is not a window HH:mm-HH:mm");
            }
            int sh = Integer.parseInt(m.group(1)), sm = Integer.parseInt(m.group(2));
            int eh = Integer.parseInt(m.group(3)), em = Integer.parseInt(m.group(4));
            if (sh > 23 || sm > 59 || eh > 24 || em > 59 || eh == 24 && em != 0) {
                throw new InvalidCooperationException(where + "'" + text + "' is not a time of day");
            }
            if (sh == 0 && sm == 0 && eh == 24) return new Window(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, true);
            return new Window(LocalTime.of(sh, sm), LocalTime.of(eh % 24, em), false);
        }

        /** Whether {@code time} on the day the window starts is in it (the same-day part). */
        boolean sameDay(LocalTime time) {
            if (wholeDay) return true;
            if (end.isAfter(start)) return !time.isBefore(start) && time.isBefore(end);
            return !time.isBefore(start);
        }

        /** Whether {@code time} on the day after the window started is in its overnight part. */
        boolean nextMorning(LocalTime time) {
            return !wholeDay && !end.isAfter(start) && time.isBefore(end);
        }
    }

    static DutyHours parse(String where, String weekdays, String weekends) {
        Window wd = Window.parse(where + "weekdays: ", weekdays);
        Window we = Window.parse(where + "weekends: ", weekends);
        if (wd == null && we == null) throw new InvalidCooperationException(where + "give weekdays or weekends");
        return new DutyHours(wd, we);
    }

    /** Whether the participant is on duty at {@code at}. */
    public boolean onDuty(Instant at) {
        ZonedDateTime local = at.atZone(NORWAY);
        Window today = windowOf(local.getDayOfWeek());
        if (today != null && today.sameDay(local.toLocalTime())) return true;
        Window yesterday = windowOf(local.getDayOfWeek().minus(1));
        return yesterday != null && yesterday.nextMorning(local.toLocalTime());
    }

    private Window windowOf(DayOfWeek day) {
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? weekends : weekdays;
    }
}
