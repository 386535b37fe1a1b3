package no.samnav.gateway.journal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail of the shared journal: one record per search, read, retrieve and emergency
 * access, allowed or denied (pasientjournalloven: the patient may see who read what).
 */
@Repository
public class AuditTrail {

    /** What was done. */
    public enum Action {
        SEARCH, READ, RETRIEVE, EMERGENCY_ACCESS,
        /** An operator of the gateway showed the patient's number in the console (purpose HOPERAT). */
        OPERATOR_REVEAL
    }

    /** One audit record; {@code documents} are DocumentReference ids; {@code detail} the basis or the denial. */
    public record Record(String id, Instant recorded, Action action, String readerHpr, String readerOrgs,
            String clientId, String patientId, List<String> documents, String purpose, boolean allowed, String detail,
            String emergencyAccessId) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditTrail(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records what a reader did, in a transaction of its own: a denial is recorded even when the request fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Record record(Action action, AccessPolicy.Reader reader, String patientId, List<String> documents,
            AccessPolicy.Decision decision) {
        String purpose = decision.basis() == AccessPolicy.Basis.EMERGENCY_ACCESS || action == Action.EMERGENCY_ACCESS
                ? "ETREAT" : "TREAT";
        String detail = decision.allowed() ? decision.basis().name() : decision.denial().name();
        Record r = new Record(UUID.randomUUID().toString(), clock.instant().truncatedTo(ChronoUnit.MICROS), action,
                reader.hprNumber(), String.join(",", reader.participants()), reader.clientId(), patientId,
                List.copyOf(documents), purpose, decision.allowed(), detail, decision.emergencyAccessId());
        String docs = String.join(",", documents);
        if (docs.length() > 4000) docs = docs.substring(0, docs.lastIndexOf(',', 3990)) + ",…";
        jdbc.update("INSERT INTO audit_event (id, recorded, action, reader_hpr, reader_orgs, client_id, patient_id,"
                + " documents, purpose, outcome, detail, emergency_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), Timestamp.from(r.recorded()), action.name(), r.readerHpr(), r.readerOrgs(), r.clientId(),
                patientId, docs, purpose, r.allowed() ? "success" : "denied", detail, r.emergencyAccessId());
        return r;
    }

    /**
     * Records that an operator showed a patient's number in the console, on a message: the patient
     * sees it in the access log, as any other look at her data.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Record recordOperatorReveal(String operator, String patientId, String messageId) {
        Record r = new Record(UUID.randomUUID().toString(), clock.instant().truncatedTo(ChronoUnit.MICROS),
                Action.OPERATOR_REVEAL, null, operator, "samnav-console", patientId, List.of(), "HOPERAT", true,
                "message " + messageId, null);
        jdbc.update("INSERT INTO audit_event (id, recorded, action, reader_hpr, reader_orgs, client_id, patient_id,"
                + " documents, purpose, outcome, detail, emergency_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), Timestamp.from(r.recorded()), r.action().name(), null, operator, r.clientId(), patientId, "",
                r.purpose(), "success", r.detail(), null);
        return r;
    }

    /** Every search, read and retrieve that concerned one document, newest first. */
    public List<Record> forDocument(String documentId, int limit) {
        return jdbc.query("SELECT id, recorded, action, reader_hpr, reader_orgs, client_id, patient_id, documents, purpose,"
                + " outcome, detail, emergency_id FROM audit_event WHERE documents LIKE ? ORDER BY recorded DESC, seq DESC"
                + " LIMIT ?", this::row, "%" + documentId + "%", limit);
    }

    /** Every access to one patient's documents, newest first. */
    public List<Record> forPatient(String patientId, int limit) {
        return jdbc.query("SELECT id, recorded, action, reader_hpr, reader_orgs, client_id, patient_id, documents, purpose,"
                + " outcome, detail, emergency_id FROM audit_event WHERE patient_id = ? ORDER BY recorded DESC, seq DESC"
                + " LIMIT ?", this::row, patientId, limit);
    }

    private Record row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Record(rs.getString(1), rs.getTimestamp(2).toInstant(), Action.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8) == null || rs.getString(8).isEmpty() ? List.of() : List.of(rs.getString(8).split(",")),
                rs.getString(9), "success".equals(rs.getString(10)), rs.getString(11), rs.getString(12));
    }
}
