package no.samnav.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;

/** {@code samnav_health} follows the health endpoint at each read: 1 while UP, 0 otherwise. */
class HealthMetricTest {

    @Test
    @SuppressWarnings("unchecked")
    void isOneWhileUpAndZeroWhenABrokerOrTheStoreIsDown() {
        HealthEndpoint endpoint = mock(HealthEndpoint.class);
        ObjectProvider<HealthEndpoint> provider = mock(ObjectProvider.class);
        when(provider.getIfAvailable()).thenReturn(endpoint);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new HealthMetric(provider).bindTo(registry);

        when(endpoint.health()).thenReturn(Health.up().build());
        assertThat(registry.get("samnav.health").gauge().value()).isEqualTo(1.0);
        when(endpoint.health()).thenReturn(Health.down().withDetail("component", "db").build());
        assertThat(registry.get("samnav.health").gauge().value()).isEqualTo(0.0);
        when(endpoint.health()).thenReturn(Health.outOfService().build());
        assertThat(registry.get("samnav.health").gauge().value()).isEqualTo(0.0);
    }
}
