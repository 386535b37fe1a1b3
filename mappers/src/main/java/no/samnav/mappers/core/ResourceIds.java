package no.samnav.mappers.core;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic resource ids for one message: the same input gives the same Bundle, which keeps
 * outputs comparable and reprocessing idempotent.
 */
final class ResourceIds {

    private final String seed;
    private int counter;

    ResourceIds(String seed) {
        this.seed = seed == null ? "" : seed;
    }

    String next() {
        counter++;
        return UUID.nameUUIDFromBytes((seed + "#" + counter).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
