package no.samnav.gateway.routes;

import no.samnav.gateway.flow.RoutingService.DeliveryOrder;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsConstants;
import org.springframework.stereotype.Component;

/** Turns one delivery order into a message for the participant's delivery queue (or the routing queue). */
@Component
public class DeliveryOrderProcessor implements Processor {

    @Override
    public void process(Exchange exchange) {
        DeliveryOrder order = exchange.getIn().getBody(DeliveryOrder.class);
        exchange.getIn().setBody(order.messageId());
        if (order.isRouting()) {
            exchange.getIn().removeHeader(Queues.PARTICIPANT_HEADER);
            exchange.getIn().setHeader(JmsConstants.JMS_DESTINATION_NAME, Queues.ROUTE);
            return;
        }
        exchange.getIn().setHeader(Queues.PARTICIPANT_HEADER, order.participant());
        exchange.getIn().setHeader(JmsConstants.JMS_DESTINATION_NAME, Queues.deliverTo(order.participant()));
    }
}
