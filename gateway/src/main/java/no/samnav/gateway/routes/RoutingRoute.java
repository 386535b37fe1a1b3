package no.samnav.gateway.routes;

import no.samnav.gateway.config.SamnavProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code route}: resolves receivers and translates, then queues one delivery per receiver. */
@Component
public class RoutingRoute extends RouteBuilder {

    private final DeliveryPolicy policy;
    private final RoutingProcessor routing;
    private final DeliveryOrderProcessor order;
    private final int concurrentConsumers;

    public RoutingRoute(DeliveryPolicy policy, RoutingProcessor routing, DeliveryOrderProcessor order,
            SamnavProperties properties) {
        this.concurrentConsumers = properties.routing().concurrentConsumers();
        this.policy = policy;
        this.routing = routing;
        this.order = order;
    }

    @Override
    public void configure() {
        errorHandler(policy.deadLetterChannel());
        from("jms:queue:" + Queues.ROUTE + "?transacted=true&concurrentConsumers=" + concurrentConsumers)
                .routeId("route")
                .process(routing)
                .split(body())
                    .process(order)
                    // the order processor names the participant's queue in CamelJmsDestinationName
                    .to("jms:queue:" + Queues.ROUTE)
                .end();
    }
}
