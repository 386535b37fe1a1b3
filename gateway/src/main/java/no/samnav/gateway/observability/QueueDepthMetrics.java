package no.samnav.gateway.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import no.samnav.gateway.config.SamnavProperties;
import org.apache.activemq.artemis.core.postoffice.impl.LocalQueueBinding;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * {@code samnav.queue.depth{queue=…}}: messages waiting on each of the gateway's queues of the
 * embedded broker (routing, one delivery queue per participant, dead letters), refreshed every few
 * seconds so queues created by a reload appear without a restart. An external broker publishes its
 * own queue metrics; then this gauge is empty.
 */
@Component
public class QueueDepthMetrics {

    private final ObjectProvider<EmbeddedActiveMQ> broker;
    private final MultiGauge depths;
    private final Duration interval;
    private final TaskScheduler scheduler;

    public QueueDepthMetrics(ObjectProvider<EmbeddedActiveMQ> broker, MeterRegistry registry, SamnavProperties properties,
            TaskScheduler scheduler) {
        this.broker = broker;
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
        ActiveMQServer server = embedded == null ? null : embedded.getActiveMQServer();
        if (server == null || !server.isActive()) return;
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        server.getPostOffice().getAllBindings()
                .filter(LocalQueueBinding.class::isInstance)
                .map(b -> ((LocalQueueBinding) b).getQueue())
                .filter(q -> q.getName().toString().startsWith("samnav."))
                .forEach(q -> rows.add(MultiGauge.Row.of(Tags.of("queue", q.getName().toString()), q.getMessageCount())));
        depths.register(rows, true);
    }
}
