package no.samnav.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile has no dev token issuer: without an issuer of its own the gateway refuses
 * to start and says what to set; with one it starts and {@code /dev-auth/token} does not exist, so
 * nobody can mint tokens for the FHIR API.
 */
class ProductionProfileIT {

    @TempDir
    Path dataDir;

    /** Started as an operator would, with command-line arguments (they outrank application.yml). */
    ConfigurableApplicationContext production(String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--samnav.data-dir=" + dataDir,
                "--server.port=0", "--samnav.broker.tcp-enabled=false"));
        args.addAll(java.util.List.of(more));
        return new SpringApplicationBuilder(SamnavGatewayApplication.class).profiles("production")
                .run(args.toArray(String[]::new));
    }

    @Test
    void withoutAnIssuerTheGatewayDoesNotStartAndSaysWhatToSet() {
        assertThatThrownBy(() -> production().close())
                .rootCause().hasMessageContaining("needs a token issuer")
                .hasMessageContaining("SAMNAV_SECURITY_JWK_SET_URI");
    }

    @Test
    void withAnIssuerThereIsNoDevTokenEndpoint() throws Exception {
        try (ConfigurableApplicationContext context = production(
                "--samnav.security.issuer-uri=https://helseid-sts.test.nhn.example",
                "--samnav.security.jwk-set-uri=https://helseid-sts.test.nhn.example/jwks")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/dev-auth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("client_id=demo-infodoc-storsteinnes")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).isEqualTo(404);
            HttpResponse<String> metadata = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/fhir/metadata")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metadata.statusCode()).isEqualTo(200);
        }
    }
}
