package no.samnav.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.SplittableRandom;
import no.samnav.conformance.generator.Generators;
import no.samnav.conformance.validation.SharedStandards;
import org.junit.jupiter.params.provider.Arguments;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.journal.Publication;
import no.samnav.mappers.journal.SharedDocument;
import no.samnav.mappers.journal.SharedDocuments;
import no.samnav.mappers.core.MessageBundles;
import no.samnav.mappers.fhir.Systems;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every official example and five generated messages of each standard and version (but the
 * AppRecs), read into their FHIR Bundles, sent by an EHR integration
 * to the packaged gateway's {@code $process-message} with HAPI's client: addressed from a demo
 * participant to one that reads the standard, it reaches that participant's inbox in the version
 * its system reads, the receiver's AppRec comes back, and the Task says so. The gateway validates
 * against FHIR R4 and the no-basis profiles of the shared directory, and {@code $validate} finds a
 * no-basis violation that R4 alone allows. Each document is then in the shared journal, published
 * in its original standard.
 */
@Tag("conformance")
class FhirApiOfficialExamplesIT {

    @TempDir
    static Path dataDir;

    static GatewayProcess gateway;
    static final FhirContext fhir = FhirContext.forR4Cached();
    static final Mappers mappers = new Mappers();

    /** Who sends each standard and who receives it, and the namespace the receiver's system reads. */
    record Route(DemoParticipant from, String client, DemoParticipant to, String namespace) {
    }

    static final Map<String, Route> ROUTES = Map.of(
            "dialogmelding", new Route(participant("storsteinnes"), "demo-infodoc-storsteinnes", participant("oteren"),
                    "http://www.kith.no/xmlstds/dialog/2006-10-11"),
            "henvisning", new Route(participant("storsteinnes"), "demo-infodoc-storsteinnes", participant("unn"),
                    "http://ehelse.no/xmlstds/henvisning/2017-11-30"),
            "epikrise", new Route(participant("unn"), "demo-unn-dips", participant("oteren"),
                    "http://www.kith.no/xmlstds/epikrise/2012-02-15"),
            "svarrapport", new Route(participant("unn"), "demo-unn-dips", participant("oteren"),
                    "http://www.kith.no/xmlstds/labsvar/2012-02-15"));

    static DemoParticipant participant(String id) {
        return DemoParticipant.ALL.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @BeforeAll
    static void start() throws IOException {
        Path noBasis = SharedStandards.noBasisDir(SharedStandards.require());
        gateway = new GatewayProcess(HarnessFiles.gatewayJar(), dataDir, List.of("-Xmx768m"),
                List.of("--samnav.file-poll-interval=100ms", "--samnav.fhir.profile-directory=" + noBasis),
                Duration.ofMinutes(3));
        gateway.start();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) gateway.close();
    }

