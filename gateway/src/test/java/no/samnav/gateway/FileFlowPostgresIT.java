package no.samnav.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link FileFlowScenarios} on PostgreSQL ({@link PostgresTestDatabase}). */
class FileFlowPostgresIT extends FileFlowScenarios {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
