package no.samnav.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link MessageStoreScenarios} on PostgreSQL ({@link PostgresTestDatabase}). */
class MessageStorePostgresIT extends MessageStoreScenarios {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
