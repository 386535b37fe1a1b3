package no.samnav.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import no.samnav.mappers.fhir.Systems;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.UrlType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A participant with the FHIR channel: UNN's EPJ (here a real HTTP endpoint in the test, answering
 * {@code $process-message}) receives, as a FHIR message Bundle pushed by the gateway, a note that
 * Oteren's System X wrote as Dialogmelding XML; the endpoint fails the first pushes, which are
 * retried, and the note arrives once. UNN answers as FHIR messaging says (a response message naming
 * the MessageHeader it got) through the gateway's FHIR API, and Oteren gets it as the AppRec 1.0
 * file System X reads. Malangen's system, on the
 * FHIR channel without an endpoint, fetches its messages and acknowledges them.
 */
class FhirChannelIT extends GatewayITSupport {

    static final String UNN_CLIENT = "demo-unn-dips";
    static final String MALANGEN_CLIENT = "test-malangen-fetching";

    /** UNN's endpoint: records what it is sent; answers 503 to the first {@link #failures} pushes. */
    static final HttpServer unn;
    static final List<Bundle> received = new CopyOnWriteArrayList<>();
    static final AtomicInteger failures = new AtomicInteger(2);
    static final AtomicInteger pushes = new AtomicInteger();
    static final FhirContext fhir = FhirContext.forR4Cached();

