package no.samnav.gateway.store;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.h2.engine.Constants;
import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.db.MVIndex;
import org.h2.mvstore.db.MVTable;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.schema.Schema;
import org.h2.table.Table;
import org.h2.value.VersionedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles, at a start after the gateway did not stop cleanly, the transactions that a kill caught in
 * the middle of their commit or rollback in the embedded H2 store, which H2's own recovery leaves
 * locked.
 * <p>
 * H2 2.5.252 commits a transaction in memory in steps: it writes a commit marker into the
 * transaction's undo log, marks the transaction's entries committed in each table and index, map by
 * map, and then empties the undo log; it rolls one back by restoring its entries and removing their
 * undo records one by one. A write of the file by another thread (every commit writes one, and so
 * does the one-second sync) takes each map as it is when it reaches it, while the others go on
 * (h2database#2080). Killed right after such a write, the file can hold a transaction in the middle:
 * <ul>
 * <li>the undo log with its marker: H2's recovery finds the transaction committed and calls
 * {@code Transaction.commit}, which returns at once for a transaction already COMMITTED, so the
 * transaction stays open, holding its entries, for as long as the store is open and again at every
 * opening. A later write of one of its keys waits for it until its lock timeout, every time: the
 * message ids the crash harness could never store again after a kill (docs/reliability.md). This
 * runs the recovery's commit that H2 skips;</li>
 * <li>an entry still marked as written by a transaction whose undo log no longer has its record:
 * the file holds a map from before a step next to the undo log from after it. A rollback removes
 * its undo records one by one as it restores the entries, so a write in the middle of a rollback
 * leaves such entries easily (the crash harness's store had them from an ingest batch rolled back
 * after a lock timeout); a commit removes its records only all at once at its end. H2 itself reads
 * such an entry as rolled back, but a write of the same key first waits for whichever transaction
 * has that number by then. These are undone here, as H2 reads them, so nothing waits for them.</li>
 * </ul>
 * Such transactions were never acknowledged (a transaction's own write of the file comes after the
 * one the kill left), and the gateway takes a message stored and not yet sent as a resubmission,
 * publishes an interrupted delivery's file, and reads again a file whose message is not stored. A
 * commit caught in the second way (its whole loop between the write's visits of one table and of
 * the undo log) would be undone in part, which the entries alone do not tell apart.
 * <p>
 * Uses H2's engine classes (public, not a documented API) and, for the recovery's commit, two of its
 * package-private methods: checked against the H2 version the gateway ships by
 * {@code EmbeddedStoreRecoveryTest}.
 */
final class EmbeddedStoreRecovery {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreRecovery.class);

    private EmbeddedStoreRecovery() {
    }

    /**
     * What a recovery found: the commits H2's recovery left open, the entries of interrupted changes
     * undone per table, and the entries looked at.
     */
    record Result(int commitsLeftOpen, Map<String, Integer> undonePerTable, long entriesScanned, long millis) {
        int undone() {
            return undonePerTable.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Opens the store at {@code jdbcUrl} (H2 recovers it), settles the transactions a kill
     * interrupted and closes it again with {@code SHUTDOWN}. Nothing else may have the store open.
     */
    static Result atUncleanStart(String jdbcUrl, String user, String password) throws SQLException {
        // no compaction as this opening closes: the start after a clean stop does that (EmbeddedStoreCompactor)
        try (Connection connection = DriverManager.getConnection(jdbcUrl + ";MAX_COMPACT_TIME=0", user, password)) {
            Result result = settleInterruptedTransactions(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
            if (result.commitsLeftOpen() > 0 || result.undone() > 0) {
                String perTable = result.undonePerTable().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ", " (", ")"));
                log.warn("embedded message store: finished {} commit(s) that H2's recovery left open, and undid {} entries"
                        + " of changes the last stop interrupted{}; scanned {} entries in {} ms", result.commitsLeftOpen(),
                        result.undone(), result.undone() > 0 ? perTable : "", result.entriesScanned(), result.millis());
            } else {
                log.info("embedded message store: no transaction the last stop interrupted; scanned {} entries in {} ms",
                        result.entriesScanned(), result.millis());
            }
            return result;
        }
    }

    /**
     * Finishes the commits H2's recovery left open, then undoes every entry of every table and index
     * that a transaction no longer open left marked as its own, on a connection that is the store's
     * only user, and writes the store.
     */
    static Result settleInterruptedTransactions(Connection connection) throws SQLException {
        long started = System.nanoTime();
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        Database database = session.getDatabase();
        TransactionStore transactions = database.getStore().getTransactionStore();
        int leftOpen = 0;
        for (Transaction recovered : transactions.getOpenTransactions()) {
            if (recovered.getStatus() != Transaction.STATUS_COMMITTED) continue;
            finishRecoveredCommit(transactions, recovered);
            leftOpen++;
        }
        Transaction own = session.getTransaction();
        List<Transaction> others = transactions.getOpenTransactions().stream()
                .filter(t -> t.getId() != own.getId()).toList();
        if (!others.isEmpty()) {
            // prepared (two-phase) transactions, which the gateway never makes: their entries are theirs
            log.warn("embedded message store: {} transaction(s) still open after recovery; interrupted changes not looked for",
                    others.size());
            if (leftOpen > 0) database.getStore().getMvStore().commit();
            return new Result(leftOpen, Map.of(), 0, (System.nanoTime() - started) / 1_000_000);
        }
        Map<String, Integer> undone = new TreeMap<>();
        Set<Integer> seenMaps = new HashSet<>();
        long scanned = 0;
        for (Schema schema : database.getAllSchemasNoMeta()) {
            for (Table table : schema.getAllTablesAndViews(session)) {
                if (!(table instanceof MVTable)) continue;
                for (Index index : table.getIndexes()) {
                    if (!(index instanceof MVIndex<?, ?> mvIndex)) continue;
                    MVMap<Object, VersionedValue<Object>> map = rawMap(mvIndex);
                    // a primary key's index delegates to the table's own map
                    if (!seenMaps.add(map.getId())) continue;
                    List<Object> keys = new ArrayList<>();
                    List<Object> committed = new ArrayList<>();
                    for (Cursor<Object, VersionedValue<Object>> cursor = map.cursor(null); cursor.hasNext();) {
                        Object key = cursor.next();
                        scanned++;
                        VersionedValue<Object> value = cursor.getValue();
                        // nothing else is open: an entry still marked as written by a transaction is left over
                        if (value.getOperationId() == 0) continue;
                        keys.add(key);
                        committed.add(value.getCommittedValue());
                    }
                    if (keys.isEmpty()) continue;
                    TransactionMap<Object, Object> undoing = own.openMapX(map);
                    for (int i = 0; i < keys.size(); i++) {
                        if (committed.get(i) == null) {
                            map.remove(keys.get(i));
                        } else {
                            undoing.putCommitted(keys.get(i), committed.get(i));
                        }
                    }
                    undone.merge(table.getName(), keys.size(), Integer::sum);
                }
            }
        }
        if (leftOpen > 0 || !undone.isEmpty()) database.getStore().getMvStore().commit();
        return new Result(leftOpen, undone, scanned, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * What H2's recovery means to do with a transaction whose undo log carries its commit marker,
     * and in 2.5.252 does not: {@code TransactionStore.endLeftoverTransactions} calls
     * {@code Transaction.commit}, which takes a transaction already COMMITTED for an inactive one and
     * returns, so the transaction stays open, holding its entries, as long as the store is open and
     * again at every opening. This runs the two steps that commit skips, H2's own:
     * {@code TransactionStore.commit(transaction, true)} (the recovery's commit) and
     * {@code Transaction.close}. They are not public, hence reflection.
     */
    private static void finishRecoveredCommit(TransactionStore transactions, Transaction recovered) {
        try {
            Method commit = TransactionStore.class.getDeclaredMethod("commit", Transaction.class, boolean.class);
            commit.setAccessible(true);
            commit.invoke(transactions, recovered, true);
            Method close = Transaction.class.getDeclaredMethod("close", boolean.class, Throwable.class);
            close.setAccessible(true);
            close.invoke(recovered, true, null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot finish a commit H2's recovery left open (H2 " + Constants.FULL_VERSION
                    + "): " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static MVMap<Object, VersionedValue<Object>> rawMap(MVIndex<?, ?> index) {
        return (MVMap<Object, VersionedValue<Object>>) (MVMap<?, ?>) index.getMVMap();
    }
}
