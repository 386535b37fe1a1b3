package no.samnav.gateway.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.registry.Participant;
import no.samnav.gateway.store.MessageStore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One route per file participant, {@code deliver-<id>}: writes each payload to the inbox under a
 * temporary name ({@code <name>.part}), records the delivery, and only then renames the file, so
 * the journal system never reads half a file and never gets a message twice: a gateway stopped
 * between the record and the rename finishes the rename when the order comes again, and one
 * stopped before the record writes the temporary file anew. Failures are retried and
 * dead-lettered by the shared {@link DeliveryPolicy}.
 */
@Component
public class FileDeliveryRoutes extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(FileDeliveryRoutes.class);
    static final String PART = ".part";
    static final String FINAL_NAME_HEADER = "SamnavFinalFileName";

    private final RegistryHolder registry;
    private final DeliveryPolicy policy;
    private final DeliveryProcessors delivery;
    private final MessageStore store;

    public FileDeliveryRoutes(RegistryHolder registry, DeliveryPolicy policy, DeliveryProcessors delivery,
            MessageStore store) {
        this.registry = registry;
        this.policy = policy;
        this.delivery = delivery;
        this.store = store;
    }

    @Override
    public void configure() {
        errorHandler(policy.deadLetterChannel());
        for (Participant p : registry.current().participants()) {
            Path inbox = p.channel().inbox();
            from("jms:queue:" + Queues.deliverTo(p.id()) + "?transacted=true")
                    .routeId("deliver-" + p.id())
                    .setHeader(Queues.PARTICIPANT_HEADER, constant(p.id()))
                    .process(delivery.load())
                    .choice()
                        .when(header(DeliveryProcessors.ALREADY_DELIVERED_HEADER).isNull())
                            .setHeader(FINAL_NAME_HEADER, header(Exchange.FILE_NAME))
                            .setHeader(Exchange.FILE_NAME, simple("${header." + Exchange.FILE_NAME + "}" + PART))
                            .to("file:" + inbox + "?fileExist=Override")
                            .process(delivery.delivered())
                            .process(exchange -> publish(inbox, exchange.getIn().getHeader(FINAL_NAME_HEADER, String.class)))
                        .otherwise()
                            .process(finishInterrupted(inbox))
                    .end();
        }
    }

    /** Renames {@code <name>.part} to {@code <name>}: from now on the journal system sees the file. */
    private static boolean publish(Path inbox, String name) throws IOException {
        Path part = inbox.resolve(name + PART);
        if (!Files.exists(part)) return false;
        Files.move(part, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    /** A recorded delivery whose rename did not happen (the gateway stopped in between): rename now. */
    private Processor finishInterrupted(Path inbox) {
        return exchange -> {
            String messageId = exchange.getIn().getHeader(DeliveryProcessors.MESSAGE_ID_HEADER, String.class);
            String participant = exchange.getIn().getHeader(Queues.PARTICIPANT_HEADER, String.class);
            var recorded = store.delivery(messageId, participant);
            if (recorded.isPresent() && publish(inbox, recorded.get().fileName())) {
                log.info("message {}: finished the interrupted delivery to {}", messageId, participant);
            }
        };
    }
}
