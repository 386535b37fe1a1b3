package no.samnav.gateway.routes;

import no.samnav.gateway.flow.RoutingService;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/** Camel adapter of {@link RoutingService}: the body becomes the list of delivery orders. */
@Component
public class RoutingProcessor implements Processor {

    private final RoutingService routing;

    public RoutingProcessor(RoutingService routing) {
        this.routing = routing;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.getIn().setBody(routing.route(exchange.getIn().getBody(String.class)));
    }
}