    static {
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        try {
            unn = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        unn.createContext("/unn/fhir/$process-message", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            pushes.incrementAndGet();
            if (failures.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            received.add(fhir.newJsonParser().parseResource(Bundle.class, new String(body, StandardCharsets.UTF_8)));
            byte[] answer = "{\"resourceType\":\"Bundle\",\"type\":\"message\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        unn.start();
    }

    @AfterAll
    static void stopUnn() {
        unn.stop(0);
    }

    @DynamicPropertySource
    static void unnOnFhir(DynamicPropertyRegistry registry) {
        registry.add("samnav.cooperation-file", () -> {
            try {
                String demo = new String(new ClassPathResource("demo/cooperation.yml").getInputStream().readAllBytes(),
                        StandardCharsets.UTF_8);
                String unnEntry = "    profile: hospital\n";
                assertThat(demo).contains(unnEntry);
                String malangenEntry = "    her-ids: [\"8100220\"]\n    profile: infodoc\n    api-clients: [demo-infodoc-malangen]\n";
                assertThat(demo).contains(malangenEntry);
                Path file = dataDir.resolve("cooperation-unn-fhir.yml");
                Files.writeString(file, demo.replace(unnEntry, unnEntry + "    channel: fhir\n    endpoint: http://localhost:"
                        + unn.getAddress().getPort() + "/unn/fhir\n")
                        // Malangen's system fetches its messages from the gateway's FHIR API
                        .replace(malangenEntry, "    her-ids: [\"8100220\"]\n    profile: infodoc\n    channel: fhir\n"
                                + "    api-clients: [demo-infodoc-malangen, " + MALANGEN_CLIENT + "]\n"));
                return file.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @LocalServerPort
    int port;

    @Test
    void aSystemXNoteReachesTheHospitalAsFhirAndItsFhirAnswerReachesSystemXAsAppRec10() throws Exception {
        String msgId = UUID.randomUUID().toString();

        drop("oteren", msgId + ".xml", GatewayTestMessages.noteFromOterenToUnn(msgId));

        Bundle note = await().atMost(Duration.ofSeconds(60)).until(() -> received.stream()
                .filter(b -> msgId.equals(b.getIdentifier().getValue())).findFirst().orElse(null), b -> b != null);
        assertThat(note.getEntry()).anyMatch(e -> e.getResource() instanceof Communication);
        // the MessageHeader's id is the message id: what a FHIR receiver puts in response.identifier
        // (HAPI's parser gives it as the entry's fullUrl, urn:uuid:<id>)
        assertThat(note.getEntryFirstRep().getResource().getIdElement().getIdPart()).endsWith(msgId);
        assertThat(pushes.get()).isGreaterThanOrEqualTo(3); // two refused, then taken
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() ->
                received.stream().filter(b -> msgId.equals(b.getIdentifier().getValue())).count() == 1);

        // UNN's EPJ answers as FHIR messaging says: a response message naming the MessageHeader it got
        String ackId = UUID.randomUUID().toString();
        Bundle answer = fhirResponse(ackId, note);
        IGenericClient client = fhir.newRestfulGenericClient("http://localhost:" + port + "/fhir");
        client.registerInterceptor(new BearerTokenAuthInterceptor(token()));
        client.operation().processMessage().setMessageBundle(answer).synchronous(Bundle.class).execute();

        String appRec = awaitFileContaining(inbox("oteren"), ackId);
        assertThat(appRec).contains("http://www.kith.no/xmlstds/apprec/2004-11-21"); // AppRec 1.0, what System X reads
        assertThat(appRec).contains(msgId);
    }

    /** What a FHIR-only EPJ writes to say "received, OK": MessageHeader.response, no KITH in sight. */
    static Bundle fhirResponse(String id, Bundle received) {
        Bundle answer = new Bundle().setType(Bundle.BundleType.MESSAGE).setTimestamp(new java.util.Date());
        answer.getIdentifier().setValue(id);
        Organization unnOrg = new Organization().setName("Universitetssykehuset Nord-Norge HF");
        unnOrg.addIdentifier().setSystem(Systems.HER).setValue(GatewayTestMessages.UNN_HER);
        Organization oteren = new Organization().setName("Oteren legekontor");
        oteren.addIdentifier().setSystem(Systems.HER).setValue(OTEREN_HER);
        MessageHeader header = new MessageHeader();
        header.setId(UUID.randomUUID().toString());
        header.setEvent(((MessageHeader) received.getEntryFirstRep().getResource()).getEvent());
        header.setSource(new MessageHeader.MessageSourceComponent(new UrlType("https://epj.unn.example/fhir")));
        // the id of the MessageHeader it got (an id: HAPI's parser gives it with the urn:uuid: of the fullUrl)
        String answered = received.getEntryFirstRep().getResource().getIdElement().getIdPart().replace("urn:uuid:", "");
        header.getResponse().setIdentifier(answered).setCode(MessageHeader.ResponseType.OK);
        String unnUrl = "urn:uuid:" + UUID.randomUUID();
        String oterenUrl = "urn:uuid:" + UUID.randomUUID();
        header.setSender(new Reference(unnUrl));
        header.addDestination().setEndpoint("urn:samnav:her:" + OTEREN_HER).setReceiver(new Reference(oterenUrl));
        answer.addEntry().setFullUrl("urn:uuid:" + header.getId()).setResource(header);
        answer.addEntry().setFullUrl(unnUrl).setResource(unnOrg);
        answer.addEntry().setFullUrl(oterenUrl).setResource(oteren);
        return answer;
    }

    @Test
    void aParticipantWithoutEndpointFetchesItsMessagesAndEachStaysUntilAcknowledged() throws Exception {
        String msgId = UUID.randomUUID().toString();
        drop("oteren", msgId + ".xml", GatewayTestMessages.noteFromOteren(msgId)
                .replace("<Id>8100210</Id>", "<Id>8100220</Id>").replace("<Id>8100200</Id>", "<Id>8100220</Id>"));
        IGenericClient malangen = client(MALANGEN_CLIENT, "samnav/message.read");

        Bundle waiting = await().atMost(Duration.ofSeconds(60)).until(() -> mailbox(malangen, msgId), b -> b != null);
        assertThat(waiting.getType()).isEqualTo(Bundle.BundleType.MESSAGE);
        assertThat(waiting.getEntry()).anyMatch(e -> e.getResource() instanceof Communication);
        assertThat(mailbox(malangen, msgId)).as("still there until acknowledged").isNotNull();

        // another client cannot take it
        IGenericClient unnClient = client(UNN_CLIENT, "samnav/message.read");
        assertThatThrownBy(() -> acknowledge(unnClient, waiting.getIdElement().getIdPart()))
                .isInstanceOf(ResourceNotFoundException.class);

        OperationOutcome first = acknowledge(malangen, waiting.getIdElement().getIdPart());
        assertThat(first.getIssueFirstRep().getDiagnostics()).contains("Delivered to malangen");
        assertThat(mailbox(malangen, msgId)).isNull();
        OperationOutcome again = acknowledge(malangen, waiting.getIdElement().getIdPart());
        assertThat(again.getIssueFirstRep().getDiagnostics()).contains("before");
    }

    static Bundle mailbox(IGenericClient client, String msgId) {
        Bundle found = client.search().forResource(Bundle.class).returnBundle(Bundle.class).execute();
        return found.getEntry().stream().map(e -> (Bundle) e.getResource())
                .filter(b -> msgId.equals(b.getIdentifier().getValue())).findFirst().orElse(null);
    }

    static OperationOutcome acknowledge(IGenericClient client, String id) {
        return client.operation().onInstance(new IdType("Bundle", id)).named("$acknowledge").withNoParameters(Parameters.class)
                .returnResourceType(OperationOutcome.class).execute();
    }

    IGenericClient client(String clientId, String scopes) throws Exception {
        IGenericClient client = fhir.newRestfulGenericClient("http://localhost:" + port + "/fhir");
        client.registerInterceptor(new BearerTokenAuthInterceptor(token(clientId, scopes)));
        return client;
    }

    String token() throws Exception {
        return token(UNN_CLIENT, "samnav/message.write");
    }

    String token(String clientId, String scopes) throws Exception {
        String form = "client_id=" + clientId + "&scope=" + URLEncoder.encode(scopes, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/dev-auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body()).path("access_token").asText();
    }
}
