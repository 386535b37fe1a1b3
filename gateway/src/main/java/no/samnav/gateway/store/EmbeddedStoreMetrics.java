package no.samnav.gateway.store;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Publishes the size of the embedded H2 store's file ({@code samnav.store.file.size}), which grows
 * with every message until the next start compacts it; nothing with PostgreSQL.
 */
@Component
public class EmbeddedStoreMetrics {

    public EmbeddedStoreMetrics(DataSource dataSource, MeterRegistry registry) {
        if (!(dataSource instanceof HikariDataSource pool)) return;
        // a supplier, which the gauge holds strongly (it holds an object it is given only weakly)
        EmbeddedStoreFile.of(pool.getJdbcUrl()).ifPresent(file -> Gauge.builder("samnav.store.file.size", () -> size(file))
                .baseUnit("bytes").description("Size of the embedded message store's file").register(registry));
    }

    private static Double size(Path file) {
        try {
            return (double) Files.size(file);
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}
