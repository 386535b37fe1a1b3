package no.samnav.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SharedJournalScenarios} on PostgreSQL ({@link PostgresTestDatabase}). */
class SharedJournalPostgresIT extends SharedJournalScenarios {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
