package no.samnav.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's settings ({@code samnav.*}, kebab-case; every key is listed in
 * {@code docs/configuration.md}). Secrets never go here: they come from the environment.
 *
 * @param dataDir          where the broker journal, the embedded database and the demo folders live
 * @param cooperationFile  the YAML cooperation file; empty means the bundled demo cooperation
 * @param maxPayloadBytes  largest accepted message
 * @param filePollInterval how often outboxes are scanned
 * @param routing          how many messages are routed at once
 * @param delivery         retry and dead-letter policy of deliveries
 * @param metrics          how often gauges read the broker
 * @param store            upkeep of the embedded message store
 * @param ingest           how the file channels' inputs are stored and queued
 */
@ConfigurationProperties("samnav")
public record SamnavProperties(Path dataDir, String cooperationFile, Integer maxPayloadBytes, Duration filePollInterval,
        Routing routing, Delivery delivery, Metrics metrics, Store store, Ingest ingest) {

    public SamnavProperties {
        if (dataDir == null) dataDir = Path.of("data");
        if (maxPayloadBytes == null) maxPayloadBytes = 32 * 1024 * 1024;
        if (filePollInterval == null) filePollInterval = Duration.ofMillis(500);
        if (routing == null) routing = new Routing(null);
        if (delivery == null) delivery = new Delivery(null, null, null, null);
        if (metrics == null) metrics = new Metrics(null);
        if (store == null) store = new Store(null, null);
        if (ingest == null) ingest = new Ingest(null, null);
    }

    /**
     * @param batchSize    most inputs of the file channels stored in one store transaction and
     *                     queued in one broker transaction (a batch takes what waits, never waits
     *                     for more; 1: one message per transaction)
     * @param batchThreads batches stored at once
     */
    public record Ingest(Integer batchSize, Integer batchThreads) {
        public Ingest {
            if (batchSize == null) batchSize = 32;
            if (batchThreads == null) batchThreads = 2;
            if (batchSize < 1) throw new IllegalArgumentException("samnav.ingest.batch-size must be at least 1");
            if (batchThreads < 1) throw new IllegalArgumentException("samnav.ingest.batch-threads must be at least 1");
        }
    }

    /**
     * @param compactOnStart rewrite the embedded H2 store's file to its live data when the gateway
     *                       starts, before anything uses it; ignored with PostgreSQL
     * @param syncInterval   how often the embedded H2 store's written pages are forced to the disk
     *                       (zero: never, the operating system flushes them); ignored with PostgreSQL
     */
    public record Store(Boolean compactOnStart, Duration syncInterval) {
        public Store {
            if (compactOnStart == null) compactOnStart = true;
            if (syncInterval == null) syncInterval = Duration.ofMillis(100);
            if (syncInterval.isNegative()) throw new IllegalArgumentException("samnav.store.sync-interval must not be negative");
        }
    }

    /** @param queueDepthInterval how often the queue depth gauges are refreshed from the broker */
    public record Metrics(Duration queueDepthInterval) {
        public Metrics {
            if (queueDepthInterval == null) queueDepthInterval = Duration.ofSeconds(5);
        }
    }

    /**
     * @param concurrentConsumers consumers of the routing queue: messages parsed, translated and stored
     *                            at once (deliveries keep one consumer per participant, so each
     *                            receiver gets its messages in the order they were routed)
     */
    public record Routing(Integer concurrentConsumers) {
        public Routing {
            if (concurrentConsumers == null) concurrentConsumers = 4;
            if (concurrentConsumers < 1) throw new IllegalArgumentException("samnav.routing.concurrent-consumers must be at least 1");
        }
    }

    /**
     * @param maximumRedeliveries attempts after the first before a delivery is dead-lettered
     * @param initialDelay        wait before the first retry
     * @param backoffMultiplier   factor between successive waits
     * @param maximumDelay        longest wait between retries
     */
    public record Delivery(Integer maximumRedeliveries, Duration initialDelay, Double backoffMultiplier,
            Duration maximumDelay) {
        public Delivery {
            if (maximumRedeliveries == null) maximumRedeliveries = 6;
            if (initialDelay == null) initialDelay = Duration.ofSeconds(1);
            if (backoffMultiplier == null) backoffMultiplier = 2.0;
            if (maximumDelay == null) maximumDelay = Duration.ofMinutes(1);
        }
    }
}
