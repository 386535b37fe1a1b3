package no.samnav.gateway.routes;

import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.registry.Participant;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One route per file participant, {@code deliver-<id>}: writes each payload to the inbox under a
 * temporary name and renames it when complete, so the journal system never reads half a file.
 * Already delivered payloads are not written again; failures are retried and dead-lettered by the
 * shared {@link DeliveryPolicy}.
 */
@Component
public class FileDeliveryRoutes extends RouteBuilder {

    private final RegistryHolder registry;
    private final DeliveryPolicy policy;
    private final DeliveryProcessors delivery;

    public FileDeliveryRoutes(RegistryHolder registry, DeliveryPolicy policy, DeliveryProcessors delivery) {
        this.registry = registry;
        this.policy = policy;
        this.delivery = delivery;
    }

    @Override
    public void configure() {
        errorHandler(policy.deadLetterChannel());
        for (Participant p : registry.current().participants()) {
            from("jms:queue:" + Queues.deliverTo(p.id()) + "?transacted=true")
                    .routeId("deliver-" + p.id())
                    .setHeader(Queues.PARTICIPANT_HEADER, constant(p.id()))
                    .process(delivery.load())
                    .filter(header(DeliveryProcessors.ALREADY_DELIVERED_HEADER).isNull())
                        .to("file:" + p.channel().inbox() + "?tempFileName=${file:name}.part&fileExist=Override")
                        .process(delivery.delivered())
                    .end();
        }
    }
}
