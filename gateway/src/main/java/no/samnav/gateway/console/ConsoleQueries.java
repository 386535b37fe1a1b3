package no.samnav.gateway.console;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What the console's dashboard counts, straight from the message store. */
@Repository
public class ConsoleQueries {

    /**
     * Messages a participant sent of one type: in the last hour and day, and how many of the day's
     * were rejected or are dead-lettered now.
     */
    public record Sent(String participant, String messageType, long lastHour, long lastDay, long rejected,
            long deadLettered) {
    }

    /** Deliveries written to a participant's channel in the last hour and day, and those still waiting. */
    public record Received(String participant, long lastHour, long lastDay, long waiting) {
    }

    private final JdbcTemplate jdbc;

    public ConsoleQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** When each participant last sent a message (by channel). */
    public java.util.Map<String, Instant> lastSent() {
        java.util.Map<String, Instant> last = new java.util.HashMap<>();
        jdbc.query("SELECT channel, MAX(received_at) FROM message GROUP BY channel",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> last.put(rs.getString(1), rs.getTimestamp(2).toInstant()));
        return last;
    }

    /** When each participant last had a message written to its channel. */
    public java.util.Map<String, Instant> lastDelivered() {
        java.util.Map<String, Instant> last = new java.util.HashMap<>();
        jdbc.query("SELECT participant, MAX(delivered_at) FROM delivery WHERE delivered_at IS NOT NULL GROUP BY participant",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> last.put(rs.getString(1), rs.getTimestamp(2).toInstant()));
        return last;
    }

    /** Messages received in one 5-minute interval, and how long their deliveries took (ms, average and longest). */
    public record Interval(Instant start, long messages, long averageMillis, long longestMillis) {
    }

    /** The last two hours in 5-minute intervals, oldest first; intervals without messages left out. */
    public List<Interval> lastTwoHours(Instant now) {
        Timestamp since = Timestamp.from(now.minusSeconds(7200));
        // EXTRACT(EPOCH ...) is the same on H2 and PostgreSQL; bucketing in SQL keeps the rows few under load
        return jdbc.query("SELECT b, COUNT(DISTINCT id), COALESCE(AVG(latency), 0), COALESCE(MAX(latency), 0) FROM ("
                + " SELECT m.id, FLOOR(EXTRACT(EPOCH FROM m.received_at) / 300) AS b,"
                + " (EXTRACT(EPOCH FROM d.delivered_at) - EXTRACT(EPOCH FROM m.received_at)) * 1000 AS latency"
                + " FROM message m LEFT JOIN delivery d ON d.message_id = m.id WHERE m.received_at >= ?) t"
                + " GROUP BY b ORDER BY b",
                (rs, n) -> new Interval(Instant.ofEpochSecond(rs.getLong(1) * 300), rs.getLong(2),
                        Math.round(rs.getDouble(3)), Math.round(rs.getDouble(4))), since);
    }

    public List<Sent> sent(Instant now) {
        Timestamp hour = Timestamp.from(now.minusSeconds(3600)), day = Timestamp.from(now.minusSeconds(86_400));
        return jdbc.query("SELECT channel, COALESCE(message_type, '–'),"
                + " SUM(CASE WHEN received_at >= ? THEN 1 ELSE 0 END), COUNT(*),"
                + " SUM(CASE WHEN status = 'REJECTED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN status = 'DEAD_LETTERED' THEN 1 ELSE 0 END)"
                + " FROM message WHERE received_at >= ? GROUP BY channel, message_type ORDER BY channel, message_type",
                (rs, n) -> new Sent(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6)), hour, day);
    }

    public List<Received> received(Instant now) {
        Timestamp hour = Timestamp.from(now.minusSeconds(3600)), day = Timestamp.from(now.minusSeconds(86_400));
        return jdbc.query("SELECT d.participant, SUM(CASE WHEN d.delivered_at >= ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN d.delivered_at >= ? THEN 1 ELSE 0 END), SUM(CASE WHEN d.delivered_at IS NULL THEN 1 ELSE 0 END)"
                + " FROM delivery d JOIN message m ON m.id = d.message_id WHERE m.received_at >= ? OR d.delivered_at IS NULL"
                + " GROUP BY d.participant ORDER BY d.participant",
                (rs, n) -> new Received(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), hour, day, day);
    }
}
