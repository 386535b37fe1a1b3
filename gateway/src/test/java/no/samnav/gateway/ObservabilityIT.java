package no.samnav.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.samnav.gateway.store.MessageStatus;
import no.samnav.gateway.store.MessageStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What an operator's monitoring sees of a running gateway: Prometheus metrics per participant,
 * standard and AppRec code, the end-to-end latency histogram, queue depths, health of broker and
 * message store, and log lines that name the message id but never the patient.
 */
@AutoConfigureObservability
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT extends GatewayITSupport {

    @DynamicPropertySource
    static void metricSettings(DynamicPropertyRegistry registry) {
        registry.add("samnav.metrics.queue-depth-interval", () -> "200ms");
    }

    @LocalServerPort
    int port;

    @Autowired
    MessageStore store;

    final HttpClient http = HttpClient.newHttpClient();

    String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void metricsHealthAndLogsDescribeTheFlowWithoutPatientData(CapturedOutput output) throws Exception {
        String msgId = UUID.randomUUID().toString();
        drop("storsteinnes", "note.xml", noteFromStorsteinnesToOteren(msgId).getBytes(StandardCharsets.UTF_8));
        drop("storsteinnes", "broken.xml", noteFromStorsteinnesToOteren(UUID.randomUUID().toString())
                .replace("</Notat>", "</Nota>").getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.byMsgId(msgId)
                .filter(m -> m.status() == MessageStatus.DELIVERED).isPresent());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = get("/actuator/prometheus");
            assertThat(metrics)
                    .containsPattern("samnav_messages_received_total\\{participant=\"storsteinnes\",standard=\"dialogmelding-1.1\"} 1\\.0")
                    .containsPattern("samnav_messages_delivered_total\\{participant=\"oteren\",standard=\"dialogmelding-1.0\"} 1\\.0")
                    .containsPattern("samnav_messages_rejected_total\\{code=\"T01\",participant=\"storsteinnes\"} 1\\.0")
                    .containsPattern("samnav_messages_latency_seconds_count\\{participant=\"oteren\"} 1")
                    .contains("samnav_messages_latency_seconds_bucket{participant=\"oteren\",le=")
                    .containsPattern("samnav_queue_depth\\{queue=\"samnav.deliver.oteren\"} 0\\.0")
                    .containsPattern("samnav_queue_depth\\{queue=\"samnav.route\"} 0\\.0")
                    // from 0 before the first dead letter, so that an alert on its increase sees the first
                    .containsPattern("samnav_messages_dead_lettered_total\\{participant=\"unn\"} 0\\.0")
                    .containsPattern("(?m)^samnav_health 1\\.0$")
                    // the embedded H2 store's file, which grows until the next start compacts it
                    .containsPattern("(?m)^samnav_store_file_size_bytes [1-9]")
                    // and forced to the disk every 100 ms (samnav.store.sync-interval)
                    .containsPattern("(?m)^samnav_store_sync_seconds_count [1-9]");
        });

        // the shipped alerting rules name only metrics the gateway exports
        String exported = get("/actuator/prometheus");
        Matcher named = Pattern.compile("\\bsamnav_[a-z_]+").matcher(Files.readString(Path.of("../docker/prometheus/alerts.yml")));
        Set<String> inRules = new TreeSet<>();
        while (named.find()) inRules.add(named.group());
        assertThat(inRules).isNotEmpty().allSatisfy(metric -> assertThat(exported).as("alerts.yml names " + metric)
                .containsPattern("(?m)^" + metric + "[{ ]"));

        String health = get("/actuator/health");
        assertThat(health).contains("\"status\":\"UP\"").contains("\"jms\":{\"status\":\"UP\"")
                .contains("\"db\":{\"status\":\"UP\"").contains("\"brokerStorage\":{\"status\":\"UP\"");

        String id = store.byMsgId(msgId).orElseThrow().id();
        assertThat(output.getOut().lines().filter(l -> l.contains("received from storsteinnes") && l.contains(id)))
                .isNotEmpty().allMatch(l -> l.contains("[msg=" + id + "]"));
        assertThat(output.getOut().lines().filter(l -> l.contains("routed to oteren") && l.contains(id)))
                .isNotEmpty().allMatch(l -> l.contains("[msg=" + id + "]"));
        assertThat(output.getOut().lines().filter(l -> l.contains("delivered to oteren") && l.contains(id)))
                .isNotEmpty().allMatch(l -> l.contains("[msg=" + id + "]"));
        assertThat(output.getAll()).doesNotContain(SAMPLE_PATIENT);

        Path jsonLog = Path.of(System.getProperty("logging.file.name"));
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(jsonLog)
                && Files.readString(jsonLog).contains("\"messageId\":\"" + id + "\""));
        assertThat(Files.readString(jsonLog)).doesNotContain(SAMPLE_PATIENT);
    }
}
