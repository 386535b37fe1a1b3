package no.samnav.gateway.registry;

import java.util.List;

/**
 * The YAML cooperation file as written by an operator (see {@code docs/configuration.md}): one entry
 * per participant. Kebab-case keys; folders relative to the gateway's data directory.
 */
public record CooperationFile(String name, List<Entry> participants) {

    /** One participant as configured. */
    public record Entry(String id, String name, String municipality, List<String> herIds, String profile,
            String channel, String outbox, String inbox, List<String> accepts) {
    }
}
