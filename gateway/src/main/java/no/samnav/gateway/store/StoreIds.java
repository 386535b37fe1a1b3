package no.samnav.gateway.store;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Ids for the rows the message flow inserts at full load (messages, shared journal documents):
 * UUIDs of version 7 (RFC 9562), which start with the time they were made. Random UUIDs put every
 * new row, and its rows in every table keyed by it, on a random page of each B-tree, and each commit
 * of the embedded H2 store writes every page it changed, whole. Time-ordered ids land on the last
 * pages, which the commits of concurrent messages share. The 74 random bits keep ids unguessable.
 */
public final class StoreIds {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private StoreIds() {
    }

    /** A new id, later in the order of ids than every id this JVM made before (within a millisecond too). */
    public static String next() {
        return GENERATOR.generate().toString();
    }
}
