package no.samnav.gateway.store;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import no.samnav.gateway.config.SamnavProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Rewrites the embedded H2 store's file to its live data when the gateway starts, before the
 * connection pool, Flyway or a route opens it.
 * <p>
 * The embedded store writes each commit at once ({@code WRITE_DELAY=0}, so that a killed gateway
 * loses nothing), and H2 then never reclaims the space of old versions while it runs: the file
 * grows by 120–170 KB per message. H2's online compaction ({@code MVStore.compact}) would reclaim
 * it, but H2 describes a race in it under concurrent writes that fails commits with "Position 0"
 * and closes the store (h2database#4374, fixed after the H2 this gateway uses); the gateway's load
 * runs with ZGC met the same failure, with and without it (docs/benchmarks.md). This uses H2's
 * offline {@code SHUTDOWN COMPACT} instead, with no other user of the file: H2 copies the live
 * data into a new file and moves it over the old one atomically, and removes a half-written
 * copy the next time it opens the store, so a gateway killed during the compaction starts with the
 * old file. It also warns when the JVM's collector is one the embedded store failed with.
 */
@Component
public class EmbeddedStoreCompactor implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreCompactor.class);

    private final ObjectProvider<SamnavProperties> properties;

    // a provider: a BeanPostProcessor is created before the ordinary beans; the settings are
    // bound when the data source appears
    public EmbeddedStoreCompactor(ObjectProvider<SamnavProperties> properties) {
        this.properties = properties;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof HikariDataSource pool) || pool.isRunning()) return bean;
        Optional<Path> file = EmbeddedStoreFile.of(pool.getJdbcUrl());
        if (file.isEmpty()) return bean;
        collectorWarning(ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .toList()).ifPresent(log::warn);
        if (properties.getObject().store().compactOnStart() && Files.isRegularFile(file.get())) {
            compact(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(), file.get());
        }
        return bean;
    }

    /**
     * A warning when the JVM runs ZGC: in two load-harness runs with ZGC the embedded H2 store
     * (2.3.232) failed commits with "Position 0" and then reported itself corrupted, with or
     * without compaction; never in the runs with G1, the JVM's default (docs/benchmarks.md).
     */
    static Optional<String> collectorWarning(List<String> collectorNames) {
        if (collectorNames.stream().noneMatch(name -> name.startsWith("ZGC"))) return Optional.empty();
        return Optional.of("the JVM runs ZGC; under load the embedded H2 message store failed and reported itself"
                + " corrupted with it: run the embedded store with the default collector (G1), or use PostgreSQL");
    }

    /**
     * Compacts the closed H2 file store at {@code jdbcUrl}. A failure leaves the old file in place
     * and is logged: the gateway then starts on it as before.
     */
    static void compact(String jdbcUrl, String user, String password, Path file) {
        try {
            long before = Files.size(file);
            long started = System.nanoTime();
            try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            }
            long after = Files.size(file);
            log.info("embedded message store compacted at start: {} MB to {} MB in {} ms", megabytes(before),
                    megabytes(after), (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException | IOException e) {
            log.warn("embedded message store not compacted at start, starting on it as it is: {}", e.toString());
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
