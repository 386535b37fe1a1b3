package no.samnav.conformance.harness;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import no.samnav.mappers.Mappers;

/**
 * An EHR integration sending the harness's notes over the gateway's FHIR API: each note is the
 * same Dialogmelding as the file channel's, read into its FHIR message Bundle once per sender and
 * receiver pair (then only its identifier changes), posted to {@code $process-message} in
 * synchronous mode with a dev-issuer token of the client registered for the sender. Records the
 * HTTP answer times.
 */
final class ApiSender {

    /** The demo participants whose journal systems have an API client, and its client id. */
    static final Map<String, String> CLIENTS = Map.of("storsteinnes", "demo-infodoc-storsteinnes",
            "oteren", "demo-systemx-oteren", "unn", "demo-unn-dips");
    private static final String TEMPLATE_ID = "00000000-0000-4000-8000-000000000000";

    private final JournalSystems journals;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, String> templates = new HashMap<>();
    private final List<DemoParticipant> senders;
    final ConcurrentLinkedQueue<Long> answerNanos = new ConcurrentLinkedQueue<>();

    ApiSender(JournalSystems journals, String base) throws IOException, InterruptedException {
        this.journals = journals;
        this.base = base;
        this.senders = DemoParticipant.ALL.stream().filter(p -> CLIENTS.containsKey(p.id())).toList();
        Mappers mappers = new Mappers();
        FhirContext fhir = FhirContext.forR4Cached();
        for (DemoParticipant from : senders) {
            tokens.put(from.id(), token(CLIENTS.get(from.id())));
            for (DemoParticipant to : DemoParticipant.ALL) {
                if (to == from) continue;
                templates.put(from.id() + ">" + to.id(), fhir.newJsonParser().encodeResourceToString(
                        mappers.read(journals.note(TEMPLATE_ID, from, to)).bundle()));
            }
        }
    }

    /** A random pair: a sender with an API client, any other participant as receiver. */
    DemoParticipant[] pair(Random random) {
        DemoParticipant from = senders.get(random.nextInt(senders.size()));
        DemoParticipant to;
        do {
            to = DemoParticipant.ALL.get(random.nextInt(DemoParticipant.ALL.size()));
        } while (to == from);
        return new DemoParticipant[] {from, to};
    }

    /** Sends a new note; returns its id once the gateway has answered 200. */
    String send(DemoParticipant from, DemoParticipant to) throws IOException, InterruptedException {
        String msgId = UUID.randomUUID().toString();
        String body = templates.get(from.id() + ">" + to.id()).replace(TEMPLATE_ID, msgId)
                .replace(HarnessMessages.documentId(TEMPLATE_ID), HarnessMessages.documentId(msgId))
                .replace(HarnessMessages.patient(TEMPLATE_ID), HarnessMessages.patient(msgId));
        journals.expect(msgId, from, to);
        long t0 = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/fhir/$process-message"))
                .header("Authorization", "Bearer " + tokens.get(from.id()))
                .header("Content-Type", "application/fhir+json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        answerNanos.add(System.nanoTime() - t0);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("$process-message answered " + response.statusCode() + ": " + response.body());
        }
        return msgId;
    }

    private String token(String clientId) throws IOException, InterruptedException {
        String form = "client_id=" + clientId + "&scope=" + URLEncoder.encode("samnav/message.write", StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/dev-auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException("dev token: " + response.statusCode());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(response.body());
        if (!m.find()) throw new IllegalStateException("dev token: no access_token in " + response.body());
        return m.group(1);
    }
}
