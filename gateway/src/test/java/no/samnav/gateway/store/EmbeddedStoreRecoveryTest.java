package no.samnav.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
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
 * A kill during a commit can leave the embedded H2 store with entries still marked as written by a
 * transaction whose undo log is already empty (see {@link EmbeddedStoreRecovery}). The store here
 * is brought into that state on purpose: a transaction's rows are written, its undo log emptied,
 * the file written, and the store shut down without writing more, as a kill does.
 */
class EmbeddedStoreRecoveryTest {

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("samnav") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    @BeforeEach
    void store() throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), "sa", ""); Statement s = c.createStatement()) {
            // the shape of the gateway's message table: a key, a unique message id, an index on the status
            s.execute("CREATE TABLE message (id VARCHAR(36) PRIMARY KEY, msg_id VARCHAR(200) NOT NULL,"
                    + " status VARCHAR(20) NOT NULL, CONSTRAINT message_msg_id_unique UNIQUE (msg_id))");
            s.execute("CREATE INDEX message_status ON message (status)");
            s.execute("CREATE TABLE other (id INT PRIMARY KEY)");
            s.execute("INSERT INTO message VALUES ('m-0', 'msg-0', 'DELIVERED')");
        }
    }

    /** Runs {@code sql} in a transaction that the store then keeps as a kill during its commit left it. */
    private void interruptedCommit(String... sql) throws Exception {
        Connection writer = DriverManager.getConnection(url(), "sa", "");
        writer.setAutoCommit(false);
        try (Statement s = writer.createStatement()) {
            for (String statement : sql) s.execute(statement);
        }
        SessionLocal session = (SessionLocal) writer.unwrap(JdbcConnection.class).getSession();
        TransactionStore transactions = session.getDatabase().getStore().getTransactionStore();
        Field undoLogs = TransactionStore.class.getDeclaredField("undoLogs");
        undoLogs.setAccessible(true);
        ((MVMap<?, ?>[]) undoLogs.get(transactions))[session.getTransaction().getId()].clear();
        session.getDatabase().getStore().getMvStore().commit();
        try (Connection killer = DriverManager.getConnection(url(), "sa", ""); Statement s = killer.createStatement()) {
            s.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException closedUnderItsFeet) {
            // the connection's own clean-up on the closed database
        }
    }

    /**
     * Inserts message {@code msgId} as the gateway's ingest does while another transaction, the
     * first to begin after the store opened, is open: it has the number the interrupted one had.
     */
    private int insertWhileAnotherTransactionIsOpen(String msgId) throws SQLException {
        try (Connection other = DriverManager.getConnection(url(), "sa", "");
                Connection ingest = DriverManager.getConnection(url(), "sa", "")) {
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

    @Test
    void withoutTheRecoveryAnInterruptedInsertBlocksItsMessageIdForever() throws Exception {
        interruptedCommit("INSERT INTO message VALUES ('m-1', 'msg-1', 'ROUTED')");

        assertThatThrownBy(() -> insertWhileAnotherTransactionIsOpen("msg-1")).isInstanceOf(SQLTimeoutException.class);
    }

    @Test
    void anInterruptedInsertIsFinishedAtStartAndItsMessageIdIsADuplicateAfterwards() throws Exception {
        interruptedCommit("INSERT INTO message VALUES ('m-1', 'msg-1', 'ROUTED')");

        EmbeddedStoreRecovery.Result result = EmbeddedStoreRecovery.atUncleanStart(url(), "sa", "");

        // the row, its key and the three indexes of the one insert
        assertThat(result.finishedPerTable()).containsEntry("message", 4);
        assertThat(insertWhileAnotherTransactionIsOpen("msg-1")).as("the resubmission is a duplicate").isZero();
        try (Connection c = DriverManager.getConnection(url(), "sa", "")) {
            assertThat(status(c, "msg-1")).isEqualTo("ROUTED");
            assertThat(status(c, "msg-0")).isEqualTo("DELIVERED");
        }
    }

    @Test
    void anInterruptedUpdateAndDeleteAreFinishedWhole() throws Exception {
        interruptedCommit("UPDATE message SET status = 'ROUTED' WHERE id = 'm-0'",
                "INSERT INTO message VALUES ('m-1', 'msg-1', 'ROUTED')", "DELETE FROM message WHERE id = 'm-1'",
                "INSERT INTO message VALUES ('m-3', 'msg-3', 'RECEIVED')", "DELETE FROM message WHERE id = 'm-3'");

        EmbeddedStoreRecovery.atUncleanStart(url(), "sa", "");

        try (Connection c = DriverManager.getConnection(url(), "sa", "")) {
            assertThat(status(c, "msg-0")).isEqualTo("ROUTED");
            assertThat(status(c, "msg-1")).isNull();
            try (Statement s = c.createStatement()) {
                // through the status index and through the table: the same rows
                ResultSet byIndex = s.executeQuery("SELECT COUNT(*) FROM message WHERE status = 'ROUTED'");
                byIndex.next();
                assertThat(byIndex.getInt(1)).isEqualTo(1);
                ResultSet all = s.executeQuery("SELECT COUNT(*) FROM message");
                all.next();
                assertThat(all.getInt(1)).isEqualTo(1);
                s.setQueryTimeout(5);
                assertThat(s.executeUpdate("UPDATE message SET status = 'DELIVERED'")).isEqualTo(1);
                assertThat(s.executeUpdate("INSERT INTO message VALUES ('m-1', 'msg-1', 'RECEIVED')")).isEqualTo(1);
            }
        }
    }

    @Test
    void aStoreWithoutInterruptedCommitsIsLeftAsItWas() throws Exception {
        try (Connection c = DriverManager.getConnection(url(), "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO message VALUES ('m-1', 'msg-1', 'ROUTED')");
            s.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException closed) {
            // the connection's own clean-up on the closed database
        }

        EmbeddedStoreRecovery.Result result = EmbeddedStoreRecovery.atUncleanStart(url(), "sa", "");

        assertThat(result.finished()).isZero();
        assertThat(result.entriesScanned()).as("two rows in the table and each of its three indexes").isEqualTo(8);
        try (Connection c = DriverManager.getConnection(url(), "sa", "")) {
            assertThat(status(c, "msg-1")).isEqualTo("ROUTED");
        }
    }
}
