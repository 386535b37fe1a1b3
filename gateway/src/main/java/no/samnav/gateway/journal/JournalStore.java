package no.samnav.gateway.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shared journal's documents: each DocumentReference as JSON next to the columns ITI-67
 * searches on, and its content (original XML, HTML rendering) as binaries. A replaced document
 * stays, superseded; nothing is deleted.
 */
@Repository
public class JournalStore {

    /** A document as stored: the search columns and the DocumentReference's JSON. */
    public record Entry(String id, String masterId, String patientId, String typeCode, String category, Instant date,
            String authorHer, String authorHpr, String status, String publisher, String sourceMessageId,
            String replacesId, int version, Instant lastUpdated, String json) {
    }

    /**
     * One content item of a document: its bytes in {@code data}, or, for a document published from
     * a routed message, null and the {@code source} of the bytes in the message store.
     */
    public record Content(String id, String documentId, String contentType, byte[] data, Source source) {

        public Content(String id, String documentId, String contentType, byte[] data) {
            this(id, documentId, contentType, data, null);
        }
    }

    /** Where the bytes of a content item not stored with it are. */
    public enum Source {
        /** The source message's original bytes. */
        ORIGINAL,
        /** The HTML rendering of the source message, made when it is retrieved. */
        RENDERING
    }

    /** What ITI-67 asks for besides the patient; null or empty: any. */
    public record Criteria(List<String> statuses, List<String> typeCodes, List<String> categories, Instant from,
            Instant to, List<String> authorIds, int limit) {
    }

    private static final String COLUMNS = "id, master_id, patient_id, type_code, category, doc_date, author_her,"
            + " author_hpr, status, publisher, source_message_id, replaces_id, version, last_updated, resource_json";

    private static final RowMapper<Entry> ENTRY = JournalStore::entry;

    private final JdbcTemplate jdbc;

    public JournalStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new document and its content in one transaction; false (and nothing stored) when a
     * document with its master id or from its message is there already.
     */
    @Transactional
    public boolean insert(Entry e, List<Content> contents) {
        // ON CONFLICT, not a caught duplicate key: on PostgreSQL a failed statement aborts the caller's transaction
        int inserted = jdbc.update("INSERT INTO journal_document (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                e.id(), e.masterId(), e.patientId(), e.typeCode(), e.category(), Timestamp.from(e.date()),
                e.authorHer(), e.authorHpr(), e.status(), e.publisher(), e.sourceMessageId(), e.replacesId(),
                e.version(), Timestamp.from(e.lastUpdated()), e.json());
        if (inserted == 0) return false;
        for (Content c : contents) {
            jdbc.update("INSERT INTO journal_binary (id, document_id, content_type, data, source) VALUES (?, ?, ?, ?, ?)",
                    c.id(), e.id(), c.contentType(), c.data(), c.source() == null ? null : c.source().name());
        }
        return true;
    }

    /** Marks a document superseded by a new version, keeping its JSON in step. */
    @Transactional
    public void supersede(String id, String json, Instant at) {
        jdbc.update("UPDATE journal_document SET status = 'superseded', version = version + 1, last_updated = ?,"
                + " resource_json = ? WHERE id = ?", Timestamp.from(at), json, id);
    }

    public Optional<Entry> byId(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM journal_document WHERE id = ?", ENTRY, id).stream().findFirst();
    }

    public Optional<Entry> byMasterId(String masterId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM journal_document WHERE master_id = ?", ENTRY, masterId)
                .stream().findFirst();
    }

    public boolean publishedFrom(String messageId) {
        return documentPublishedFrom(messageId).isPresent();
    }

    /** The id of the DocumentReference published from the message, if it was. */
    public Optional<String> documentPublishedFrom(String messageId) {
        return jdbc.queryForList("SELECT id FROM journal_document WHERE source_message_id = ?", String.class, messageId)
                .stream().findFirst();
    }

    /** The documents of one patient that meet the criteria, newest first. */
    public List<Entry> find(String patientId, Criteria c) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM journal_document WHERE patient_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(patientId);
        in(sql, args, "status", c.statuses());
        in(sql, args, "type_code", c.typeCodes());
        in(sql, args, "category", c.categories());
        if (c.authorIds() != null && !c.authorIds().isEmpty()) {
            String marks = String.join(", ", java.util.Collections.nCopies(c.authorIds().size(), "?"));
            sql.append(" AND (author_her IN (").append(marks).append(") OR author_hpr IN (").append(marks).append("))");
            args.addAll(c.authorIds());
            args.addAll(c.authorIds());
        }
        if (c.from() != null) {
            sql.append(" AND doc_date >= ?");
            args.add(Timestamp.from(c.from()));
        }
        if (c.to() != null) {
            sql.append(" AND doc_date < ?");
            args.add(Timestamp.from(c.to()));
        }
        sql.append(" ORDER BY doc_date DESC, id LIMIT ?");
        args.add(c.limit());
        return jdbc.query(sql.toString(), ENTRY, args.toArray());
    }

    private static void in(StringBuilder sql, List<Object> args, String column, List<String> values) {
        if (values == null || values.isEmpty()) return;
        sql.append(" AND ").append(column).append(" IN (")
                .append(String.join(", ", java.util.Collections.nCopies(values.size(), "?"))).append(')');
        args.addAll(values);
    }

    public Optional<Content> content(String binaryId) {
        return jdbc.query("SELECT id, document_id, content_type, data, source FROM journal_binary WHERE id = ?",
                (rs, n) -> new Content(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                        rs.getString(5) == null ? null : Source.valueOf(rs.getString(5))), binaryId)
                .stream().findFirst();
    }

    public long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM journal_document", Long.class);
    }

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getInt(13), rs.getTimestamp(14).toInstant(), rs.getString(15));
    }
}
