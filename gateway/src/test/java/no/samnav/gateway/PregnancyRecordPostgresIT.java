package no.samnav.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link PregnancyRecordScenarios} on PostgreSQL ({@link PostgresTestDatabase}). */
class PregnancyRecordPostgresIT extends PregnancyRecordScenarios {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
