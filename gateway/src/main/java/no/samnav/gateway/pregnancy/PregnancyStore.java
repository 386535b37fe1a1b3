package no.samnav.gateway.pregnancy;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The pregnancy records as stored (Flyway V6): one row per pregnancy, one per antenatal check, and
 * the FHIR resources of each record as JSON, the form the FHIR API serves.
 */
@Repository
public class PregnancyStore {

    /** A pregnancy: the episode of the midwife service and what the card's header shows. */
    public record Pregnancy(String episodeId, String patientId, String familyName, String givenNames,
            String servingMunicipality, String employingMunicipality, LocalDate termDate, Consent consent,
            Instant consentChangedAt, String cardDocumentId, int cardVersion, Instant createdAt, Instant updatedAt,
            String episodeStatus) {

        public String displayName() {
            return givenNames + " " + familyName;
        }

        public boolean active() {
            return "active".equals(episodeStatus);
        }
    }

    /** The woman's consent to share the card beyond the midwife service and her GP. */
    public enum Consent {
        GIVEN("given"), NOT_GIVEN("not-given"), WITHDRAWN("withdrawn");

        private final String code;

        Consent(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Consent of(String code) {
            for (Consent c : values()) if (c.code.equals(code)) return c;
            throw new IllegalStateException("unknown consent state " + code);
        }
    }

    /** The columns of a check the list and the monthly report use; the content is in its FHIR resources. */
    public record CheckRow(String id, String episodeId, LocalDate date, String office, String officeMunicipality,
            String seenByHpr, String seenByRole, Instant recordedAt, String gpNoticeMessageId) {
    }

    /** A stored FHIR resource of a record. */
    public record StoredResource(String type, String id, String checkId, Instant lastUpdated, String json) {
    }

    /** One line of the monthly report. */
    public record ReportLine(String officeMunicipality, String office, String servingMunicipality, long checks,
            long women) {
    }

    private final JdbcTemplate jdbc;

    public PregnancyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final String PREGNANCY = "p.episode_id, p.patient_id, p.family_name, p.given_names,"
            + " p.serving_municipality, p.employing_municipality, p.term_date, p.sharing_consent, p.consent_changed_at,"
            + " p.card_document_id, p.card_version, p.created_at, p.updated_at, e.status";
    private static final String FROM = " FROM pregnancy p JOIN care_episode e ON e.id = p.episode_id";

    public void insert(Pregnancy p) {
        jdbc.update("INSERT INTO pregnancy (episode_id, patient_id, family_name, given_names, serving_municipality,"
                + " employing_municipality, term_date, sharing_consent, consent_changed_at, card_version, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", p.episodeId(), p.patientId(), p.familyName(),
                p.givenNames(), p.servingMunicipality(), p.employingMunicipality(), Date.valueOf(p.termDate()),
                p.consent().code(), ts(p.consentChangedAt()), ts(p.createdAt()), ts(p.updatedAt()));
    }

    public Optional<Pregnancy> byEpisode(String episodeId) {
        return jdbc.query("SELECT " + PREGNANCY + FROM + " WHERE p.episode_id = ?", this::pregnancy, episodeId)
                .stream().findFirst();
    }

    /** The pregnancies of one service, active ones first, then by term date. */
    public List<Pregnancy> ofService(String service, boolean activeOnly) {
        return jdbc.query("SELECT " + PREGNANCY + FROM + " WHERE e.service = ?" + (activeOnly ? " AND e.status = 'active'" : "")
                + " ORDER BY e.status, p.term_date", this::pregnancy, service);
    }

    /** All the patient's pregnancies, oldest first. */
    public List<Pregnancy> ofPatient(String patientId) {
        return jdbc.query("SELECT " + PREGNANCY + FROM + " WHERE p.patient_id = ? ORDER BY p.created_at",
                this::pregnancy, patientId);
    }

    /** The patient's active pregnancy episodes. */
    public List<Pregnancy> activeOf(String patientId) {
        return jdbc.query("SELECT " + PREGNANCY + FROM + " WHERE p.patient_id = ? AND e.status = 'active'",
                this::pregnancy, patientId);
    }

    public void updateTermDate(String episodeId, LocalDate termDate, Instant at) {
        jdbc.update("UPDATE pregnancy SET term_date = ?, updated_at = ? WHERE episode_id = ?", Date.valueOf(termDate),
                ts(at), episodeId);
    }

    public void updateConsent(String episodeId, Consent consent, Instant at) {
        jdbc.update("UPDATE pregnancy SET sharing_consent = ?, consent_changed_at = ?, updated_at = ? WHERE episode_id = ?",
                consent.code(), ts(at), ts(at), episodeId);
    }

    public void touch(String episodeId, Instant at) {
        jdbc.update("UPDATE pregnancy SET updated_at = ? WHERE episode_id = ?", ts(at), episodeId);
    }

