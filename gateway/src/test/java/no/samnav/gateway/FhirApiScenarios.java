package no.samnav.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.client.interceptor.CapturingInterceptor;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import no.samnav.gateway.security.DevTokenIssuer;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.fhir.Systems;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The FHIR API as an EHR vendor's integration uses it, through HAPI's own {@link IGenericClient}
 * against the running gateway: Storsteinnes' InfoDoc sends a note over REST, Oteren's System X
 * receives it as Dialogmelding 1.0 in its inbox and answers with an AppRec file, and the sender
 * follows it all on the message's Task. Plus $validate, the CapabilityStatement, every error as an
 * OperationOutcome with its location, and the security matrix (401, 403, 404).
 */
abstract class FhirApiScenarios extends GatewayITSupport {

    static final String STORSTEINNES_CLIENT = "demo-infodoc-storsteinnes";
    static final String OTEREN_CLIENT = "demo-systemx-oteren";
    static final String ALL_SCOPES = "samnav/message.write samnav/message.read samnav/validate";

    final FhirContext fhir = FhirContext.forR4Cached();
    final Mappers mappers = new Mappers();
    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @BeforeEach
    void hapiClient() {
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        fhir.getRestfulClientFactory().setSocketTimeout(60_000);
    }

    String base() {
        return "http://localhost:" + port + "/fhir";
    }

    /** A token from the dev issuer, as a client gets one from HelseID. */
    String token(String clientId, String scopes, Long expiresIn) throws Exception {
        return devToken(port, "client_id=" + clientId + "&scope=" + URLEncoder.encode(scopes, StandardCharsets.UTF_8)
                + "&hpr_number=9144889" + (expiresIn == null ? "" : "&expires_in=" + expiresIn));
    }

    IGenericClient client(String token) {
        IGenericClient client = fhir.newRestfulGenericClient(base());
        if (token != null) client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        return client;
    }

    IGenericClient storsteinnes() throws Exception {
        return client(token(STORSTEINNES_CLIENT, ALL_SCOPES, null));
    }

    /** The shipped sample turned around (Storsteinnes to Oteren), as the FHIR message an InfoDoc integration sends. */
    Bundle noteToOteren(String msgId, String patient) {
        String xml = noteFromStorsteinnesToOteren(msgId).replace(SAMPLE_PATIENT, patient);
        return mappers.read(xml.getBytes(StandardCharsets.UTF_8)).bundle();
    }

    Bundle send(IGenericClient client, Bundle message) {
        return client.operation().processMessage().setMessageBundle(message).synchronous(Bundle.class).execute();
    }

    static Task taskOf(IGenericClient client, Bundle response) {
        MessageHeader header = (MessageHeader) response.getEntryFirstRep().getResource();
        return client.read().resource(Task.class).withUrl(header.getResponse().getDetails().getReference()).execute();
    }

    static OperationOutcome outcomeOf(BaseServerResponseException e) {
        return (OperationOutcome) e.getOperationOutcome();
    }

    @Test
    void aNoteSentOverRestReachesSystemXAsDialogmelding10AndItsAppRecShowsOnTheTask() throws Exception {
        IGenericClient client = storsteinnes();
        String msgId = UUID.randomUUID().toString();

        Bundle response = send(client, noteToOteren(msgId, SAMPLE_PATIENT));

        MessageHeader header = (MessageHeader) response.getEntryFirstRep().getResource();
        assertThat(response.getType()).isEqualTo(Bundle.BundleType.MESSAGE);
        assertThat(header.getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.OK);
        String delivered = awaitFileContaining(inbox("oteren"), msgId);
        assertThat(delivered).contains("http://www.kith.no/xmlstds/dialog/2006-10-11"); // Dialogmelding 1.0, what System X reads
        Task task = await().atMost(Duration.ofSeconds(30)).until(() -> taskOf(client, response),
                t -> t.getBusinessStatus().getCodingFirstRep().getCode().equals("DELIVERED"));
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.INPROGRESS);
        assertThat(task.getFocus().getIdentifier().getValue()).isEqualTo(msgId);
        assertThat(task.getRequester().getIdentifier().getValue()).isEqualTo(STORSTEINNES_HER);
        assertThat(task.getOwner().getIdentifier().getValue()).isEqualTo(OTEREN_HER);
        assertThat(task.getFor().getIdentifier().getValue()).isEqualTo(SAMPLE_PATIENT);

