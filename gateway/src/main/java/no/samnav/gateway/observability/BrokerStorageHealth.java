package no.samnav.gateway.observability;

import jakarta.jms.JMSException;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code brokerStorage}: DOWN while the disk of the broker's data folder is fuller
 * than its {@code max-disk-usage}. Artemis then blocks every sender (log line AMQ212054 "Destination
 * address=… is blocked"): the gateway stops taking in files and JMS messages, and nothing is lost,
 * but a plain connection check still reports the broker UP. Read from the embedded broker directly,
 * or from an external one through its management address ({@link BrokerManagement}). The health
 * endpoint shows components, not details, so the change is also logged, with the figures.
 */
@Component("brokerStorage")
public class BrokerStorageHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(BrokerStorageHealth.class);

    private final ObjectProvider<EmbeddedActiveMQ> embedded;
    private final BrokerManagement management;
    private volatile boolean wasFull;

    public BrokerStorageHealth(ObjectProvider<EmbeddedActiveMQ> embedded, BrokerManagement management) {
        this.embedded = embedded;
        this.management = management;
    }

    @Override
    public Health health() {
        EmbeddedActiveMQ broker = embedded.getIfAvailable();
        if (broker == null) return external();
        ActiveMQServer server = broker.getActiveMQServer();
        if (server == null || !server.isActive()) return Health.unknown().withDetail("broker", "not started").build();
        long total = server.getPagingManager().getDiskTotalSpace();
        double used = total > 0 ? 1.0 - (double) server.getPagingManager().getDiskUsableSpace() / total : 0;
        // the paging manager's own verdict, refreshed at every disk scan of the broker
        return health(server.getPagingManager().isDiskFull(), used, server.getConfiguration().getMaxDiskUsage());
    }

    private Health external() {
        try {
            BrokerManagement.DiskUsage usage = management.diskUsage();
            return health(usage.full(), usage.used(), usage.maxPercent());
        } catch (JMSException e) {
            return Health.down().withDetail("error", "the broker did not say how full its disk is: " + e.getMessage())
                    .build();
        }
    }

    private Health health(boolean full, double used, int maxPercent) {
        double usedPercent = Math.round(used * 1000) / 10.0;
        if (full != wasFull) {
            wasFull = full;
            if (full) {
                log.error("the broker's disk is {} % full, above its max-disk-usage of {} %: the broker blocks every"
                        + " sender and the gateway takes nothing in until disk space is freed", usedPercent, maxPercent);
            } else {
                log.info("the broker's disk is {} % full, within its max-disk-usage of {} % again", usedPercent, maxPercent);
            }
        }
        Health.Builder health = full ? Health.down().withDetail("blocked",
                "the broker's disk is fuller than its max-disk-usage, and the broker blocks every sender:"
                        + " free disk space; intake resumes by itself")
                : Health.up();
        return health.withDetail("diskUsagePercent", usedPercent)
                .withDetail("maxDiskUsagePercent", maxPercent).build();
    }
}
