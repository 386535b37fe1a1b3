package no.samnav.gateway;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole gateway for an integration test class: the real Spring context on a random port, the
 * embedded Artemis with a persistent journal and the demo cooperation's file channels in a fresh
 * data directory, and the message store in the database the concrete class chooses (the embedded H2
 * by default; {@link PostgresTestDatabase} for PostgreSQL). Each class gets its own context, closed
 * after the class, so two classes never share a broker or a data directory. Also the helpers of a
 * well-behaved journal system: drop a file, await a file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class GatewayITSupport {

    @TempDir
    static Path dataDir;

    static final String STORSTEINNES_HER = GatewayTestMessages.STORSTEINNES_HER;
    static final String OTEREN_HER = GatewayTestMessages.OTEREN_HER;
    /** The patient of the shipped sample (synthetic). */
    static final String SAMPLE_PATIENT = GatewayTestMessages.PATIENT_FNR;

    @DynamicPropertySource
    static void gatewaySettings(DynamicPropertyRegistry registry) {
        registry.add("samnav.data-dir", () -> dataDir.toString());
        registry.add("samnav.file-poll-interval", () -> "100ms");
        registry.add("samnav.delivery.initial-delay", () -> "50ms");
        registry.add("samnav.delivery.maximum-redeliveries", () -> "2");
    }

    /**
     * A token from the gateway's dev issuer, as a client gets one from HelseID; {@code form} holds
     * client_id, scope and, as the test needs, hpr_number and expires_in.
     */
    static String devToken(int port, String form) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/dev-auth/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).as("dev token").isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("access_token").asText();
    }

    static Path outbox(String participant) {
        return dataDir.resolve("participants").resolve(participant).resolve("outbox");
    }

    static Path inbox(String participant) {
        return dataDir.resolve("participants").resolve(participant).resolve("inbox");
    }

    /** The shipped sample, turned around: Storsteinnes writes to Oteren, with a fresh message id. */
    static String noteFromStorsteinnesToOteren(String msgId) {
        return GatewayTestMessages.noteToOteren(msgId);
    }

    /** Writes like a well-behaved journal system: under a temporary name, then renamed. */
    static void drop(String participant, String fileName, byte[] content) throws IOException {
        Path tmp = outbox(participant).resolve(fileName + ".part");
        Files.write(tmp, content);
        Files.move(tmp, outbox(participant).resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
    }

    static void drop(String participant, String fileName, String content) throws IOException {
        drop(participant, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    static String awaitFileContaining(Path dir, String needle) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> find(dir, needle), s -> s != null);
    }

    static String find(Path dir, String needle) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                String content = Files.readString(p, StandardCharsets.UTF_8);
                if (content.contains(needle)) return content;
            }
        }
        return null;
    }

    static long countFilesContaining(Path dir, String needle) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".xml")).filter(f -> {
                try {
                    return Files.readString(f, StandardCharsets.UTF_8).contains(needle);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).count();
        }
    }
}
