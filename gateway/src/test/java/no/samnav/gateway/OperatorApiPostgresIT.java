package no.samnav.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link OperatorApiScenarios} on PostgreSQL ({@link PostgresTestDatabase}). */
class OperatorApiPostgresIT extends OperatorApiScenarios {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
