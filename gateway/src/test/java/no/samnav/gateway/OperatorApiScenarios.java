package no.samnav.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The operator API over HTTP on the running gateway: searching the store, a delivered message's
 * timeline and deliveries, problem JSON for errors, and a delivery that dead-letters (Oteren's inbox
 * is replaced by a regular file), is fixed and resent through the API, and arrives exactly once.
 * Run against the embedded H2 ({@link OperatorApiH2IT}) and PostgreSQL ({@link OperatorApiPostgresIT}).
 */
abstract class OperatorApiScenarios extends GatewayITSupport {

    /** A second synthetic patient (valid check digits, fictional). */
    static final String OTHER_PATIENT = "03078512384";

    @Autowired
    TestRestTemplate http;

    final ObjectMapper json = new ObjectMapper();

    JsonNode get(String path, HttpStatus expected) throws IOException {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(expected);
        return json.readTree(response.getBody());
    }

    JsonNode post(String path, HttpStatus expected) throws IOException {
        ResponseEntity<String> response = http.postForEntity(path, null, String.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(expected);
        return json.readTree(response.getBody());
    }

    static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    String sendNote(String msgId, String patient) throws IOException {
        String note = noteFromStorsteinnesToOteren(msgId).replace(SAMPLE_PATIENT, patient);
        drop("storsteinnes", msgId + ".xml", note.getBytes(StandardCharsets.UTF_8));
        return note;
    }

    JsonNode awaitStatus(String msgId, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            ResponseEntity<String> r = http.getForEntity("/api/messages/" + msgId, String.class);
            return r.getStatusCode() == HttpStatus.OK ? json.readTree(r.getBody()) : null;
        }, m -> m != null && m.path("status").asText().equals(status));
    }

    @Test
    void searchByPatientPartiesStatusAndTime() throws IOException {
        Instant before = Instant.now().minusSeconds(1);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        sendNote(first, SAMPLE_PATIENT);
        sendNote(second, OTHER_PATIENT);
        awaitStatus(first, "DELIVERED");
        awaitStatus(second, "DELIVERED");

        JsonNode byPatient = get("/api/messages?patient=" + OTHER_PATIENT, HttpStatus.OK);
        assertThat(texts(byPatient.path("messages"), "msgId")).contains(second).doesNotContain(first);
        assertThat(byPatient.toString()).doesNotContain(OTHER_PATIENT);

        JsonNode byParties = get("/api/messages?sender=" + STORSTEINNES_HER + "&receiver=" + OTEREN_HER
                + "&status=delivered&from=" + before + "&limit=1000", HttpStatus.OK);
        assertThat(texts(byParties.path("messages"), "msgId")).contains(first, second);
        assertThat(byParties.path("messages").get(0).path("status").asText()).isEqualTo("DELIVERED");

        assertThat(texts(get("/api/messages?sender=" + OTEREN_HER, HttpStatus.OK).path("messages"), "msgId"))
                .doesNotContain(first, second);
        assertThat(texts(get("/api/messages?status=REJECTED&limit=1000", HttpStatus.OK).path("messages"), "msgId"))
                .doesNotContain(first, second);
        assertThat(texts(get("/api/messages?to=" + before, HttpStatus.OK).path("messages"), "msgId"))
                .doesNotContain(first, second);
        JsonNode limited = get("/api/messages?from=" + before + "&limit=1", HttpStatus.OK);
        assertThat(limited.path("count").asInt()).isEqualTo(1);
        assertThat(limited.path("messages")).hasSize(1);
    }

    @Test
    void aDeliveredMessageHasItsTimelineAndDeliveriesAndItsOriginal() throws IOException {
        String msgId = UUID.randomUUID().toString();
        String sent = sendNote(msgId, OTHER_PATIENT);
        JsonNode m = awaitStatus(msgId, "DELIVERED");

        assertThat(m.path("msgId").asText()).isEqualTo(msgId);
        assertThat(m.path("kind").asText()).isEqualTo("message");
        assertThat(m.path("standard").asText()).isEqualTo("dialogmelding-1.1");
        assertThat(m.path("messageType").asText()).isEqualTo("DIALOG_HELSEFAGLIG");
        assertThat(m.path("senderHerId").asText()).isEqualTo(STORSTEINNES_HER);
        assertThat(m.path("receiverHerId").asText()).isEqualTo(OTEREN_HER);
        assertThat(m.path("channel").asText()).isEqualTo("storsteinnes");
        assertThat(texts(m.path("timeline"), "status")).containsExactly("RECEIVED", "ROUTED", "DELIVERED");
        List<Instant> times = new ArrayList<>();
        m.path("timeline").forEach(e -> times.add(Instant.parse(e.path("at").asText())));
        assertThat(times).isSorted();
        assertThat(m.path("timeline").get(1).path("detail").asText()).contains("oteren").contains("dialogmelding-1.0");
        assertThat(texts(m.path("timeline"), "participant")).containsExactly("null", "oteren", "oteren");
        JsonNode delivery = m.path("deliveries").get(0);
        assertThat(m.path("deliveries")).hasSize(1);
        assertThat(delivery.path("participant").asText()).isEqualTo("oteren");
        assertThat(delivery.path("standard").asText()).isEqualTo("dialogmelding-1.0");
        assertThat(Instant.parse(delivery.path("deliveredAt").asText())).isAfterOrEqualTo(times.get(0));
        assertThat(delivery.path("lossReport").asText()).contains("DIALOG_HELSEFAGLIG");
        // no payloads and no patient identifier in the operator's view
        assertThat(m.toString()).doesNotContain(OTHER_PATIENT).doesNotContain("Blodtrykk");

        String id = m.path("id").asText();
        assertThat(get("/api/messages/" + id, HttpStatus.OK).path("msgId").asText()).isEqualTo(msgId);
        ResponseEntity<byte[]> original = http.getForEntity("/api/messages/" + id + "/original", byte[].class);
        assertThat(original.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(original.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_XML);
        assertThat(original.getBody()).isEqualTo(sent.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void errorsAreProblemJsonWithoutStackTracesOrPatientIdentifiers() throws IOException {
        ResponseEntity<String> unknown = http.getForEntity("/api/messages/no-such-message", String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(unknown.getBody());
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(problem.path("detail").asText()).isEqualTo("no message no-such-message");
        assertThat(problem.has("trace")).isFalse();

        assertThat(get("/api/messages/no-such-message/original", HttpStatus.NOT_FOUND).path("status").asInt()).isEqualTo(404);
        assertThat(post("/api/dead-letters/no-such-message/resend", HttpStatus.NOT_FOUND).path("status").asInt()).isEqualTo(404);
        assertThat(post("/api/dead-letters/resend?participant=nobody", HttpStatus.NOT_FOUND).path("detail").asText())
                .isEqualTo("no participant nobody");

        ResponseEntity<String> bad = http.getForEntity("/api/messages?patient=" + OTHER_PATIENT + "0", String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(bad.getBody()).contains("11-digit").doesNotContain(OTHER_PATIENT);

        JsonNode badLimit = get("/api/messages?limit=many", HttpStatus.BAD_REQUEST);
        assertThat(badLimit.path("status").asInt()).isEqualTo(400);
        assertThat(badLimit.has("trace")).isFalse();
    }

    @Test
    void aDeadLetteredDeliveryIsResentAfterTheFixAndArrivesOnce() throws IOException {
        String msgId = UUID.randomUUID().toString();
        breakInbox("oteren");
        sendNote(msgId, OTHER_PATIENT);
        String id = awaitStatus(msgId, "DEAD_LETTERED").path("id").asText();
        JsonNode deadLetter = awaitQueuedDeadLetter(id);
        assertThat(deadLetter.path("participant").asText()).isEqualTo("oteren");
        assertThat(deadLetter.path("msgId").asText()).isEqualTo(msgId);
        assertThat(deadLetter.path("reason").asText()).isNotBlank();
        assertThat(texts(get("/api/dead-letters?participant=storsteinnes", HttpStatus.OK).path("deadLetters"), "messageId"))
                .doesNotContain(id);

        fixInbox("oteren");
        JsonNode resent = post("/api/dead-letters/" + msgId + "/resend", HttpStatus.OK);
        assertThat(resent.path("messageId").asText()).isEqualTo(id);
        assertThat(resent.path("participant").asText()).isEqualTo("oteren");
        assertThat(resent.path("queue").asText()).isEqualTo("samnav.deliver.oteren");
        assertThat(resent.path("deadLettersRemoved").asInt()).isEqualTo(1);

        awaitFileContaining(inbox("oteren"), msgId);
        JsonNode m = awaitStatus(msgId, "DELIVERED");
        assertThat(texts(m.path("timeline"), "status"))
                .containsExactly("RECEIVED", "ROUTED", "DEAD_LETTERED", "RESENT", "DELIVERED");
        assertThat(texts(get("/api/dead-letters", HttpStatus.OK).path("deadLetters"), "messageId")).doesNotContain(id);

        // a second resend is refused: the message is no longer dead-lettered, and is not written again
        assertThat(post("/api/dead-letters/" + id + "/resend", HttpStatus.CONFLICT).path("detail").asText())
                .contains("not dead-lettered");
        assertThat(countFilesContaining(inbox("oteren"), msgId)).isEqualTo(1);
        assertThat(m.toString()).doesNotContain(OTHER_PATIENT);
    }

    @Test
    void bulkResendOfOneParticipantDeliversEachOnce() throws IOException {
        String one = UUID.randomUUID().toString();
        String two = UUID.randomUUID().toString();
        breakInbox("oteren");
        sendNote(one, SAMPLE_PATIENT);
        sendNote(two, OTHER_PATIENT);
        String idOne = awaitStatus(one, "DEAD_LETTERED").path("id").asText();
        String idTwo = awaitStatus(two, "DEAD_LETTERED").path("id").asText();
        awaitQueuedDeadLetter(idOne);
        awaitQueuedDeadLetter(idTwo);

        fixInbox("oteren");
        JsonNode resent = post("/api/dead-letters/resend?participant=oteren", HttpStatus.OK);
        assertThat(texts(resent.path("resent"), "messageId")).contains(idOne, idTwo);
        assertThat(texts(resent.path("resent"), "deadLettersRemoved")).containsOnly("1");

        awaitFileContaining(inbox("oteren"), one);
        awaitFileContaining(inbox("oteren"), two);
        awaitStatus(one, "DELIVERED");
        awaitStatus(two, "DELIVERED");
        assertThat(countFilesContaining(inbox("oteren"), one)).isEqualTo(1);
        assertThat(countFilesContaining(inbox("oteren"), two)).isEqualTo(1);
        assertThat(post("/api/dead-letters/resend?participant=oteren", HttpStatus.OK).path("count").asInt()).isZero();
    }

    /** Waits until the store lists the message as dead-lettered and its JMS dead letter is on the queue. */
    JsonNode awaitQueuedDeadLetter(String id) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode d : get("/api/dead-letters?participant=oteren", HttpStatus.OK).path("deadLetters")) {
                if (d.path("messageId").asText().equals(id) && d.path("queued").asBoolean()) return d;
            }
            return null;
        }, d -> d != null);
    }

    /** The journal system's inbox becomes a regular file: every write fails, even as root. */
    static void breakInbox(String participant) throws IOException {
        Path inbox = inbox(participant);
        if (Files.isRegularFile(inbox)) return;
        try (var files = Files.list(inbox)) {
            for (Path p : files.toList()) Files.delete(p);
        }
        Files.delete(inbox);
        Files.writeString(inbox, "not a folder");
    }

    static void fixInbox(String participant) throws IOException {
        Path inbox = inbox(participant);
        if (Files.isRegularFile(inbox)) Files.delete(inbox);
        Files.createDirectories(inbox);
    }
}
