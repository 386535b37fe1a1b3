package no.samnav.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile: no dev token issuer. Without an issuer of its own the gateway refuses to
 * start and says what to set. With one (here an issuer on loopback publishing its JWKS, as HelseID
 * does) it takes that issuer's tokens, fetching the keys from the JWKS URL, refuses tokens of
 * another issuer, expired ones and ones signed by another key, and {@code /dev-auth/token} does not
 * exist, so nobody can mint tokens for the FHIR API. The operator API takes that issuer's tokens
 * with the scope {@code samnav/operator} only.
 */
class ProductionProfileIT {

    static final String ISSUER = "https://helseid-sts.test.example";

    @TempDir
    Path dataDir;

    final HttpClient http = HttpClient.newHttpClient();

    /** Started as an operator would, with command-line arguments (they outrank application.yml). */
    ConfigurableApplicationContext production(String... more) {
        List<String> args = new ArrayList<>(List.of("--samnav.data-dir=" + dataDir, "--server.port=0",
                "--samnav.broker.tcp-enabled=false"));
        args.addAll(List.of(more));
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
    void withAnIssuerItTakesThatIssuersTokensOnlyAndHasNoDevTokenEndpoint() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("helseid-test").generate();
        HttpServer issuer = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        issuer.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        issuer.start();
        try (ConfigurableApplicationContext context = production("--samnav.security.issuer-uri=" + ISSUER,
                "--samnav.security.jwk-set-uri=http://localhost:" + issuer.getAddress().getPort() + "/jwks")) {
            String base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();

            assertThat(get(base + "/fhir/Task", token(key, ISSUER, 600)).statusCode()).isEqualTo(200);
            assertThat(get(base + "/fhir/Task", token(key, "https://another-issuer.example", 600)).statusCode()).isEqualTo(401);
            assertThat(get(base + "/fhir/Task", token(key, ISSUER, -600)).statusCode()).isEqualTo(401);
            RSAKey other = new RSAKeyGenerator(2048).keyID("helseid-test").generate();
            assertThat(get(base + "/fhir/Task", token(other, ISSUER, 600)).statusCode()).isEqualTo(401);

            // the operator API: only this issuer's tokens with the operator scope
            String messages = base + "/api/messages?limit=1";
            assertThat(http.send(HttpRequest.newBuilder(URI.create(messages)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(401);
            assertThat(get(messages, token(key, ISSUER, 600)).statusCode()).isEqualTo(403);
            HttpResponse<String> operator = get(messages, token(key, ISSUER, 600, "samnav/operator"));
            assertThat(operator.statusCode()).as(operator.body()).isEqualTo(200);
            assertThat(get(messages, token(other, ISSUER, 600, "samnav/operator")).statusCode()).isEqualTo(401);
            // health stays open to probes (UP, or 503 while a component is still starting)
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isNotIn(401, 403);

            HttpResponse<String> devToken = http.send(HttpRequest.newBuilder(URI.create(base + "/dev-auth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("client_id=demo-infodoc-storsteinnes")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(devToken.statusCode()).isEqualTo(404);
        } finally {
            issuer.stop(0);
        }
    }

    HttpResponse<String> get(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A HelseID-shaped access token for Storsteinnes' client, valid for {@code seconds} (negative: expired). */
    static String token(RSAKey key, String issuer, long seconds) throws Exception {
        return token(key, issuer, seconds, "samnav/message.read");
    }

    static String token(RSAKey key, String issuer, long seconds, String scope) throws Exception {
        long now = System.currentTimeMillis();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(issuer).subject("demo-infodoc-storsteinnes")
                        .claim("client_id", "demo-infodoc-storsteinnes").claim("scope", scope)
                        .claim("helseid://claims/hpr/hpr_number", "9144889")
                        .issueTime(new Date(now - 60_000)).expirationTime(new Date(now + seconds * 1000)).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
