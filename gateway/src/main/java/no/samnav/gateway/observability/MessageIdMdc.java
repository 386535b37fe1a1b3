package no.samnav.gateway.observability;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Puts the gateway message id in the logging context ({@code messageId}) for the whole exchange of
 * every route, so each log line of a step names the message it is about. The routing and delivery
 * queues carry the id as their body; ingest sets it as soon as the message is stored.
 */
@Component
public class MessageIdMdc implements RoutePolicyFactory {

    /** The MDC key, also used by the log pattern and the structured log formats. */
    public static final String KEY = "messageId";
    /** The header that carries the message id through a route. */
    public static final String HEADER = "SamnavMessageId";

    /** Sets the key for the current thread's step. */
    public static void set(String messageId) {
        if (messageId != null) MDC.put(KEY, messageId);
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return new RoutePolicySupport() {
            @Override
            public void onExchangeBegin(Route r, Exchange exchange) {
                String id = exchange.getIn().getHeader(HEADER, String.class);
                if (id == null && exchange.getIn().getBody() instanceof String body && body.length() <= 64) id = body;
                set(id);
            }

            @Override
            public void onExchangeDone(Route r, Exchange exchange) {
                MDC.remove(KEY);
            }
        };
    }
}
