package no.samnav.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link MessageStoreScenarios} on PostgreSQL ({@link PostgresTestDatabase}). */
class MessageStorePostgresIT extends MessageStoreScenarios {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;

    /**
     * H2's migration that takes the timeline's ids many at a time (V10_1) is not run here: each
     * PostgreSQL connection would cache a range of its own, and a timeline ordered by id would mix
     * up its steps.
     */
    @Test
    void theTimelinesIdsComeOneAtATimeFromOneSequence() {
        assertThat(jdbc.queryForObject("SELECT cache_size FROM pg_sequences"
                + " WHERE schemaname || '.' || sequencename = pg_get_serial_sequence('message_event', 'id')", Long.class))
                .isEqualTo(1L);
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success", String.class))
                .contains("10").doesNotContain("10.1");
    }
}
