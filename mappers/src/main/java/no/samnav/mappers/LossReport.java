package no.samnav.mappers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything a translation could not carry. An empty report means the target holds all mapped
 * content of the source.
 */
public final class LossReport {

    private final List<Loss> losses = new ArrayList<>();

    public void add(String path, String fhirPath, String reason) {
        losses.add(new Loss(path, fhirPath, reason));
    }

    public void addAll(LossReport other) {
        losses.addAll(other.losses);
    }

    public List<Loss> losses() {
        return Collections.unmodifiableList(losses);
    }

    public boolean isEmpty() {
        return losses.isEmpty();
    }

    /** One line per loss, for a CLI's stderr or a log (paths and reasons only, never values). */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (Loss l : losses) sb.append("LOSS ").append(l).append('\n');
        return sb.toString();
    }

    @Override
    public String toString() {
        return losses.isEmpty() ? "no loss" : losses.size() + " lost: " + losses;
    }
}
