package no.samnav.gateway.routes;

import no.samnav.gateway.config.SamnavProperties;
import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.registry.Participant;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One route per file participant, {@code ingest-<id>}: picks up complete {@code *.xml} files from
 * its outbox (integrators write under another name, e.g. {@code x.xml.part} or {@code .x.xml}, and
 * rename when done; empty files are left alone), ingests them and hands them to the routing queue.
 * The file is moved to {@code .done} only after the message is stored and on the durable queue; if
 * anything fails before, it stays and is picked up again.
 */
@Component
public class FileIngestRoutes extends RouteBuilder {

    private final RegistryHolder registry;
    private final SamnavProperties properties;
    private final IngestProcessor ingest;

    public FileIngestRoutes(RegistryHolder registry, SamnavProperties properties, IngestProcessor ingest) {
        this.registry = registry;
        this.properties = properties;
        this.ingest = ingest;
    }

    @Override
    public void configure() {
        for (Participant p : registry.current().participants()) {
            from("file:" + p.channel().outbox() + "?antInclude=*.xml&filter=#completeFiles"
                    + "&move=.done/${file:name.noext}-${date:now:yyyyMMddHHmmssSSS}.xml"
                    + "&delay=" + properties.filePollInterval().toMillis())
                    .routeId("ingest-" + p.id())
                    .setHeader(IngestProcessor.CHANNEL_HEADER, constant(p.id()))
                    .process(ingest)
                    .filter(header(IngestProcessor.DONE_HEADER).isNull())
                    .to("jms:queue:" + Queues.ROUTE);
        }
    }
}
