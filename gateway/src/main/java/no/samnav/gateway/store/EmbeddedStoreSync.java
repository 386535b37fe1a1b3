package no.samnav.gateway.store;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import no.samnav.gateway.config.SamnavProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Forces the embedded H2 store's written pages to the disk every {@code samnav.store.sync-interval}
 * (H2's {@code CHECKPOINT SYNC}).
 * <p>
 * H2 writes each commit at once ({@code WRITE_DELAY=0}) but never forces it to the disk: the
 * operating system keeps the written pages and flushes them once they are old (30 s on Linux by
 * default). At load the store writes megabytes a second, and a flush of hundreds of megabytes at once
 * made the broker's journal syncs, and with them every message in flight, wait for up to a third
 * of a second, every 30 s (docs/benchmarks.md). Forcing the store's file often keeps each flush
 * small: once a second, the force of a second's writes still held the broker's syncs behind it
 * for 15-50 ms each time, and every tenth of a second (the default) it no longer shows in the
 * latency. It also bounds what a power loss can take from the embedded store to the last
 * interval's commits, where it was whatever the kernel had not flushed. PostgreSQL forces its own
 * log; with it, and with an in-memory H2, this does nothing.
 */
@Component
public class EmbeddedStoreSync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreSync.class);

    private final DataSource dataSource;
    private final Duration interval;
    private final boolean embeddedFile;
    private final Timer syncs;
    private volatile boolean failing;
    // a thread of its own rather than the shared TaskScheduler: a slow fsync delays no other task,
    // and the timer stops (phase 0) before the store is closed at the gateway's stop
    private ScheduledExecutorService timer;

    public EmbeddedStoreSync(DataSource dataSource, SamnavProperties properties, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.interval = properties.store().syncInterval();
        this.embeddedFile = dataSource instanceof HikariDataSource pool
                && EmbeddedStoreFile.of(pool.getJdbcUrl()).isPresent();
        this.syncs = Timer.builder("samnav.store.sync")
                .description("Forcing the embedded store's written pages to the disk").register(registry);
    }

    /** Whether this gateway forces its store at an interval: an embedded H2 file store and a non-zero interval. */
    public boolean active() {
        return embeddedFile && !interval.isZero();
    }

    /**
     * Forces the store's written pages to the disk now. A failure is logged once until a sync
     * succeeds again (not at every interval), and the next interval tries again.
     */
    void sync() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            long start = System.nanoTime();
            statement.execute("CHECKPOINT SYNC");
            syncs.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (failing) log.info("embedded message store: its writes are forced to the disk again");
            failing = false;
        } catch (SQLException e) {
            if (!failing) log.warn("embedded message store: forcing its writes to the disk failed ({}); trying again every {}",
                    e.getMessage(), interval);
            failing = true;
        }
    }

    /** Whether the last sync failed. */
    boolean failing() {
        return failing;
    }

    @Override
    public synchronized void start() {
        if (!active() || timer != null) return;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "samnav-store-sync");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::sync, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer == null) return;
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** Stops after the routes and the ingest batches (higher phases stop first): their last commits are forced too. */
    @Override
    public int getPhase() {
        return 0;
    }
}
