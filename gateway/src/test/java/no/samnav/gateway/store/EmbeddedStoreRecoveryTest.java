package no.samnav.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.tx.TransactionStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kill can catch an H2 transaction in the middle of its commit or rollback (see
 * {@link EmbeddedStoreRecovery}). The stores here are brought into those states on purpose, in a
 * store of the shape of the gateway's message table: a transaction's changes are made, its undo log
 * is put into the state a write of the file in the middle would find, the file is written, and a
 * copy of the file taken at that moment is what a kill right then leaves behind.
 */
class EmbeddedStoreRecoveryTest {

    @TempDir
    Path dir;

    private String url(String name) {
        return "jdbc:h2:file:" + dir.resolve(name) + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The store as a kill left it. */
    private String killed() {
        return url("killed");
    }

    @BeforeEach
    void store() throws SQLException {
        try (Connection c = DriverManager.getConnection(url("running"), "sa", ""); Statement s = c.createStatement()) {
            // the shape of the gateway's message table: a key, a unique message id, an index on the status
            s.execute("CREATE TABLE message (id VARCHAR(36) PRIMARY KEY, msg_id VARCHAR(200) NOT NULL,"
                    + " status VARCHAR(20) NOT NULL, CONSTRAINT message_msg_id_unique UNIQUE (msg_id))");
            s.execute("CREATE INDEX message_status ON message (status)");
            s.execute("CREATE TABLE other (id INT PRIMARY KEY)");
            s.execute("INSERT INTO message VALUES ('m-0', 'msg-0', 'DELIVERED')");
        }
    }

    private enum Caught {
        /** The undo log's records gone while the entries are still marked: a rollback in the middle. */
        UNDO_LOG_EMPTIED,
        /** The commit marker written, the entries not yet marked committed: a commit in the middle. */
        COMMIT_MARKER_WRITTEN
    }

    /** Runs {@code sql} in one transaction and leaves the store as a kill catching it {@code caught}. */
    private void killedWhile(Caught caught, String... sql) throws Exception {
        try (Connection writer = DriverManager.getConnection(url("running"), "sa", "")) {
            writer.setAutoCommit(false);
            try (Statement s = writer.createStatement()) {
                for (String statement : sql) s.execute(statement);
            }
            SessionLocal session = (SessionLocal) writer.unwrap(JdbcConnection.class).getSession();
            TransactionStore transactions = session.getDatabase().getStore().getTransactionStore();
            int id = session.getTransaction().getId();
            if (caught == Caught.UNDO_LOG_EMPTIED) {
                Field undoLogs = TransactionStore.class.getDeclaredField("undoLogs");
                undoLogs.setAccessible(true);
                ((MVMap<?, ?>[]) undoLogs.get(transactions))[id].clear();
            } else {
                Method mark = TransactionStore.class.getDeclaredMethod("markUndoLogAsCommitted", int.class, long.class);
                mark.setAccessible(true);
                mark.invoke(transactions, id, 1L);
            }
            session.getDatabase().getStore().getMvStore().commit();
            Files.copy(dir.resolve("running.mv.db"), dir.resolve("killed.mv.db"));
            writer.rollback();
        }
    }

    /**
     * Inserts message {@code msgId} as the gateway's ingest does while another transaction, the
     * first to begin after the store opened, is open: it has the number the interrupted one had.
     */
    private int insertWhileAnotherTransactionIsOpen(String msgId) throws SQLException {
        try (Connection other = DriverManager.getConnection(killed(), "sa", "");
                Connection ingest = DriverManager.getConnection(killed(), "sa", "")) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("INSERT INTO other VALUES (1)");
            }
            try (Statement s = ingest.createStatement()) {
                s.execute("SET LOCK_TIMEOUT 500");
                return s.executeUpdate("INSERT INTO message VALUES ('m-2', '" + msgId + "', 'RECEIVED') ON CONFLICT DO NOTHING");
            } finally {
                other.rollback();
            }
        }
    }

    private static String status(Connection c, String msgId) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT status FROM message WHERE msg_id = '" + msgId + "'")) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private static int count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void withoutTheRecoveryACommitCaughtAfterItsMarkerStaysOpenAndLocksItsRowsAtEveryOpening() throws Exception {
        killedWhile(Caught.COMMIT_MARKER_WRITTEN, "INSERT INTO message VALUES ('m-1', 'msg-1', 'ROUTED')");

        for (int opening = 0; opening < 2; opening++) {
            try (Connection c = DriverManager.getConnection(killed(), "sa", ""); Statement s = c.createStatement()) {
                s.execute("SET LOCK_TIMEOUT 500");
                assertThatThrownBy(() -> s.executeUpdate("INSERT INTO message VALUES ('m-2', 'msg-1', 'RECEIVED')"
                        + " ON CONFLICT DO NOTHING")).isInstanceOf(SQLTimeoutException.class);
                s.execute("SHUTDOWN");
            }
        }
    }

    @Test
    void aCommitCaughtAfterItsMarkerIsFinishedAtStart() throws Exception {
        killedWhile(Caught.COMMIT_MARKER_WRITTEN, "UPDATE message SET status = 'ROUTED' WHERE id = 'm-0'",
                "INSERT INTO message VALUES ('m-1', 'msg-1', 'ROUTED')");

        EmbeddedStoreRecovery.Result result = EmbeddedStoreRecovery.atUncleanStart(killed(), "sa", "");

        assertThat(result.commitsLeftOpen()).isEqualTo(1);
        assertThat(result.undone()).as("nothing else left over once the commit is finished").isZero();
        try (Connection c = DriverManager.getConnection(killed(), "sa", ""); Statement s = c.createStatement()) {
            s.execute("SET LOCK_TIMEOUT 500");
            assertThat(status(c, "msg-1")).isEqualTo("ROUTED");
            assertThat(status(c, "msg-0")).isEqualTo("ROUTED");
            assertThat(s.executeUpdate("INSERT INTO message VALUES ('m-2', 'msg-1', 'RECEIVED') ON CONFLICT DO NOTHING"))
                    .as("the resubmission is a duplicate").isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM message WHERE status = 'ROUTED'")).isEqualTo(2);
            assertThat(s.executeUpdate("UPDATE message SET status = 'DELIVERED'")).isEqualTo(2);
        }
        assertThat(EmbeddedStoreRecovery.atUncleanStart(killed(), "sa", "").commitsLeftOpen())
                .as("nothing left open at the next opening").isZero();
    }

    @Test
    void withoutTheRecoveryAnEntryWhoseUndoRecordIsGoneBlocksItsKeyWhileItsNumberIsInUse() throws Exception {
        killedWhile(Caught.UNDO_LOG_EMPTIED, "INSERT INTO message VALUES ('m-1', 'msg-1', 'ROUTED')");

        assertThatThrownBy(() -> insertWhileAnotherTransactionIsOpen("msg-1")).isInstanceOf(SQLTimeoutException.class);
    }

    @Test
    void anInterruptedInsertIsUndoneAtStartAndItsResubmissionIsStored() throws Exception {
        killedWhile(Caught.UNDO_LOG_EMPTIED, "INSERT INTO message VALUES ('m-1', 'msg-1', 'ROUTED')");

        EmbeddedStoreRecovery.Result result = EmbeddedStoreRecovery.atUncleanStart(killed(), "sa", "");

        // the row and its entries in the three indexes of the one insert
        assertThat(result.undonePerTable()).containsEntry("message", 4);
        assertThat(result.commitsLeftOpen()).isZero();
        assertThat(insertWhileAnotherTransactionIsOpen("msg-1")).as("the resubmission is stored").isEqualTo(1);
        try (Connection c = DriverManager.getConnection(killed(), "sa", "")) {
            assertThat(status(c, "msg-1")).isEqualTo("RECEIVED");
            assertThat(status(c, "msg-0")).isEqualTo("DELIVERED");
        }
    }

    @Test
    void anInterruptedUpdateAndDeleteAreUndoneWhole() throws Exception {
        killedWhile(Caught.UNDO_LOG_EMPTIED, "UPDATE message SET status = 'ROUTED' WHERE id = 'm-0'",
                "INSERT INTO message VALUES ('m-1', 'msg-1', 'ROUTED')", "DELETE FROM message WHERE id = 'm-0'");

        EmbeddedStoreRecovery.atUncleanStart(killed(), "sa", "");

        try (Connection c = DriverManager.getConnection(killed(), "sa", ""); Statement s = c.createStatement()) {
            s.execute("SET LOCK_TIMEOUT 500");
            assertThat(status(c, "msg-0")).isEqualTo("DELIVERED");
            assertThat(status(c, "msg-1")).isNull();
            // through the status index and through the table: the same rows
            assertThat(count(s, "SELECT COUNT(*) FROM message WHERE status = 'DELIVERED'")).isEqualTo(1);
            assertThat(count(s, "SELECT COUNT(*) FROM message WHERE status = 'ROUTED'")).isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM message")).isEqualTo(1);
            assertThat(s.executeUpdate("UPDATE message SET status = 'ACKNOWLEDGED'")).isEqualTo(1);
            assertThat(s.executeUpdate("INSERT INTO message VALUES ('m-1', 'msg-1', 'RECEIVED')")).isEqualTo(1);
        }
    }

    @Test
    void aStoreWithoutInterruptedTransactionsIsLeftAsItWas() throws Exception {
        try (Connection c = DriverManager.getConnection(url("running"), "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO message VALUES ('m-1', 'msg-1', 'ROUTED')");
            Files.copy(dir.resolve("running.mv.db"), dir.resolve("killed.mv.db"));
        }

        EmbeddedStoreRecovery.Result result = EmbeddedStoreRecovery.atUncleanStart(killed(), "sa", "");

        assertThat(result.commitsLeftOpen()).isZero();
        assertThat(result.undone()).isZero();
        assertThat(result.entriesScanned()).as("two rows in the table and each of its three indexes").isEqualTo(8);
        try (Connection c = DriverManager.getConnection(killed(), "sa", "")) {
            assertThat(status(c, "msg-1")).isEqualTo("ROUTED");
        }
    }
}
