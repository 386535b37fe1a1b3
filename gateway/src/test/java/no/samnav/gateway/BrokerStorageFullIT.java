package no.samnav.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A broker whose disk is fuller than its {@code max-disk-usage} blocks every sender, so the gateway
 * takes nothing in; its health says so (and with it {@code samnav_health}, which the SamnavUnhealthy
 * alert watches), and the log names the cause. The limit is set to 0 % here, which any real disk
 * exceeds.
 */
@AutoConfigureObservability
@ExtendWith(OutputCaptureExtension.class)
class BrokerStorageFullIT extends GatewayITSupport {

    @DynamicPropertySource
    static void fullDisk(DynamicPropertyRegistry registry) {
        registry.add("samnav.broker.max-disk-usage", () -> "0");
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBrokerThatBlocksSendersForLackOfDiskMakesTheGatewayUnhealthy(CapturedOutput output) throws Exception {
        // the broker scans its disk every few seconds
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> health = get("/actuator/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"brokerStorage\":{\"status\":\"DOWN\"}")
                    .contains("\"jms\":{\"status\":\"UP\"}").contains("\"db\":{\"status\":\"UP\"}");
        });
        assertThat(get("/actuator/prometheus").body()).containsPattern("(?m)^samnav_health 0\\.0$");
        assertThat(output.getOut()).contains("above its max-disk-usage of 0 %: the broker blocks every sender");
    }
}
