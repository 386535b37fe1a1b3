package no.samnav.gateway.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The message store (SQL, migrations by Flyway): messages with their original bytes and canonical
 * FHIR, the status timeline, and one translated payload per receiver. The unique message id makes
 * a resubmission find the first outcome instead of creating a second message.
 */
@Repository
public class MessageStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public MessageStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The result of storing a received message. */
    public record Stored(StoredMessage message, boolean duplicate) {
    }

    /** Stores a newly received message, or returns the one already stored under its message id. */
    @Transactional
    public Stored receive(NewMessage m) {
        // the insert first: a new message (nearly every one) then costs no lookup
        String id = StoreIds.next();
        // the columns keep microseconds: what receive returns equals what byId reads later
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // ON CONFLICT, not a caught duplicate key: on PostgreSQL a failed statement aborts the transaction
        int inserted = jdbc.update("INSERT INTO message (id, msg_id, kind, standard, message_type, channel, sender_her,"
                        + " receiver_her, patient_id, conversation_ref, status, received_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                id, m.msgId(), m.kind(), m.standard(), m.messageType(), m.channel(), m.senderHer(), m.receiverHer(),
                m.patientId(), m.conversationRef(), MessageStatus.RECEIVED.name(), Timestamp.from(now));
        if (inserted == 0) { // stored before, or just now by another node
            return new Stored(byMsgId(m.msgId()).orElseThrow(() -> new IllegalStateException("message id " + m.msgId()
                    + " is taken in the message store, but no message under it can be read")), true);
        }
        jdbc.update("INSERT INTO message_content (message_id, original, fhir_json) VALUES (?, ?, ?)",
                id, m.original(), m.fhirJson());
        event(id, MessageStatus.RECEIVED, "from channel " + m.channel());
        return new Stored(new StoredMessage(id, m.msgId(), m.kind(), m.standard(), m.messageType(), m.channel(),
                m.senderHer(), m.receiverHer(), m.conversationRef(), MessageStatus.RECEIVED, now), false);
    }

    /**
     * Moves a message from {@code from} to {@code to} and records the step on its timeline, naming the
     * participant it concerns; false (nothing changed) when the message is not in state {@code from}.
     */
    @Transactional
    public boolean statusFrom(String id, MessageStatus from, MessageStatus to, String detail, String participant) {
        if (jdbc.update("UPDATE message SET status = ? WHERE id = ? AND status = ?", to.name(), id, from.name()) == 0) {
            return false;
        }
        event(id, to, detail, participant);
        return true;
    }

    /** Moves a message to {@code status} and records the step on its timeline. */
    @Transactional
    public void status(String id, MessageStatus status, String detail) {
        status(id, status, detail, null);
    }

    /** Moves a message to {@code status} and records the step on its timeline, naming the participant it concerns. */
    @Transactional
    public void status(String id, MessageStatus status, String detail, String participant) {
        jdbc.update("UPDATE message SET status = ? WHERE id = ?", status.name(), id);
        event(id, status, detail, participant);
    }

    private void event(String id, MessageStatus status, String detail) {
        event(id, status, detail, null);
    }

    private void event(String id, MessageStatus status, String detail, String participant) {
        jdbc.update("INSERT INTO message_event (message_id, status, at, detail, participant) VALUES (?, ?, ?, ?, ?)",
                id, status.name(), Timestamp.from(clock.instant()), detail == null ? null : truncate(detail), participant);
    }

    private static String truncate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
    }

    public Optional<StoredMessage> byId(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM message WHERE id = ?", MESSAGE, id).stream().findFirst();
    }

    public Optional<StoredMessage> byMsgId(String msgId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM message WHERE msg_id = ?", MESSAGE, msgId).stream().findFirst();
    }

    /** A message by the gateway's id or, failing that, by its own message id (MsgId). */
    public Optional<StoredMessage> byIdOrMsgId(String id) {
        return byId(id).or(() -> byMsgId(id));
    }

    /** The messages that meet every criterion of the query, newest first. */
    public List<StoredMessage> find(MessageQuery query) {
        MessageQuery.Where where = query.where();
        List<Object> args = new ArrayList<>(where.args());
        args.add(query.limit());
        return jdbc.query("SELECT " + COLUMNS + " FROM message" + where.sql() + " ORDER BY received_at DESC, id LIMIT ?",
                MESSAGE, args.toArray());
    }

    /** The patient identifier (FNR or D-number) a message concerns, or null; for answers to the message's own sender. */
    public String patientOf(String id) {
        List<String> found = jdbc.query("SELECT patient_id FROM message WHERE id = ?", (rs, n) -> rs.getString(1), id);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The original bytes of a message, as received. */
    public byte[] original(String id) {
        return jdbc.queryForObject("SELECT original FROM message_content WHERE message_id = ?", byte[].class, id);
    }

    /** The canonical FHIR Bundle (JSON) of a message. */
    public String fhirJson(String id) {
        return jdbc.queryForObject("SELECT fhir_json FROM message_content WHERE message_id = ?", String.class, id);
    }

    /** The timeline of a message, oldest first. */
    public List<String> timeline(String id) {
        return jdbc.query("SELECT status FROM message_event WHERE message_id = ? ORDER BY id",
                (rs, n) -> rs.getString(1), id);
    }

    /** One step on a message's timeline; {@code participant} is set where the step concerns one receiver. */
    public record Event(MessageStatus status, Instant at, String participant, String detail) {
    }

    /** The timeline of a message with times and details, oldest first. */
    public List<Event> events(String id) {
        return jdbc.query("SELECT status, at, participant, detail FROM message_event WHERE message_id = ? ORDER BY id",
                (rs, n) -> new Event(MessageStatus.valueOf(rs.getString("status")), rs.getTimestamp("at").toInstant(),
                        rs.getString("participant"), rs.getString("detail")), id);
    }

    /** A message whose latest status is DEAD_LETTERED, with the participant and reason of its last dead-lettering. */
    public record DeadLetter(StoredMessage message, String participant, String reason, Instant at) {
    }

    /** The dead-lettered messages, oldest dead letter first; all of them, or those to one participant. */
    public List<DeadLetter> deadLetters(String participant) {
        String sql = "SELECT " + COLUMNS.replaceAll("(\\w+)", "m.$1")
                + ", e.participant AS dl_participant, e.detail AS dl_reason, e.at AS dl_at"
                + " FROM message m JOIN message_event e ON e.message_id = m.id"
                + " WHERE m.status = ? AND e.id = (SELECT MAX(x.id) FROM message_event x"
                + " WHERE x.message_id = m.id AND x.status = ?)"
                + (participant == null ? "" : " AND e.participant = ?")
                + " ORDER BY e.at, m.id";
        List<Object> args = new ArrayList<>(List.of(MessageStatus.DEAD_LETTERED.name(), MessageStatus.DEAD_LETTERED.name()));
        if (participant != null) args.add(participant);
        return jdbc.query(sql, (rs, n) -> new DeadLetter(MESSAGE.mapRow(rs, n), rs.getString("dl_participant"),
                rs.getString("dl_reason"), rs.getTimestamp("dl_at").toInstant()), args.toArray());
    }

    /**
     * A translated payload waiting for, or delivered to, one receiver, with the time its message was
     * received (for the end-to-end latency, without another read).
     */
    public record Delivery(String messageId, String participant, String fileName, String standard, byte[] payload,
            boolean delivered, Instant receivedAt) {
    }

    /** Records the payload for a receiver once; a second call for the same pair keeps the first. */
    @Transactional
    public void prepareDelivery(String messageId, String participant, String fileName, String standard, byte[] payload,
            String lossReport) {
        // ON CONFLICT, not a caught duplicate key: on PostgreSQL a failed statement aborts the transaction
        int inserted = jdbc.update("INSERT INTO delivery (message_id, participant, file_name, standard, loss_report)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", messageId, participant, fileName, standard, lossReport);
        if (inserted == 0) return; // prepared before: same message, same translation
        jdbc.update("INSERT INTO delivery_content (message_id, participant, payload) VALUES (?, ?, ?)",
                messageId, participant, payload);
    }

    public Optional<Delivery> delivery(String messageId, String participant) {
        return jdbc.query("SELECT d.message_id, d.participant, d.file_name, d.standard, c.payload, d.delivered_at,"
                + " m.received_at FROM delivery d"
                + " JOIN delivery_content c ON c.message_id = d.message_id AND c.participant = d.participant"
                + " JOIN message m ON m.id = d.message_id"
                + " WHERE d.message_id = ? AND d.participant = ?", (rs, n) -> new Delivery(
                rs.getString("message_id"), rs.getString("participant"), rs.getString("file_name"),
                rs.getString("standard"), rs.getBytes("payload"), rs.getTimestamp("delivered_at") != null,
                rs.getTimestamp("received_at").toInstant()), messageId, participant).stream().findFirst();
    }

    /** What the store knows of one delivery, without its payload. */
    public record DeliveryRecord(String participant, String standard, String fileName, Instant deliveredAt,
            String lossReport) {
    }

    /** The deliveries of a message (one per receiver; the sender's for a receipt or rejection). */
    public List<DeliveryRecord> deliveries(String messageId) {
        return jdbc.query("SELECT participant, standard, file_name, delivered_at, loss_report FROM delivery"
                + " WHERE message_id = ? ORDER BY participant", (rs, n) -> {
                    Timestamp at = rs.getTimestamp("delivered_at");
                    return new DeliveryRecord(rs.getString("participant"), rs.getString("standard"),
                            rs.getString("file_name"), at == null ? null : at.toInstant(), rs.getString("loss_report"));
                }, messageId);
    }

    /** Messages prepared for {@code participant} and not yet delivered, oldest first (a FHIR participant's mailbox). */
    public List<String> waitingFor(String participant, int limit) {
        return jdbc.query("SELECT d.message_id FROM delivery d JOIN message m ON m.id = d.message_id"
                + " WHERE d.participant = ? AND d.delivered_at IS NULL ORDER BY m.received_at, m.id LIMIT ?",
                (rs, n) -> rs.getString(1), participant, limit);
    }

    /** The loss report of a delivery, or null. */
    public String lossReport(String messageId, String participant) {
        List<String> reports = jdbc.query("SELECT loss_report FROM delivery WHERE message_id = ? AND participant = ?",
                (rs, n) -> rs.getString(1), messageId, participant);
        return reports.isEmpty() ? null : reports.get(0);
    }

    /**
     * Records that the payload was written to the participant's channel; false when it was recorded
     * before (by a concurrent or earlier delivery of the same order), so that the caller does not
     * publish it a second time.
     */
    @Transactional
    public boolean delivered(String messageId, String participant) {
        return delivered(messageId, participant, null);
    }

    /**
     * As {@link #delivered(String, String)}, for one delivery attempt: also true when this attempt
     * ({@code attempt}, not null) recorded it before, i.e. its earlier commit went through although
     * its answer was lost.
     */
    @Transactional
    public boolean delivered(String messageId, String participant, String attempt) {
        if (jdbc.update("UPDATE delivery SET delivered_at = ?, delivered_by = ? WHERE message_id = ? AND participant = ?"
                + " AND delivered_at IS NULL", Timestamp.from(clock.instant()), attempt, messageId, participant) == 1) {
            return true;
        }
        return attempt != null && jdbc.queryForList("SELECT delivered_by FROM delivery WHERE message_id = ?"
                + " AND participant = ?", String.class, messageId, participant).contains(attempt);
    }

    /** The message columns but the payloads. */
    private static final String COLUMNS = "id, msg_id, kind, standard, message_type, channel, sender_her, receiver_her,"
            + " conversation_ref, status, received_at";

    private static final RowMapper<StoredMessage> MESSAGE = (rs, n) -> new StoredMessage(rs.getString("id"),
            rs.getString("msg_id"), rs.getString("kind"), rs.getString("standard"), rs.getString("message_type"),
            rs.getString("channel"), rs.getString("sender_her"), rs.getString("receiver_her"),
            rs.getString("conversation_ref"), MessageStatus.valueOf(rs.getString("status")),
            rs.getTimestamp("received_at").toInstant());
}
