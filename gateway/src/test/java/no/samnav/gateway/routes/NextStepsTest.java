package no.samnav.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.samnav.gateway.flow.IngestService.Outcome;
import no.samnav.gateway.flow.RoutingService.DeliveryOrder;
import org.apache.camel.Exchange;
import org.apache.camel.component.jms.JmsConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** Where ingest sends what it has stored: the receivers' delivery queues, the sender's, or the routing queue. */
class NextStepsTest {

    @Test
    void aRoutedMessageGoesToItsReceiversQueuesAndAFinishedResubmissionNowhere() {
        assertThat(IngestProcessor.nextSteps(new Outcome.Routed("m1", List.of(new DeliveryOrder("m1", "oteren")), false)))
                .containsExactly(new DeliveryOrder("m1", "oteren"));
        assertThat(IngestProcessor.nextSteps(new Outcome.Routed("m1", List.of(), true))).isEmpty();
    }

    @Test
    void aRejectionGoesToTheSendersOwnQueueAndAnUnroutedMessageToTheRoutingQueue() {
        assertThat(IngestProcessor.nextSteps(new Outcome.Rejected("m2", "storsteinnes")))
                .containsExactly(new DeliveryOrder("m2", "storsteinnes"));
        assertThat(IngestProcessor.nextSteps(new Outcome.Accepted("m3", false)))
                .singleElement().satisfies(order -> assertThat(order.isRouting()).isTrue());
    }

    @Test
    void theOrderProcessorNamesTheQueue() {
        DeliveryOrderProcessor processor = new DeliveryOrderProcessor();
        Exchange delivery = exchange(new DeliveryOrder("m1", "oteren"));
        processor.process(delivery);
        assertThat(delivery.getIn().getBody()).isEqualTo("m1");
        assertThat(delivery.getIn().getHeader(JmsConstants.JMS_DESTINATION_NAME)).isEqualTo("samnav.deliver.oteren");
        assertThat(delivery.getIn().getHeader(Queues.PARTICIPANT_HEADER)).isEqualTo("oteren");

        Exchange routing = exchange(DeliveryOrder.toRouting("m3"));
        routing.getIn().setHeader(Queues.PARTICIPANT_HEADER, "left over");
        processor.process(routing);
        assertThat(routing.getIn().getHeader(JmsConstants.JMS_DESTINATION_NAME)).isEqualTo(Queues.ROUTE);
        assertThat(routing.getIn().getHeaders()).doesNotContainKey(Queues.PARTICIPANT_HEADER);
    }

    private static Exchange exchange(DeliveryOrder order) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setBody(order);
        return exchange;
    }
}
