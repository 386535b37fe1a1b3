package no.samnav.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import no.samnav.gateway.store.MessageStatus;
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

    /**
     * H2 writes an identity's next value ahead in a commit of its own, which writes every changed
     * page of the store: the timeline's ids are taken 4,096 at a time (Flyway V10_1, H2 only;
     * docs/benchmarks.md), and H2's one counter keeps a timeline in the order of its steps.
     */
    @Test
    void theTimelinesIdsAreTakenManyAtATimeAndKeepTheirOrder() {
        assertThat(jdbc.queryForObject("SELECT identity_cache FROM information_schema.columns"
                + " WHERE table_name = 'message_event' AND column_name = 'id'", Long.class)).isEqualTo(4096L);
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success", String.class))
                .contains("10.1");
        String id = store.receive(message(UUID.randomUUID().toString(), "<order/>")).message().id();
        store.status(id, MessageStatus.ROUTED, "routed");
        store.status(id, MessageStatus.DELIVERED, "written");
        assertThat(store.timeline(id)).containsExactly("RECEIVED", "ROUTED", "DELIVERED");
    }
}
