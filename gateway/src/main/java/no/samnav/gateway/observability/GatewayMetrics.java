package no.samnav.gateway.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The gateway's message counters and end-to-end latency, published at {@code /actuator/prometheus}.
 * Tags carry participant ids, standards and AppRec codes only, never patient data, and stay few
 * (participants × standards) so the series count is bounded.
 */
@Component
public class GatewayMetrics {

    /** Messages accepted from a participant's channel. */
    public static final String RECEIVED = "samnav.messages.received";
    /** Messages and receipts written to a participant's channel. */
    public static final String DELIVERED = "samnav.messages.delivered";
    /** Inputs the gateway answered with AppRec "avvist". */
    public static final String REJECTED = "samnav.messages.rejected";
    /** Deliveries that gave up after every retry. */
    public static final String DEAD_LETTERED = "samnav.messages.dead.lettered";
    /** From the moment a message is stored to the moment it is written to the receiver's channel. */
    public static final String LATENCY = "samnav.messages.latency";
    /** Shared journal publications, by outcome (published, objection, not-configured, failed). */
    public static final String JOURNAL_PUBLISHED = "samnav.journal.publications";
    /** Shared journal accesses, by action and outcome (allowed, denied). */
    public static final String JOURNAL_ACCESS = "samnav.journal.access";
    /** Inputs of the file channels stored and queued together, per batch. */
    public static final String INGEST_BATCH = "samnav.ingest.batch.size";

    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(String participant, String standard) {
        Counter.builder(RECEIVED).description("Messages accepted from a participant's channel")
                .tag("participant", participant).tag("standard", standard).register(registry).increment();
    }

    public void rejected(String participant, String appRecCode) {
        Counter.builder(REJECTED).description("Inputs answered with AppRec avvist by the gateway")
                .tag("participant", participant).tag("code", appRecCode).register(registry).increment();
    }

    public void delivered(String participant, String standard, Duration sinceReceived) {
        Counter.builder(DELIVERED).description("Messages and receipts written to a participant's channel")
                .tag("participant", participant).tag("standard", standard).register(registry).increment();
        Timer.builder(LATENCY).description("Stored at ingest to written to the receiver's channel")
                .tag("participant", participant).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry).record(sinceReceived.isNegative() ? Duration.ZERO : sinceReceived);
    }

    public void deadLettered(String participant) {
        deadLetters(participant).increment();
    }

    /**
     * A participant's dead-letter counter from 0 on, before its first dead letter: Prometheus'
     * {@code increase()} sees no increase in a series that first appears at 1, so an alert on dead
     * letters would miss the first one.
     */
    public void participantKnown(String participant) {
        deadLetters(participant);
    }

    private Counter deadLetters(String participant) {
        return Counter.builder(DEAD_LETTERED).description("Deliveries dead-lettered after every retry")
                .tag("participant", participant).register(registry);
    }

    public void journalPublication(String outcome) {
        Counter.builder(JOURNAL_PUBLISHED).description("Routed messages offered to the shared journal, by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    public void journalAccess(String action, boolean allowed) {
        Counter.builder(JOURNAL_ACCESS).description("Searches, reads and emergency accesses in the shared journal")
                .tag("action", action).tag("outcome", allowed ? "allowed" : "denied").register(registry).increment();
    }

    /** A batch of the file channels' inputs committed (store and broker) with {@code inputs} inputs. */
    public void ingestBatch(int inputs) {
        DistributionSummary.builder(INGEST_BATCH).description("Inputs of the file channels stored and queued in one"
                + " store and one broker transaction").baseUnit("inputs").register(registry).record(inputs);
    }
}
