package no.samnav.gateway.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code samnav_health}: 1 while {@code /actuator/health} says UP (the broker and the message store
 * reachable), else 0, read at each scrape. A node whose broker or database is gone still answers
 * Prometheus' scrapes, so {@code up} alone would not show it.
 */
@Component
public class HealthMetric implements MeterBinder {

    private final ObjectProvider<HealthEndpoint> health;

    public HealthMetric(ObjectProvider<HealthEndpoint> health) {
        this.health = health;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("samnav.health", this, HealthMetric::up)
                .description("1 while the gateway's health (broker and message store) is UP, else 0")
                .register(registry);
    }

    private double up() {
        HealthEndpoint endpoint = health.getIfAvailable();
        return endpoint != null && Status.UP.equals(endpoint.health().getStatus()) ? 1 : 0;
    }
}
