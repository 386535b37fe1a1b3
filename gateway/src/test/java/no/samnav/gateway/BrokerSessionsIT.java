package no.samnav.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Journal systems writing at the same time: the gateway's sends outside a consumer's transaction
 * (the ingest batches hand the file participants' orders to the broker, the FHIR API its own) reuse
 * the broker sessions they opened, instead of opening and closing one for every message under the
 * broker connection's lock (Spring Boot's session cache of one did that;
 * {@code spring.jms.cache.session-cache-size}).
 */
class BrokerSessionsIT extends GatewayITSupport {

    private static final int NOTES_PER_OUTBOX = 40;

    @Autowired
    EmbeddedActiveMQ broker;

    @DynamicPropertySource
    static void quietMetrics(DynamicPropertyRegistry registry) {
        // the queue depth gauges ask the broker over sessions of their own: not during this test
        registry.add("samnav.metrics.queue-depth-interval", () -> "1h");
    }

    private long sessionsOpenedSinceStart() throws Exception {
        return broker.getActiveMQServer().getActiveMQServerControl().getTotalSessionCount();
    }

    private static long xmlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".xml")).count();
        }
    }

    @Test
    void ingestsOfTwoOfficesAtOnceReuseTheirBrokerSessions() throws Exception {
        // one note each way first: every route has started and opened what it keeps open
        drop("storsteinnes", "first.xml", noteFromStorsteinnesToOteren(UUID.randomUUID().toString()));
        drop("oteren", "first.xml", GatewayTestMessages.noteFromOteren(UUID.randomUUID().toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> xmlFiles(inbox("oteren")) == 1 && xmlFiles(inbox("storsteinnes")) == 1);
        long before = sessionsOpenedSinceStart();

        for (int i = 0; i < NOTES_PER_OUTBOX; i++) {
            drop("storsteinnes", "to-oteren-" + i + ".xml", noteFromStorsteinnesToOteren(UUID.randomUUID().toString()));
            drop("oteren", "to-storsteinnes-" + i + ".xml", GatewayTestMessages.noteFromOteren(UUID.randomUUID().toString()));
        }
        await().atMost(Duration.ofSeconds(60)).until(
                () -> xmlFiles(inbox("oteren")) == 1 + NOTES_PER_OUTBOX && xmlFiles(inbox("storsteinnes")) == 1 + NOTES_PER_OUTBOX);

        long opened = sessionsOpenedSinceStart() - before;
        assertThat(opened).as("broker sessions opened for %d notes from two offices at once", 2 * NOTES_PER_OUTBOX)
                .isLessThanOrEqualTo(4);
    }
}
