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
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import no.samnav.gateway.config.SamnavProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Rewrites the embedded H2 store's file to its live data when the gateway starts after a clean
 * stop, before the connection pool, Flyway or a route opens it.
 * <p>
 * The embedded store writes each commit at once ({@code WRITE_DELAY=0}, so that a killed gateway
 * loses nothing), and H2 then never reclaims the space of old versions while it runs: the file
 * grows by about 40 KB per message (H2 2.5; 120–170 KB with 2.3). H2's online compaction
 * ({@code MVStore.compact}) reclaimed half of that with H2 2.3, under a race that failed commits
 * (h2database#4374, fixed in 2.5); with 2.5 it left the file only 8 % smaller in a load run, as H2
 * rewrites no chunk younger than its retention time (docs/benchmarks.md). This uses H2's
 * offline {@code SHUTDOWN COMPACT} instead, with no other user of the file: H2 copies the live
 * data into a new file and moves it over the old one atomically, and removes a half-written
 * copy the next time it opens the store, so a gateway killed during the compaction starts with the
 * old file.
 * <p>
 * Only after a clean stop: the gateway closes the store with {@code SHUTDOWN} when it stops and
 * then leaves a marker file next to it, which the next start removes. A store the gateway did not
 * close (killed, crashed, the machine lost power) is opened once by {@link EmbeddedStoreRecovery},
 * which lets H2 recover it and settles the transactions the kill caught in the middle, whose row
 * locks H2's recovery leaves behind (docs/reliability.md); it is compacted at the first start after
 * a clean stop.
 * <p>
 * It also warns when the JVM's collector is one the embedded store failed with.
 */
@Component
public class EmbeddedStoreCompactor implements DestructionAwareBeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreCompactor.class);

    /** Appended to the store file's name: the marker of a clean stop. */
    static final String CLEAN_STOP_SUFFIX = ".clean-stop";

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
        atStart(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(), file.get(),
                properties.getObject().store().compactOnStart());
        return bean;
    }

    @Override
    public boolean requiresDestruction(Object bean) {
        return bean instanceof HikariDataSource;
    }

    /** Before the pool closes: close the embedded store cleanly and mark it so. */
    @Override
    public void postProcessBeforeDestruction(Object bean, String beanName) {
        if (!(bean instanceof HikariDataSource pool) || pool.isClosed()) return;
        EmbeddedStoreFile.of(pool.getJdbcUrl()).ifPresent(file -> closeCleanly(pool, file));
    }

    /**
     * Before anything opens the store: compacts it when the last stop was clean (and
     * {@code compact}), settles the transactions a kill interrupted when it was not
     * ({@link EmbeddedStoreRecovery}), and removes the marker, so that only the next clean stop
     * writes it again.
     */
    static void atStart(String jdbcUrl, String user, String password, Path file, boolean compact) {
        Path marker = cleanStopMarker(file);
        if (Files.isRegularFile(file) && !Files.exists(marker)) {
            log.warn("embedded message store: the gateway did not stop cleanly last time (killed, crashed or a power"
                    + " loss); H2 recovers the store as it opens it{}", compact
                            ? ", and the next start after a clean stop compacts it" : "");
            try {
                EmbeddedStoreRecovery.atUncleanStart(jdbcUrl, user, password);
            } catch (SQLException | RuntimeException e) {
                log.warn("embedded message store: transactions the kill interrupted not looked for ({}); starting on it as H2"
                        + " recovered it",
                        e.toString());
            }
        } else if (compact && Files.isRegularFile(file)) {
            compact(jdbcUrl, user, password, file);
        }
        // also a marker left without its store (the store was removed): only the next clean stop writes it
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove " + marker + " before the store opens: " + e.getMessage(), e);
        }
    }

    /**
     * Closes the store with H2's {@code SHUTDOWN} through the pool (the routes and the API have
     * stopped) and writes the marker; when that fails the store counts as not closed cleanly.
     */
    static void closeCleanly(javax.sql.DataSource pool, Path file) {
        Connection connection;
        try {
            connection = pool.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
            Files.writeString(cleanStopMarker(file), Instant.now().toString());
        } catch (SQLException | IOException e) {
            log.warn("embedded message store not closed cleanly at stop ({}): it is not compacted at the next start",
                    e.toString());
            return;
        }
        try {
            connection.close();
        } catch (SQLException closedDatabase) {
            // expected: the pool's clean-up of a connection to the shut down database fails
        }
    }

    /** The marker file of a clean stop, next to the store's file. */
    static Path cleanStopMarker(Path file) {
        return file.resolveSibling(file.getFileName() + CLEAN_STOP_SUFFIX);
    }

    /**
     * A warning when the JVM runs ZGC: in two load-harness runs with ZGC the embedded H2 store
     * (then 2.3.232) failed commits with "Position 0" and then reported itself corrupted, with or
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
