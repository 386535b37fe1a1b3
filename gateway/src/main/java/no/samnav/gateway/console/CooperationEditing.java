package no.samnav.gateway.console;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samnav.gateway.config.SamnavProperties;
import no.samnav.gateway.registry.InvalidCooperationException;
import no.samnav.gateway.registry.ParticipantRegistry;
import no.samnav.gateway.reload.ReloadService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Editing the cooperation file from the console: the text is checked as the gateway would load it,
 * written in place of the file only when valid (temporary name, then an atomic rename), put in force
 * by the same reload as {@code POST /api/registry/reload}, and recorded with who and the file's
 * SHA-256 before and after. The bundled demo file cannot be edited: point
 * {@code samnav.cooperation-file} at a file first.
 */
@Service
public class CooperationEditing {

    /** A recorded change. */
    public record Change(Instant at, String operator, String shaBefore, String shaAfter, String summary) {
    }

    /** What a check found: the problem, or what the file describes. */
    public record Check(boolean valid, String message) {
    }

    private final SamnavProperties properties;
    private final ReloadService reload;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CooperationEditing(SamnavProperties properties, ReloadService reload, JdbcTemplate jdbc, Clock clock) {
        this.properties = properties;
        this.reload = reload;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The file being edited, or empty when the gateway runs the bundled demo. */
    public Optional<Path> file() {
        String f = properties.cooperationFile();
        return f == null || f.isBlank() ? Optional.empty() : Optional.of(Path.of(f).toAbsolutePath());
    }

    public String text() throws IOException {
        return Files.readString(file().orElseThrow(), StandardCharsets.UTF_8);
    }

    /** Whether the text is a cooperation file the gateway would load, and what it describes. */
    public Check check(String text) {
        Path file = file().orElseThrow();
        try {
            ParticipantRegistry r = ParticipantRegistry.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                    properties.dataDir(), file.getParent());
            return new Check(true, "Filen er gyldig: " + r.participants().size() + " deltakere, " + r.services().size()
                    + " tjenester, " + r.gpList().patients() + " pasienter på fastlegelisten.");
        } catch (InvalidCooperationException e) {
            return new Check(false, e.getMessage());
        }
    }

    /** Saves a valid text and reloads; returns what the reload changed, or the check that refused it. */
    public Check save(String text, String operator) throws Exception {
        Check check = check(text);
        if (!check.valid()) return check;
        Path file = file().orElseThrow();
        String before = sha256(Files.readAllBytes(file));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path tmp = file.resolveSibling("." + file.getFileName() + ".saving");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        ReloadService.Result result = reload.reload();
        String summary = "lagt til " + result.added() + ", endret " + result.changed() + ", fjernet " + result.removed();
        jdbc.update("INSERT INTO configuration_change (id, changed_at, operator, file, sha_before, sha_after, summary)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), Timestamp.from(clock.instant()), operator,
                file.toString(), before, sha256(bytes), summary);
        return new Check(true, "Lagret og lastet inn: " + summary + ".");
    }

    public List<Change> history(int limit) {
        return jdbc.query("SELECT changed_at, operator, sha_before, sha_after, summary FROM configuration_change"
                + " ORDER BY changed_at DESC LIMIT ?", (rs, n) -> new Change(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)), limit);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
