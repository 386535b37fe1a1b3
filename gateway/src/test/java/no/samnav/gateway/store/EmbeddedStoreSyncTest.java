package no.samnav.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import no.samnav.gateway.config.SamnavProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(OutputCaptureExtension.class)
class EmbeddedStoreSyncTest {

    @TempDir
    Path dir;

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    HikariDataSource pool;
    EmbeddedStoreSync sync;

    HikariDataSource pool(String url) {
        pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("sa");
        pool.setPassword("");
        pool.setMaximumPoolSize(2);
        return pool;
    }

    EmbeddedStoreSync sync(HikariDataSource pool, Duration interval) {
        sync = new EmbeddedStoreSync(pool, new SamnavProperties(dir, null, null, null, null, null, null,
                new SamnavProperties.Store(null, interval), null), registry);
        return sync;
    }

    long syncs() {
        return registry.get("samnav.store.sync").timer().count();
    }

    @AfterEach
    void close() {
        if (sync != null) sync.stop();
        if (pool != null) pool.close();
    }

    @Test
    void forcesAnEmbeddedFileStoreAtItsIntervalWhileCommitsGoOn() throws Exception {
        EmbeddedStoreSync sync = sync(pool("jdbc:h2:file:" + dir.resolve("samnav") + ";WRITE_DELAY=0"), Duration.ofMillis(50));
        assertThat(sync.active()).isTrue();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            sync.start();
            for (int i = 0; i < 200; i++) s.execute("INSERT INTO t VALUES (" + i + ")");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> syncs() >= 3);
        sync.stop();
        assertThat(sync.isRunning()).isFalse();
        long stopped = syncs();
        // the store is still whole and in use after the syncs, and none runs once stopped
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            var rows = s.executeQuery("SELECT COUNT(*) FROM t");
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(200);
        }
        assertThat(syncs()).isEqualTo(stopped);
    }

    @Test
    void leavesOtherStoresAlone() {
        assertThat(sync(pool("jdbc:h2:mem:sync-test;DB_CLOSE_DELAY=-1"), Duration.ofMillis(50)).active()).isFalse();
        sync.start();
        assertThat(sync.isRunning()).isFalse();
    }

    @Test
    void aZeroIntervalLeavesTheFlushToTheOperatingSystem() {
        EmbeddedStoreSync sync = sync(pool("jdbc:h2:file:" + dir.resolve("samnav")), Duration.ZERO);
        assertThat(sync.active()).isFalse();
        sync.start();
        assertThat(sync.isRunning()).isFalse();
    }

    @Test
    void aFailedSyncIsLoggedOnceAndNotThrown(CapturedOutput output) {
        EmbeddedStoreSync sync = sync(pool("jdbc:h2:file:" + dir.resolve("samnav")), Duration.ofMillis(50));
        sync.sync();
        assertThat(sync.failing()).isFalse();
        pool.close();
        // the pool is closed: logged, and no exception ends the scheduled task
        sync.sync();
        sync.sync();
        assertThat(sync.failing()).isTrue();
        assertThat(syncs()).isEqualTo(1);
        assertThat(output.getOut().lines().filter(l -> l.contains("forcing its writes to the disk failed"))).hasSize(1);
    }
}
