package no.samnav.gateway;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL the {@code *PostgresIT} classes run against: the JDBC URL from the system property
 * {@code samnav.test.postgres-url} or the environment variable {@code SAMNAV_TEST_POSTGRES_URL},
 * user and password from {@code SAMNAV_TEST_PG_USER} / {@code SAMNAV_TEST_PG_PASSWORD}. Each test
 * class gets a fresh schema ({@code samnav_it_<random>}), created and migrated by Flyway, so every
 * run proves the migrations from an empty database. When the URL is missing the context does not
 * start and the tests fail: they are never skipped (the build leaves them out only outside CI when no
 * PostgreSQL is configured; see gateway/pom.xml).
 */
final class PostgresTestDatabase {

    private PostgresTestDatabase() {
    }

    static void register(DynamicPropertyRegistry registry) {
        String url = setting("samnav.test.postgres-url", "SAMNAV_TEST_POSTGRES_URL");
        if (url == null) {
            throw new IllegalStateException("The PostgreSQL integration tests need a database: set SAMNAV_TEST_POSTGRES_URL"
                    + " (or -Dsamnav.test.postgres-url), e.g. jdbc:postgresql://localhost:5432/samnav_ci, with"
                    + " SAMNAV_TEST_PG_USER and SAMNAV_TEST_PG_PASSWORD; .ci/run sets them up");
        }
        String schema = "samnav_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String withSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        registry.add("spring.datasource.url", () -> withSchema);
        registry.add("spring.datasource.username", () -> setting(null, "SAMNAV_TEST_PG_USER"));
        registry.add("spring.datasource.password", () -> setting(null, "SAMNAV_TEST_PG_PASSWORD"));
        registry.add("spring.flyway.schemas", () -> schema);
    }

    private static String setting(String property, String environmentVariable) {
        String value = property == null ? null : System.getProperty(property);
        if (value == null || value.isBlank()) value = System.getenv(environmentVariable);
        return value == null || value.isBlank() ? null : value;
    }
}
