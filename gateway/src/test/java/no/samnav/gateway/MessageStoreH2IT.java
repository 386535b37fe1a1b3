package no.samnav.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link MessageStoreScenarios} on the embedded H2 message store (the default). */
class MessageStoreH2IT extends MessageStoreScenarios {

    @Autowired
    JdbcTemplate jdbc;

    /**
     * The default URL's settings that the store's durability and speed rest on: every commit
     * written at once (else a killed gateway loses messages whose ids are already queued), and more
     * parsed statements kept per connection than one note's ingest runs (docs/benchmarks.md).
     */
    @Test
    void theEmbeddedStoreWritesEveryCommitAtOnceAndKeepsTheStatementsItHasParsed() {
        Map<String, String> settings = new HashMap<>();
        jdbc.query("SELECT setting_name, setting_value FROM information_schema.settings"
                + " WHERE setting_name IN ('WRITE_DELAY', 'QUERY_CACHE_SIZE')",
                rs -> { settings.put(rs.getString(1), rs.getString(2)); });
        assertThat(settings).containsEntry("WRITE_DELAY", "0");
        assertThat(Integer.parseInt(settings.get("QUERY_CACHE_SIZE"))).isGreaterThanOrEqualTo(64);
    }
}
