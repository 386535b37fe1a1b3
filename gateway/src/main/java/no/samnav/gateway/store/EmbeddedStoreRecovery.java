package no.samnav.gateway.store;

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
import org.h2.schema.Schema;
import org.h2.table.Table;
import org.h2.value.VersionedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes, at a start after the gateway did not stop cleanly, the commits that a kill left
 * half-written in the embedded H2 store.
 * <p>
 * H2 2.5.252 commits a transaction in memory in two steps: it marks the transaction's entries
 * committed in each table and index, map by map, and then empties the transaction's undo log. A
 * write of the file by another thread (every commit writes one, and so does the one-second sync)
 * takes each map as it is when it reaches it, so it can write an index from before the first step
 * next to the undo log from after the second. Killed before the next write, the file then holds
 * entries still marked as written by a transaction of which nothing else is left: H2's recovery,
 * which works from the undo logs, does not see them, and a later write of the same key waits for
 * whichever transaction has that number by then, until its lock timeout. The crash harness met
 * this as message ids that could never be stored again after a kill (docs/reliability.md). H2's
 * maintainers describe the same non-atomic store in h2database#2080 (open), and name a full
 * inspection of the database after an unclean shutdown as one way out; this is that inspection.
 * <p>
 * Such an entry belongs to a transaction whose commit had emptied its undo log, which a commit does
 * only after it has marked all its entries; this marks the remaining ones committed, as that commit
 * would have, so the transaction is whole, as if the kill had come right after it. The transaction
 * was never acknowledged (its own write of the file comes after the one the kill left), and the
 * gateway handles a message stored and not yet sent as a resubmission. A rollback raced the same way
 * (a duplicate insert undone inside its statement, a failed batch) is finished as a commit too, which
 * is not told apart here; the gateway's transactions commit far more often than they roll back.
 * <p>
 * Uses H2's engine classes (public, not a documented API): checked against the H2 version the
 * gateway ships by {@code EmbeddedStoreRecoveryTest}.
 */
final class EmbeddedStoreRecovery {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreRecovery.class);

    private EmbeddedStoreRecovery() {
    }

    /** What a recovery found: entries finished per table, and the entries looked at. */
    record Result(Map<String, Integer> finishedPerTable, long entriesScanned, long millis) {
        int finished() {
            return finishedPerTable.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Opens the store at {@code jdbcUrl} (H2 recovers it), finishes the interrupted commits and
     * closes it again with {@code SHUTDOWN}. Nothing else may have the store open.
     */
    static Result atUncleanStart(String jdbcUrl, String user, String password) throws SQLException {
        // no compaction as this opening closes: the start after a clean stop does that (EmbeddedStoreCompactor)
        try (Connection connection = DriverManager.getConnection(jdbcUrl + ";MAX_COMPACT_TIME=0", user, password)) {
            Result result = finishInterruptedCommits(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
            if (result.finished() > 0) {
                log.warn("embedded message store: finished {} entries of commits the last stop interrupted ({});"
                        + " scanned {} entries in {} ms", result.finished(), result.finishedPerTable().entrySet()
                                .stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")),
                        result.entriesScanned(), result.millis());
            } else {
                log.info("embedded message store: no interrupted commit after the last stop; scanned {} entries in {} ms",
                        result.entriesScanned(), result.millis());
            }
            return result;
        }
    }

    /**
     * Marks committed every entry of every table and index that a transaction no longer open left
     * uncommitted, on a connection that is the store's only user, and writes the store.
     */
    static Result finishInterruptedCommits(Connection connection) throws SQLException {
        long started = System.nanoTime();
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        Database database = session.getDatabase();
        Transaction own = session.getTransaction();
        List<Transaction> others = database.getStore().getTransactionStore().getOpenTransactions().stream()
                .filter(t -> t.getId() != own.getId()).toList();
        if (!others.isEmpty()) {
            // prepared (two-phase) transactions, which the gateway never makes: their entries are theirs
            log.warn("embedded message store: {} transaction(s) still open after recovery; interrupted commits not looked for",
                    others.size());
            return new Result(Map.of(), 0, (System.nanoTime() - started) / 1_000_000);
        }
        Map<String, Integer> finished = new TreeMap<>();
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
                    List<Object> values = new ArrayList<>();
                    for (Cursor<Object, VersionedValue<Object>> cursor = map.cursor(null); cursor.hasNext();) {
                        Object key = cursor.next();
                        scanned++;
                        VersionedValue<Object> value = cursor.getValue();
                        // nothing else is open: an entry still marked as written by a transaction is left over
                        if (value.getOperationId() == 0) continue;
                        keys.add(key);
                        values.add(value.getCurrentValue());
                    }
                    if (keys.isEmpty()) continue;
                    TransactionMap<Object, Object> committing = own.openMapX(map);
                    for (int i = 0; i < keys.size(); i++) {
                        if (values.get(i) == null) {
                            map.remove(keys.get(i));
                        } else {
                            committing.putCommitted(keys.get(i), values.get(i));
                        }
                    }
                    finished.merge(table.getName(), keys.size(), Integer::sum);
                }
            }
        }
        if (!finished.isEmpty()) database.getStore().getMvStore().commit();
        return new Result(finished, scanned, (System.nanoTime() - started) / 1_000_000);
    }

    @SuppressWarnings("unchecked")
    private static MVMap<Object, VersionedValue<Object>> rawMap(MVIndex<?, ?> index) {
        return (MVMap<Object, VersionedValue<Object>>) (MVMap<?, ?>) index.getMVMap();
    }
}