        drop("oteren", "apprec-" + msgId + ".xml", GatewayTestMessages.appRec10("ack-" + msgId, msgId, "1", "OK"));

        Task done = await().atMost(Duration.ofSeconds(30)).until(() -> taskOf(client, response),
                t -> t.getStatus() == Task.TaskStatus.COMPLETED);
        assertThat(done.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("ACKNOWLEDGED");
        Coding appRec = done.getOutput().stream().filter(o -> o.getType().getCodingFirstRep().getCode().equals("apprec"))
                .map(o -> (Coding) o.getValue()).findFirst().orElseThrow();
        assertThat(appRec.getCode()).isEqualTo("1");
        assertThat(done.getExtensionsByUrl("http://samnav.no/fhir/StructureDefinition/message-status-step")
                .stream().map(e -> ((Coding) e.getExtensionByUrl("status").getValue()).getCode()).toList())
                .containsSubsequence("RECEIVED", "ROUTED", "DELIVERED", "ACKNOWLEDGED");
    }

    @Test
    void asynchronousModeAnswers202WithTheTaskAndRoutesAfterwards() throws Exception {
        IGenericClient client = storsteinnes();
        CapturingInterceptor capture = new CapturingInterceptor();
        client.registerInterceptor(capture);
        String msgId = UUID.randomUUID().toString();

        client.operation().processMessage().setMessageBundle(noteToOteren(msgId, SAMPLE_PATIENT))
                .asynchronous(OperationOutcome.class).execute();

        assertThat(capture.getLastResponse().getStatus()).isEqualTo(202);
        String taskUrl = capture.getLastResponse().getHeaders("Content-Location").get(0);
        assertThat(taskUrl).contains("/Task/");
        awaitFileContaining(inbox("oteren"), msgId);
        await().atMost(Duration.ofSeconds(30)).until(() -> client.read().resource(Task.class).withUrl(taskUrl).execute()
                .getBusinessStatus().getCodingFirstRep().getCode(), "DELIVERED"::equals);
    }

