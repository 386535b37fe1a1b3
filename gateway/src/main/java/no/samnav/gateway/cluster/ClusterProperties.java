package no.samnav.gateway.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Several gateway nodes on one broker, one database and one set of participant folders
 * ({@code samnav.cluster.*}, documented in {@code docs/configuration.md} and {@code docs/operations.md}).
 * The queues already share their messages between the nodes; what the nodes must agree on is which
 * of them reads a file from an outbox: a node claims the file in the shared database first.
 *
 * @param enabled             claim outbox files before reading them; on for every node of a cluster
 * @param claimMaxAge         a claim not kept alive for this long belongs to a dead node, and another
 *                            node may take the file
 * @param claimKeepAlive      how often a node renews its claims; well below {@code claimMaxAge}
 * @param claimReleaseDelay   how long a claim outlives the file's move to {@code .done}, so that a node
 *                            that listed the outbox just before cannot take the file again
 */
@ConfigurationProperties("samnav.cluster")
public record ClusterProperties(Boolean enabled, Duration claimMaxAge, Duration claimKeepAlive,
        Duration claimReleaseDelay) {

    public ClusterProperties {
        if (enabled == null) enabled = false;
        if (claimMaxAge == null) claimMaxAge = Duration.ofSeconds(20);
        if (claimKeepAlive == null) claimKeepAlive = Duration.ofSeconds(5);
        if (claimReleaseDelay == null) claimReleaseDelay = Duration.ofSeconds(10);
        if (claimKeepAlive.compareTo(claimMaxAge) >= 0) {
            throw new IllegalArgumentException("samnav.cluster.claim-keep-alive (" + claimKeepAlive
                    + ") must be shorter than samnav.cluster.claim-max-age (" + claimMaxAge + ")");
        }
    }
}
