package no.samnav.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoreCompactorTest {

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("samnav") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    }

    private Path file() {
        return dir.resolve("samnav.mv.db");
    }

    private Path marker() {
        return dir.resolve("samnav.mv.db" + EmbeddedStoreCompactor.CLEAN_STOP_SUFFIX);
    }

    /** A store whose file holds many old versions of one row, closed without compaction. */
    private void grownStore() throws Exception {
        try (Connection c = DriverManager.getConnection(url() + ";WRITE_DELAY=0", "sa", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, payload VARBINARY(100000))");
            s.execute("INSERT INTO t VALUES (1, NULL)");
            for (int i = 0; i < 200; i++) s.execute("UPDATE t SET payload = CAST(REPEAT('x', 20000) || " + i + " AS VARBINARY) WHERE id = 1");
            s.execute("SHUTDOWN IMMEDIATELY");
        }
    }

    @Test
    void aStoreClosedCleanlyIsCompactedAtStartAndItsMarkerRemoved() throws Exception {
        grownStore();
        JdbcDataSource pool = new JdbcDataSource();
        pool.setURL(url());
        pool.setUser("sa");
        EmbeddedStoreCompactor.closeCleanly(pool, file());
        assertThat(marker()).exists();
        long before = Files.size(file());

        EmbeddedStoreCompactor.atStart(url(), "sa", "", file(), true);

        assertThat(Files.size(file())).isLessThan(before / 2);
        assertThat(marker()).doesNotExist();
    }

    @Test
    void aStoreWithoutTheMarkerOfACleanStopIsNotCompacted() throws Exception {
        grownStore();
        long before = Files.size(file());

        EmbeddedStoreCompactor.atStart(url(), "sa", "", file(), true);

        // opened once to look for interrupted commits (EmbeddedStoreRecovery), which writes a little at its close
        assertThat(Files.size(file())).isGreaterThanOrEqualTo(before);
        try (Connection c = DriverManager.getConnection(url(), "sa", ""); Statement s = c.createStatement()) {
            var rows = s.executeQuery("SELECT LENGTH(payload) FROM t WHERE id = 1");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(20003);
        }
    }

    @Test
    void aMarkerIsRemovedAtStartEvenWhenThereIsNothingToCompact() throws Exception {
        Files.writeString(marker(), "left behind by a removed store");
        EmbeddedStoreCompactor.atStart(url(), "sa", "", file(), true);
        assertThat(marker()).doesNotExist();

        grownStore();
        Files.writeString(marker(), "a clean stop, with compaction switched off");
        long before = Files.size(file());
        EmbeddedStoreCompactor.atStart(url(), "sa", "", file(), false);
        assertThat(marker()).doesNotExist();
        assertThat(Files.size(file())).isEqualTo(before);
    }

    @Test
    void aStoreThatCannotBeShutDownGetsNoMarker() {
        JdbcDataSource unreachable = new JdbcDataSource();
        unreachable.setURL("jdbc:h2:file:" + dir.resolve("missing").resolve("samnav") + ";IFEXISTS=TRUE");
        EmbeddedStoreCompactor.closeCleanly(unreachable, dir.resolve("missing").resolve("samnav.mv.db"));
        assertThat(dir.resolve("missing").resolve("samnav.mv.db" + EmbeddedStoreCompactor.CLEAN_STOP_SUFFIX)).doesNotExist();
    }

    @Test
    void warnsWhenTheJvmRunsZgc() {
        assertThat(EmbeddedStoreCompactor.collectorWarning(List.of("ZGC Cycles", "ZGC Pauses")))
                .hasValueSatisfying(warning -> assertThat(warning).contains("ZGC").contains("G1").contains("PostgreSQL"));
        assertThat(EmbeddedStoreCompactor.collectorWarning(List.of("ZGC Minor Cycles", "ZGC Major Pauses"))).isPresent();
    }

    @Test
    void staysQuietWithG1OrTheSerialCollector() {
        assertThat(EmbeddedStoreCompactor.collectorWarning(List.of("G1 Young Generation", "G1 Old Generation"))).isEmpty();
        assertThat(EmbeddedStoreCompactor.collectorWarning(List.of("Copy", "MarkSweepCompact"))).isEmpty();
    }
}
