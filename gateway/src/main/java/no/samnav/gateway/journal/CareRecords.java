package no.samnav.gateway.journal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the access policy decides on, as recorded in the database: patients' objections, care
 * episodes, emergency access grants, and the messages the gateway carried about a patient.
 */
@Repository
public class CareRecords {

    /** A reservation or access restriction (Personvern), active from {@code validFrom} until withdrawn. */
    public record Objection(String id, String patientId, String kind, Instant validFrom, Instant withdrawnAt,
            String recordedBy, String recordedHpr, Instant recordedAt) {
    }

    /** An episode of care run by a service (e.g. the midwife service's pregnancy episode). */
    public record Episode(String id, String patientId, String service, String kind, String status, Instant start,
            Instant end, String employingMunicipality, String servingMunicipality, String recordedBy) {
    }

    /** A granted emergency access, to be followed up. */
    public record EmergencyAccess(String id, String patientId, String readerHpr, String readerOrgs, String clientId,
            String reason, Instant grantedAt, Instant expiresAt, Instant reviewedAt, String reviewNote) {
    }

    private final JdbcTemplate jdbc;

    public CareRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // objections

    public Objection recordObjection(String patientId, String kind, Instant validFrom, String recordedBy,
            String recordedHpr, Instant at) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO patient_objection (id, patient_id, kind, valid_from, recorded_by, recorded_hpr,"
                + " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", id, patientId, kind, Timestamp.from(validFrom),
                recordedBy, recordedHpr, Timestamp.from(at));
        return new Objection(id, patientId, kind, validFrom, null, recordedBy, recordedHpr, at);
    }

    /** Withdraws an objection; false when there is none with the id or it was withdrawn already. */
    public boolean withdrawObjection(String id, Instant at) {
        return jdbc.update("UPDATE patient_objection SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL",
                Timestamp.from(at), id) == 1;
    }

    public Optional<Objection> objection(String id) {
        return jdbc.query("SELECT " + OBJECTION + " FROM patient_objection WHERE id = ?", this::objectionRow, id)
                .stream().findFirst();
    }

    public List<Objection> objections(String patientId) {
        return jdbc.query("SELECT " + OBJECTION + " FROM patient_objection WHERE patient_id = ? ORDER BY recorded_at",
                this::objectionRow, patientId);
    }

    /** Whether an objection of the patient is in force at {@code at}. */
    public boolean objects(String patientId, Instant at) {
        Timestamp t = Timestamp.from(at);
        return !jdbc.queryForList("SELECT id FROM patient_objection WHERE patient_id = ? AND valid_from <= ?"
                + " AND (withdrawn_at IS NULL OR withdrawn_at > ?)", String.class, patientId, t, t).isEmpty();
    }

    private static final String OBJECTION = "id, patient_id, kind, valid_from, withdrawn_at, recorded_by,"
            + " recorded_hpr, recorded_at";

    private Objection objectionRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Objection(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                instant(rs.getTimestamp(5)), rs.getString(6), rs.getString(7), instant(rs.getTimestamp(8)));
    }

    // episodes

    public Episode openEpisode(String patientId, String service, String kind, Instant start, String employing,
            String serving, String recordedBy) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO care_episode (id, patient_id, service, kind, status, period_start,"
                + " employing_municipality, serving_municipality, recorded_by) VALUES (?, ?, ?, ?, 'active', ?, ?, ?, ?)",
                id, patientId, service, kind, Timestamp.from(start), employing, serving, recordedBy);
        return new Episode(id, patientId, service, kind, "active", start, null, employing, serving, recordedBy);
    }

    /** Ends an episode; false when there is no active one with the id. */
    public boolean finishEpisode(String id, Instant end) {
        return jdbc.update("UPDATE care_episode SET status = 'finished', period_end = ? WHERE id = ?"
                + " AND status = 'active'", Timestamp.from(end), id) == 1;
    }

    public Optional<Episode> episode(String id) {
        return jdbc.query("SELECT " + EPISODE + " FROM care_episode WHERE id = ?", this::episodeRow, id).stream().findFirst();
    }

    public List<Episode> episodes(String patientId) {
        return jdbc.query("SELECT " + EPISODE + " FROM care_episode WHERE patient_id = ? ORDER BY period_start",
                this::episodeRow, patientId);
    }

    /** Whether one of {@code services} has an active episode for the patient. */
    public boolean activeEpisode(String patientId, Collection<String> services) {
        if (services.isEmpty()) return false;
        List<Object> args = new ArrayList<>();
        args.add(patientId);
        args.addAll(services);
        return !jdbc.queryForList("SELECT id FROM care_episode WHERE patient_id = ? AND status = 'active' AND service IN ("
                + marks(services.size()) + ")", String.class, args.toArray()).isEmpty();
    }

    /** The patient's active episodes, oldest first. */
    public List<Episode> activeEpisodes(String patientId) {
        return jdbc.query("SELECT " + EPISODE + " FROM care_episode WHERE patient_id = ? AND status = 'active'"
                + " ORDER BY period_start", this::episodeRow, patientId);
    }

    /**
     * Links a message to an episode ({@code lab-result}: a result that followed it to {@code copyTo};
     * {@code gp-notice}: a notice sent about it). False when it was linked before.
     */
    public boolean linkMessage(String episodeId, String messageId, String kind, String copyTo, Instant at) {
        return jdbc.update("INSERT INTO episode_message (episode_id, message_id, kind, copy_to, linked_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", episodeId, messageId, kind, copyTo,
                Timestamp.from(at)) == 1;
    }

    /** The participant that got a copy of the message because of an episode, if one did. */
    public Optional<String> episodeCopyReceiver(String messageId) {
        return jdbc.queryForList("SELECT copy_to FROM episode_message WHERE message_id = ? AND copy_to IS NOT NULL",
                String.class, messageId).stream().findFirst();
    }

    /** Whether the message is a notice the gateway sent about an episode (its receipts stop at the gateway). */
    public boolean isGatewayNotice(String messageId) {
        return !jdbc.queryForList("SELECT kind FROM episode_message WHERE message_id = ? AND kind = 'gp-notice'",
                String.class, messageId).isEmpty();
    }

    /** A message linked to an episode. */
    public record LinkedMessage(String messageId, String kind, String copyTo, Instant linkedAt) {
    }

    public List<LinkedMessage> linkedMessages(String episodeId) {
        return jdbc.query("SELECT message_id, kind, copy_to, linked_at FROM episode_message WHERE episode_id = ?"
                + " ORDER BY linked_at", (rs, n) -> new LinkedMessage(rs.getString(1), rs.getString(2), rs.getString(3),
                        instant(rs.getTimestamp(4))), episodeId);
    }

    private static final String EPISODE = "id, patient_id, service, kind, status, period_start, period_end,"
            + " employing_municipality, serving_municipality, recorded_by";

    private Episode episodeRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Episode(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), rs.getString(8), rs.getString(9),
                rs.getString(10));
    }

    // emergency access

    public EmergencyAccess grantEmergencyAccess(String patientId, String hpr, String orgs, String clientId, String reason,
            Instant at, Instant expires) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO emergency_access (id, patient_id, reader_hpr, reader_orgs, client_id, reason, granted_at,"
                + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, patientId, hpr, orgs, clientId, reason,
                Timestamp.from(at), Timestamp.from(expires));
        return new EmergencyAccess(id, patientId, hpr, orgs, clientId, reason, at, expires, null, null);
    }

    /** The person's emergency access to the patient in force at {@code at}, if any. */
    public Optional<String> emergencyAccess(String patientId, String hpr, Instant at) {
        Timestamp t = Timestamp.from(at);
        return jdbc.queryForList("SELECT id FROM emergency_access WHERE patient_id = ? AND reader_hpr = ?"
                + " AND granted_at <= ? AND expires_at > ? ORDER BY expires_at DESC", String.class, patientId, hpr, t, t)
                .stream().findFirst();
    }

    /** Emergency accesses nobody has followed up yet, oldest first. */
    public List<EmergencyAccess> unreviewedEmergencyAccess() {
        return jdbc.query("SELECT " + EMERGENCY + " FROM emergency_access WHERE reviewed_at IS NULL ORDER BY granted_at",
                this::emergencyRow);
    }

    public Optional<EmergencyAccess> emergencyAccessById(String id) {
        return jdbc.query("SELECT " + EMERGENCY + " FROM emergency_access WHERE id = ?", this::emergencyRow, id)
                .stream().findFirst();
    }

    /** Records the follow-up of an emergency access; false when there is none with the id or it was followed up. */
    public boolean reviewEmergencyAccess(String id, String note, Instant at) {
        return jdbc.update("UPDATE emergency_access SET reviewed_at = ?, review_note = ? WHERE id = ? AND reviewed_at IS NULL",
                Timestamp.from(at), note, id) == 1;
    }

    private static final String EMERGENCY = "id, patient_id, reader_hpr, reader_orgs, client_id, reason, granted_at,"
            + " expires_at, reviewed_at, review_note";

    private EmergencyAccess emergencyRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new EmergencyAccess(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)),
                rs.getString(10));
    }

    // messages

    /** Whether one of the participants sent or received a message about the patient since {@code since}. */
    public boolean exchangedMessages(String patientId, Collection<String> participants, Instant since) {
        if (participants.isEmpty()) return false;
        List<Object> args = new ArrayList<>();
        args.add(patientId);
        args.add(Timestamp.from(since));
        args.addAll(participants);
        args.addAll(participants);
        String marks = marks(participants.size());
        return !jdbc.queryForList("SELECT m.id FROM message m WHERE m.patient_id = ? AND m.received_at >= ?"
                + " AND (m.channel IN (" + marks + ") OR EXISTS (SELECT 1 FROM delivery d WHERE d.message_id = m.id"
                + " AND d.participant IN (" + marks + "))) LIMIT 1", String.class, args.toArray()).isEmpty();
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
