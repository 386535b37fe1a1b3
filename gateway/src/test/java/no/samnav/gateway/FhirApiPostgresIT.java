package no.samnav.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link FhirApiScenarios} on PostgreSQL ({@link PostgresTestDatabase}). */
class FhirApiPostgresIT extends FhirApiScenarios {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