    @Test
    void theSameBundleTwiceIsDeliveredOnceAndGetsTheFirstTask() throws Exception {
        IGenericClient client = storsteinnes();
        String msgId = UUID.randomUUID().toString();
        Bundle message = noteToOteren(msgId, SAMPLE_PATIENT);

        Task first = taskOf(client, send(client, message));
        Task second = taskOf(client, send(client, message));

        assertThat(second.getIdElement().getIdPart()).isEqualTo(first.getIdElement().getIdPart());
        awaitFileContaining(inbox("oteren"), msgId);
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                .until(() -> countFilesContaining(inbox("oteren"), msgId) == 1);

        Bundle changed = noteToOteren(msgId, "03078512384");
        assertThatThrownBy(() -> send(client, changed)).isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
            OperationOutcome.OperationOutcomeIssueComponent issue = outcomeOf(e).getIssueFirstRep();
            assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.DUPLICATE);
            assertThat(issue.getExpression().get(0).getValue()).isEqualTo("Bundle.identifier");
        });
    }

    @Test
    void tasksAreSearchedBySenderReceiverPatientStatusAndDate() throws Exception {
        IGenericClient client = storsteinnes();
        String patient = "03078512384";
        String msgId = UUID.randomUUID().toString();
        send(client, noteToOteren(msgId, patient));
        awaitFileContaining(inbox("oteren"), msgId);

        Bundle byPatient = client.search().forResource(Task.class)
                .where(new ca.uhn.fhir.rest.gclient.TokenClientParam("patient").exactly().code(patient))
                .and(new ca.uhn.fhir.rest.gclient.TokenClientParam("sender").exactly().systemAndCode(Systems.HER, STORSTEINNES_HER))
                .and(new ca.uhn.fhir.rest.gclient.TokenClientParam("receiver").exactly().code(OTEREN_HER))
                .and(Task.AUTHORED_ON.afterOrEquals().day(new Date(System.currentTimeMillis() - 86_400_000L)))
                .returnBundle(Bundle.class).execute();
        assertThat(byPatient.getEntry()).extracting(e -> ((Task) e.getResource()).getFocus().getIdentifier().getValue())
                .contains(msgId);
        assertThat(byPatient.getEntry()).allSatisfy(e -> assertThat(((Task) e.getResource()).getFor().getIdentifier()
                .getValue()).isEqualTo(patient));

        await().atMost(Duration.ofSeconds(30)).until(() -> client.search().forResource(Task.class)
                .where(Task.STATUS.exactly().code("in-progress")).and(Task.IDENTIFIER.exactly().code(msgId))
                .returnBundle(Bundle.class).execute().getEntry().size() == 1);
        Bundle completed = client.search().forResource(Task.class).where(Task.STATUS.exactly().code("completed"))
                .and(Task.IDENTIFIER.exactly().code(msgId)).returnBundle(Bundle.class).execute();
        assertThat(completed.getEntry()).isEmpty();
        Bundle future = client.search().forResource(Task.class).where(Task.IDENTIFIER.exactly().code(msgId))
                .and(Task.AUTHORED_ON.after().day(new Date(System.currentTimeMillis() + 2 * 86_400_000L)))
                .returnBundle(Bundle.class).execute();
        assertThat(future.getEntry()).isEmpty();
    }

    @Test
    void errorsAreOperationOutcomesThatSayWhere() throws Exception {
        IGenericClient client = storsteinnes();

        Bundle unknownReceiver = noteToOteren(UUID.randomUUID().toString(), SAMPLE_PATIENT);
        for (Bundle.BundleEntryComponent e : unknownReceiver.getEntry()) {
            if (e.getResource() instanceof Organization o) {
                o.getIdentifier().stream().filter(i -> Systems.HER.equals(i.getSystem()))
                        .filter(i -> i.getValue().equals(OTEREN_HER) || i.getValue().equals("8100100"))
                        .forEach(i -> i.setValue("8199999"));
            }
        }
        assertThatThrownBy(() -> send(client, unknownReceiver)).isInstanceOfSatisfying(UnprocessableEntityException.class,
                e -> {
                    OperationOutcome.OperationOutcomeIssueComponent issue = outcomeOf(e).getIssueFirstRep();
                    assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
                    assertThat(issue.getExpression().get(0).getValue())
                            .isEqualTo("Bundle.entry[0].resource.destination[0].receiver");
                    assertThat(issue.getDiagnostics()).contains("8199999");
                });

        Bundle noIdentifier = noteToOteren(UUID.randomUUID().toString(), SAMPLE_PATIENT).setIdentifier(null);
        assertThatThrownBy(() -> send(client, noIdentifier)).isInstanceOfSatisfying(UnprocessableEntityException.class,
                e -> assertThat(outcomeOf(e).getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Bundle.identifier"));

        Bundle notUuid = noteToOteren(UUID.randomUUID().toString(), SAMPLE_PATIENT);
        notUuid.getIdentifier().setValue("note-17");
        assertThatThrownBy(() -> send(client, notUuid)).isInstanceOfSatisfying(UnprocessableEntityException.class,
                e -> assertThat(outcomeOf(e).getIssueFirstRep().getDiagnostics()).contains("UUID"));

        Bundle collection = noteToOteren(UUID.randomUUID().toString(), SAMPLE_PATIENT).setType(Bundle.BundleType.COLLECTION);
        assertThatThrownBy(() -> send(client, collection)).isInstanceOfSatisfying(UnprocessableEntityException.class,
                e -> assertThat(outcomeOf(e).getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Bundle.type"));

        Bundle invalid = noteToOteren(UUID.randomUUID().toString(), SAMPLE_PATIENT);
        ((Patient) invalid.getEntry().stream().filter(e -> e.getResource() instanceof Patient).findFirst().orElseThrow()
                .getResource()).addTelecom().setValue("12345678"); // a ContactPoint with a value needs a system (cpt-2)
        assertThatThrownBy(() -> send(client, invalid)).isInstanceOfSatisfying(UnprocessableEntityException.class,
                e -> assertThat(outcomeOf(e).getIssue()).anySatisfy(i -> {
                    assertThat(i.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
                    assertThat(i.getExpression().get(0).getValue()).startsWith("Bundle.entry[").contains("telecom");
                }));

        assertThatThrownBy(() -> client.read().resource(Task.class).withId("no-such-message").execute())
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(outcomeOf(e)).isNotNull());
    }

    @DynamicPropertySource
    static void smallRequestLimit(DynamicPropertyRegistry registry) {
        registry.add("samnav.fhir.max-request-bytes", () -> "2000000");
    }

    @Test
    void brokenAndOversizedRequestsGetAnOperationOutcomeWithoutInternals() throws Exception {
        String token = token(STORSTEINNES_CLIENT, ALL_SCOPES, null);
        HttpResponse<String> garbage = post("{\"resourceType\":\"Bundle\",\"type\":", token);
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("OperationOutcome").doesNotContain("\tat ").doesNotContain("Exception:");

        HttpResponse<String> huge = post("{\"resourceType\":\"Bundle\",\"type\":\"message\",\"id\":\""
                + "x".repeat(2_100_000) + "\"}", token);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("OperationOutcome").contains("samnav.fhir.max-request-bytes");
    }

    HttpResponse<String> post(String body, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/$process-message"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void validateChecksAgainstR4AndLocatesEachIssue() throws Exception {
        IGenericClient client = storsteinnes();

        MethodOutcome valid = client.validate().resource(noteToOteren(UUID.randomUUID().toString(), SAMPLE_PATIENT)).execute();
        assertThat(((OperationOutcome) valid.getOperationOutcome()).getIssue())
                .noneMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR);

        Patient patient = new Patient();
        patient.addIdentifier().setSystem(Systems.FNR).setValue(SAMPLE_PATIENT);
        patient.setGender(Enumerations.AdministrativeGender.FEMALE);
        patient.addContact().addTelecom().setValue("12345678"); // a ContactPoint with a value needs a system (cpt-2)
        OperationOutcome invalid = (OperationOutcome) client.validate().resource(patient).execute().getOperationOutcome();
        assertThat(invalid.getIssue()).anySatisfy(i -> {
            assertThat(i.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
            assertThat(i.getExpression()).isNotEmpty();
            assertThat(i.getExpression().get(0).getValue()).startsWith("Patient.contact[0].telecom[0]");
        });
    }

    @Test
    void theCapabilityStatementIsPublicAndListsWhatTheApiDoes() {
        CapabilityStatement cs = client(null).capabilities().ofType(CapabilityStatement.class).execute();

        CapabilityStatement.CapabilityStatementRestComponent rest = cs.getRestFirstRep();
        assertThat(rest.getOperation()).extracting(o -> o.getName()).contains("process-message");
        assertThat(rest.getSecurity().getServiceFirstRep().getCodingFirstRep().getCode()).isEqualTo("OAuth");
        CapabilityStatement.CapabilityStatementRestResourceComponent task = rest.getResource().stream()
                .filter(r -> r.getType().equals("Task")).findFirst().orElseThrow();
        assertThat(task.getInteraction()).extracting(i -> i.getCode().toCode()).contains("read", "search-type");
        assertThat(task.getSearchParam()).extracting(p -> p.getName())
                .contains("sender", "receiver", "patient", "status", "authored-on");
        assertThat(rest.getResource()).filteredOn(r -> r.getType().equals("Bundle")).singleElement()
                .satisfies(r -> assertThat(r.getOperation()).extracting(o -> o.getName()).contains("validate"));
    }

    @Test
    void securityMatrix() throws Exception {
        Bundle note = noteToOteren(UUID.randomUUID().toString(), SAMPLE_PATIENT);

        // no token
        assertThatThrownBy(() -> send(client(null), note)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> client(null).search().forResource(Task.class).returnBundle(Bundle.class).execute())
                .isInstanceOf(AuthenticationException.class);
        // expired
        String expired = token(STORSTEINNES_CLIENT, ALL_SCOPES, -600L);
        assertThatThrownBy(() -> send(client(expired), note)).isInstanceOf(AuthenticationException.class);
        // signed by another key, with the dev issuer's name
        assertThatThrownBy(() -> send(client(forged()), note)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> send(client("not-a-jwt"), note)).isInstanceOf(AuthenticationException.class);
        // wrong scope
        String readOnly = token(STORSTEINNES_CLIENT, "samnav/message.read", null);
        assertThatThrownBy(() -> send(client(readOnly), note)).isInstanceOf(ForbiddenOperationException.class);
        String writeOnly = token(STORSTEINNES_CLIENT, "samnav/message.write", null);
        assertThatThrownBy(() -> client(writeOnly).search().forResource(Task.class).returnBundle(Bundle.class).execute())
                .isInstanceOf(ForbiddenOperationException.class);
        assertThatThrownBy(() -> client(writeOnly).validate().resource(new Patient()).execute())
                .isInstanceOf(ForbiddenOperationException.class);
        // foreign sender: Oteren's client sends a note whose sender is Storsteinnes
        IGenericClient oteren = client(token(OTEREN_CLIENT, ALL_SCOPES, null));
        assertThatThrownBy(() -> send(oteren, note)).isInstanceOfSatisfying(ForbiddenOperationException.class,
                e -> assertThat(outcomeOf(e).getIssueFirstRep().getDiagnostics()).contains(OTEREN_CLIENT));
        // an unregistered client sends as nobody
        IGenericClient stranger = client(token("demo-unregistered", ALL_SCOPES, null));
        assertThatThrownBy(() -> send(stranger, note)).isInstanceOf(ForbiddenOperationException.class);
        // foreign message status: Storsteinnes' message is not found for Oteren's client
        IGenericClient own = storsteinnes();
        Task mine = taskOf(own, send(own, note));
        String id = mine.getIdElement().getIdPart();
        assertThatThrownBy(() -> oteren.read().resource(Task.class).withId(id).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(oteren.search().forResource(Task.class).where(Task.IDENTIFIER.exactly().code(id))
                .returnBundle(Bundle.class).execute().getEntry()).isEmpty();
        assertThat(stranger.search().forResource(Task.class).returnBundle(Bundle.class).execute().getEntry()).isEmpty();
        assertThat(own.read().resource(Task.class).withId(id).execute().getIdElement().getIdPart()).isEqualTo(id);
    }

    /** A token with the dev issuer's name and claims, signed by a key the gateway does not know. */
    static String forged() throws Exception {
        var key = new RSAKeyGenerator(2048).keyID("forged").generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(DevTokenIssuer.ISSUER).subject(STORSTEINNES_CLIENT)
                        .claim("client_id", STORSTEINNES_CLIENT).claim("scope", ALL_SCOPES)
                        .expirationTime(new Date(System.currentTimeMillis() + 600_000)).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