    public void cardPublished(String episodeId, String documentId, int version) {
        jdbc.update("UPDATE pregnancy SET card_document_id = ?, card_version = ? WHERE episode_id = ?", documentId, version,
                episodeId);
    }

    // checks

    public void insertCheck(CheckRow c) {
        jdbc.update("INSERT INTO antenatal_check (id, episode_id, check_date, office, office_municipality, seen_by_hpr,"
                + " seen_by_role, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", c.id(), c.episodeId(), Date.valueOf(c.date()),
                c.office(), c.officeMunicipality(), c.seenByHpr(), c.seenByRole(), ts(c.recordedAt()));
    }

    public void gpNoticeSent(String checkId, String messageId) {
        jdbc.update("UPDATE antenatal_check SET gp_notice_message_id = ? WHERE id = ?", messageId, checkId);
    }

    public List<CheckRow> checks(String episodeId) {
        return jdbc.query("SELECT id, episode_id, check_date, office, office_municipality, seen_by_hpr, seen_by_role,"
                + " recorded_at, gp_notice_message_id FROM antenatal_check WHERE episode_id = ? ORDER BY check_date, recorded_at",
                (rs, n) -> new CheckRow(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), instant(rs.getTimestamp(8)), rs.getString(9)),
                episodeId);
    }

    /**
     * Checks per municipality where they took place, office and the woman's municipality in one month
     * of one service: the refund goes to the municipality where the check took place.
     */
    public List<ReportLine> monthlyReport(String service, YearMonth month) {
        return jdbc.query("SELECT c.office_municipality, c.office, p.serving_municipality, COUNT(*),"
                + " COUNT(DISTINCT p.episode_id) FROM antenatal_check c JOIN pregnancy p ON p.episode_id = c.episode_id"
                + " JOIN care_episode e ON e.id = p.episode_id WHERE e.service = ? AND c.check_date >= ? AND c.check_date < ?"
                + " GROUP BY c.office_municipality, c.office, p.serving_municipality"
                + " ORDER BY c.office_municipality, c.office, p.serving_municipality",
                (rs, n) -> new ReportLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)),
                service, Date.valueOf(month.atDay(1)), Date.valueOf(month.plusMonths(1).atDay(1)));
    }

    /** How many different women the service saw in the month. */
    public long womenSeen(String service, YearMonth month) {
        Long n = jdbc.queryForObject("SELECT COUNT(DISTINCT c.episode_id) FROM antenatal_check c JOIN care_episode e"
                + " ON e.id = c.episode_id WHERE e.service = ? AND c.check_date >= ? AND c.check_date < ?", Long.class,
                service, Date.valueOf(month.atDay(1)), Date.valueOf(month.plusMonths(1).atDay(1)));
        return n == null ? 0 : n;
    }

    // FHIR resources

    public void putResource(String episodeId, String checkId, String type, String id, String json, Instant at) {
        int updated = jdbc.update("UPDATE pregnancy_resource SET resource_json = ?, last_updated = ?, check_id = ?"
                + " WHERE resource_type = ? AND id = ?", json, ts(at), checkId, type, id);
        if (updated == 0) {
            jdbc.update("INSERT INTO pregnancy_resource (resource_type, id, episode_id, check_id, last_updated,"
                    + " resource_json) VALUES (?, ?, ?, ?, ?, ?)", type, id, episodeId, checkId, ts(at), json);
        }
    }

    /** Removes the record's resources of the given types that are not part of a check (the background, before it is written again). */
    public void deleteBackground(String episodeId, List<String> types) {
        for (String type : types) {
            jdbc.update("DELETE FROM pregnancy_resource WHERE episode_id = ? AND resource_type = ? AND check_id IS NULL",
                    episodeId, type);
        }
    }

    public List<StoredResource> resources(String episodeId) {
        return jdbc.query("SELECT resource_type, id, check_id, last_updated, resource_json FROM pregnancy_resource"
                + " WHERE episode_id = ? ORDER BY seq", this::resource, episodeId);
    }

    public Optional<StoredResource> resource(String type, String id) {
        return jdbc.query("SELECT resource_type, id, check_id, last_updated, resource_json FROM pregnancy_resource"
                + " WHERE resource_type = ? AND id = ?", this::resource, type, id).stream().findFirst();
    }

    /** The episode a stored resource belongs to. */
    public Optional<String> episodeOf(String type, String id) {
        return jdbc.queryForList("SELECT episode_id FROM pregnancy_resource WHERE resource_type = ? AND id = ?",
                String.class, type, id).stream().findFirst();
    }

    private StoredResource resource(ResultSet rs, int n) throws SQLException {
        return new StoredResource(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                rs.getString(5));
    }

    private Pregnancy pregnancy(ResultSet rs, int n) throws SQLException {
        return new Pregnancy(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getDate(7).toLocalDate(), Consent.of(rs.getString(8)), instant(rs.getTimestamp(9)),
                rs.getString(10), rs.getInt(11), instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13)),
                rs.getString(14));
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