    static Stream<Path> examples() throws IOException {
        Path dir = SharedStandards.examplesDir(SharedStandards.require());
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".xml")).filter(p -> !p.toString().contains("apprec"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void anOfficialExampleSentAsFhirReachesItsReceiverInItsVersionAndTheAppRecComesBack(Path example) throws Exception {
        sendAndFollow(Files.readAllBytes(example));
    }

    /** Five generated messages of each standard and version the generators write (not AppRecs). */
    static Stream<Arguments> generated() {
        return Generators.all().stream().filter(g -> !g.standard().family().equals("apprec"))
                .flatMap(g -> java.util.stream.IntStream.range(0, 5).mapToObj(i -> Arguments.of(g.standard().id() + " #" + i,
                        g.generate(new SplittableRandom(7_000 + i)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generated")
    void aGeneratedMessageSentAsFhirReachesItsReceiverInItsVersionAndTheAppRecComesBack(String name, byte[] xml)
            throws Exception {
        sendAndFollow(xml);
    }

    private void sendAndFollow(byte[] kith) throws Exception {
        ReadResult read = mappers.read(kith);
        Route route = ROUTES.get(read.standard().family());
        assertThat(route).as("a route for " + read.standard().id()).isNotNull();
        String msgId = UUID.randomUUID().toString();
        Bundle message = readdressed(read.bundle(), msgId, route);
        IGenericClient client = client(route.client(), "samnav/message.write samnav/message.read");

        Bundle answer = client.operation().processMessage().setMessageBundle(message).synchronous(Bundle.class).execute();

        MessageHeader header = (MessageHeader) answer.getEntryFirstRep().getResource();
        assertThat(header.getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.OK);
        Path delivered = inbox(route.to()).resolve(msgId + ".xml");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(delivered));
        String xml = Files.readString(delivered, StandardCharsets.UTF_8);
        assertThat(xml).contains(route.namespace()).contains(msgId);

        String appRecId = UUID.randomUUID().toString();
        drop(route.to(), "apprec-" + appRecId + ".xml", HarnessMessages.appRec(appRecId, msgId,
                HarnessMessages.messageType(xml), route.to(), route.from()));
        Task task = await().atMost(Duration.ofSeconds(60)).until(() -> client.read().resource(Task.class)
                .withUrl(header.getResponse().getDetails().getReference()).execute(),
                t -> t.getStatus() == Task.TaskStatus.COMPLETED);
        assertThat(task.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("ACKNOWLEDGED");
        publishedToTheSharedJournal(message, xml.getBytes(StandardCharsets.UTF_8), route);
    }

    /**
     * The routed document is in the shared journal, found by its patient with the master id the
     * publication gives it (a document id sent twice, as the 1.0 and 1.1 generators do with one
     * seed, is one document). The reader is a person at the member office that took part (Oteren,
     * or Storsteinnes for its referrals to UNN, which is no member). Some generated reports name
     * another patient than their envelope, so the office has no message relationship with the
     * report's patient: then the reader declares emergency access, as a clinician would have to.
     */
    private void publishedToTheSharedJournal(Bundle sent, byte[] delivered, Route route) throws Exception {
        ReadResult asTheGatewayReadsIt = mappers.readBundle(sent);
        SharedDocument expected = SharedDocuments.publish(asTheGatewayReadsIt, delivered, new Publication(
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString(), null, null, null,
                java.time.Instant.now()));
        org.hl7.fhir.r4.model.Identifier patient = expected.reference().getSubject().getIdentifier();
        String member = route.to().id().equals("oteren") ? "demo-systemx-oteren" : "demo-infodoc-storsteinnes";
        IGenericClient reader = client(member, "samnav/journal.read", "9144889");
        String search = "DocumentReference?patient.identifier=" + patient.getSystem() + "%7C" + patient.getValue();
        Bundle found;
        try {
            found = reader.search().byUrl(search).returnBundle(Bundle.class).execute();
        } catch (ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException noRelationship) {
            org.hl7.fhir.r4.model.Parameters in = new org.hl7.fhir.r4.model.Parameters();
            in.addParameter().setName("patient").setValue(patient.copy());
            in.addParameter().setName("reason").setValue(new org.hl7.fhir.r4.model.StringType(
                    "Konformanstest: rapporten gjelder en annen pasient enn konvolutten"));
            reader.operation().onServer().named("$emergency-access").withParameters(in).execute();
            found = reader.search().byUrl(search).returnBundle(Bundle.class).execute();
        }
        assertThat(found.getEntry()).as("the shared journal has the " + asTheGatewayReadsIt.standard().id() + " document")
                .anySatisfy(e -> assertThat(((org.hl7.fhir.r4.model.DocumentReference) e.getResource())
                        .getMasterIdentifier().getValue()).isEqualTo(expected.reference().getMasterIdentifier().getValue()));
    }

    @Test
    void validateChecksTheNoBasisProfilesFromTheConfiguredDirectory() throws Exception {
        IGenericClient client = client("demo-infodoc-storsteinnes", "samnav/validate");
        Patient patient = new Patient();
        patient.getMeta().addProfile("http://hl7.no/fhir/StructureDefinition/no-basis-Patient");
        patient.addIdentifier().setSystem(Systems.FNR); // no-basis: a fødselsnummer identifier has a value; R4 allows none

        OperationOutcome outcome = (OperationOutcome) client.validate().resource(patient).execute().getOperationOutcome();

        assertThat(outcome.getIssue()).anySatisfy(i -> {
            assertThat(i.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
            assertThat(i.getExpression().get(0).getValue()).startsWith("Patient.identifier");
        });
        assertThat(outcome.getIssue()).noneMatch(i -> i.getDiagnostics() != null
                && i.getDiagnostics().contains("no profile directory"));
    }

    /** The example's content, sent from {@code route.from} to {@code route.to}, with a fresh identifier. */
    static Bundle readdressed(Bundle bundle, String msgId, Route route) {
        bundle.getIdentifier().setSystem(Systems.KITH_MESSAGE_ID).setValue(msgId);
        MessageHeader header = MessageBundles.header(bundle);
        header.setSender(organisation(bundle, route.from()));
        header.getDestination().clear();
        header.addDestination().setEndpoint("urn:samnav:her:" + route.to().herId()).setReceiver(organisation(bundle, route.to()));
        return bundle;
    }

    static Reference organisation(Bundle bundle, DemoParticipant p) {
        Organization o = new Organization().setName(p.name());
        o.addIdentifier().setSystem(Systems.HER).setValue(p.herId());
        String url = "urn:uuid:" + UUID.randomUUID();
        bundle.addEntry().setFullUrl(url).setResource(o);
        return new Reference(url);
    }

    static Path inbox(DemoParticipant p) {
        return dataDir.resolve("participants").resolve(p.id()).resolve("inbox");
    }

    static void drop(DemoParticipant p, String name, byte[] content) throws IOException {
        Path outbox = dataDir.resolve("participants").resolve(p.id()).resolve("outbox");
        Path tmp = outbox.resolve("." + name + ".part");
        Files.write(tmp, content);
        Files.move(tmp, outbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    static IGenericClient client(String clientId, String scopes) throws Exception {
        return client(clientId, scopes, null);
    }

    /** A client with a dev token for {@code clientId}, and a person behind it when {@code hpr} is given. */
    static IGenericClient client(String clientId, String scopes, String hpr) throws Exception {
        String form = "client_id=" + clientId + "&scope=" + URLEncoder.encode(scopes, StandardCharsets.UTF_8)
                + (hpr == null ? "" : "&hpr_number=" + hpr);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(gateway.baseUrl() + "/dev-auth/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        assertThat(m.find()).as(response.body()).isTrue();
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        fhir.getRestfulClientFactory().setSocketTimeout(120_000);
        IGenericClient client = fhir.newRestfulGenericClient(gateway.baseUrl() + "/fhir");
        client.registerInterceptor(new BearerTokenAuthInterceptor(m.group(1)));
        return client;
    }
}
