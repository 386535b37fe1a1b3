package no.samnav.gateway.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.jms.JMSException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import no.samnav.gateway.config.SamnavProperties;
import org.apache.activemq.artemis.core.postoffice.impl.LocalQueueBinding;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * {@code samnav.queue.depth{queue=…}}: messages waiting on each of the gateway's queues
 * (routing, one delivery queue per participant, dead letters), refreshed every few seconds so
 * queues created by a reload appear without a restart. Read from the embedded broker directly, or
 * from an external broker through its management address ({@link BrokerManagement}); every node of
 * a cluster reports the same queues.
 */
@Component
public class QueueDepthMetrics {

    private static final Logger log = LoggerFactory.getLogger(QueueDepthMetrics.class);

    private static final String PREFIX = "samnav.";

    private final ObjectProvider<EmbeddedActiveMQ> broker;
    private final BrokerManagement management;
    private volatile boolean externalFailing;
    private final MultiGauge depths;
    private final Duration interval;
    private final TaskScheduler scheduler;

    public QueueDepthMetrics(ObjectProvider<EmbeddedActiveMQ> broker, BrokerManagement management, MeterRegistry registry,
            SamnavProperties properties, TaskScheduler scheduler) {
        this.broker = broker;
        this.management = management;
        this.interval = properties.metrics().queueDepthInterval();
        this.scheduler = scheduler;
        this.depths = MultiGauge.builder("samnav.queue.depth").description("Messages waiting on a gateway queue")
                .register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler.scheduleWithFixedDelay(this::refresh, interval);
    }

    /** Reads the depth of every {@code samnav.*} queue. */
    public void refresh() {
        EmbeddedActiveMQ embedded = broker.getIfAvailable();
        if (embedded == null) {
            refreshExternal();
            return;
        }
        ActiveMQServer server = embedded.getActiveMQServer();
        if (server == null || !server.isActive()) return;
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        server.getPostOffice().getAllBindings()
                .filter(LocalQueueBinding.class::isInstance)
                .map(b -> ((LocalQueueBinding) b).getQueue())
                .filter(q -> q.getName().toString().startsWith(PREFIX))
                .forEach(q -> rows.add(MultiGauge.Row.of(Tags.of("queue", q.getName().toString()), q.getMessageCount())));
        depths.register(rows, true);
    }

    private void refreshExternal() {
        try {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            management.queueDepths(PREFIX).forEach((queue, count) -> rows.add(MultiGauge.Row.of(Tags.of("queue", queue), count)));
            depths.register(rows, true);
            if (externalFailing) log.info("queue depths are read from the broker again");
            externalFailing = false;
        } catch (JMSException | RuntimeException e) {
            // once per outage, not every few seconds; the gauges keep their last values
            if (!externalFailing) log.warn("cannot read queue depths from the broker's management address: {}", e.getMessage());
            externalFailing = true;
        }
    }
}
