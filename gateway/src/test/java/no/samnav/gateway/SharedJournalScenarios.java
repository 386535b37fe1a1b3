package no.samnav.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import no.samnav.gateway.journal.JournalStore;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.identifiers.NorwegianIds;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The shared journal through the real channels and HAPI's client: a legevakt note written in InfoDoc
 * is published when it is routed and found by the GP at Oteren (ITI-67), retrieved (ITI-68) and
 * audited; UNN's DIPS publishes directly (ITI-65) and replaces a document; and the authorisation
 * matrix of docs/access-policy.md: members and outsiders, GP offices, message relationships and
 * their expiry, the legevakt on and off duty, the midwife's episode, reservations, emergency access.
 * The gateway's clock is the test's, so that duty hours and windows are tested at chosen times.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.springframework.context.annotation.Import(SharedJournalScenarios.TestClock.class)
abstract class SharedJournalScenarios extends GatewayITSupport {

    /** The gateway's clock, set by the test; starts at the coming Wednesday noon, Norwegian time. */
    static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.now());

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        Clock testClock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return NOW.get();
                }
            };
        }
    }

    static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");
    /** Wednesday noon next week: the legevakt is off duty (weekdays 15:30-08:00). */
    static final LocalDate WEDNESDAY = LocalDate.now(NORWAY).plusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY));

    static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(NORWAY).toInstant();
    }

    // patients, all synthetic
    /** On the GP list at Oteren (the demo cooperation's gp-list). */
    static final String GP_OTEREN = "12059248241";
    /** On the GP list at Storsteinnes. */
    static final String GP_STORSTEINNES = "03038512314";
    static final String MESSAGED = fnr("150390", 0);
    static final String PREGNANT = fnr("220495", 0);
    static final String RESERVED = fnr("010180", 0);
    static final String NOBODYS = fnr("311277", 0);

    /** A synthetic fødselsnummer with valid check digits for the birth date. */
    static String fnr(String ddmmyy, int skip) {
        for (int individual = 500 + skip; individual < 999; individual++) {
            String candidate = NorwegianIds.withCheckDigits(ddmmyy + individual);
            if (candidate != null && NorwegianIds.isValidPersonNumber(candidate)) return candidate;
        }
        throw new IllegalStateException("no valid number for " + ddmmyy);
    }

    static final String OTEREN = "demo-systemx-oteren";
    static final String STORSTEINNES = "demo-infodoc-storsteinnes";
    static final String MALANGEN = "demo-infodoc-malangen";
    static final String LEGEVAKT = "demo-infodoc-legevakt";
    static final String JORDMOR = "demo-jordmor";
    static final String UNN = "demo-unn-dips";
    static final String OUTSIDER = "tromso-dips";
    static final String READ = "samnav/journal.read";
    static final String WRITE = "samnav/journal.write";
    static final String AUDIT = "samnav/audit.read";

    final FhirContext fhir = FhirContext.forR4Cached();
    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JournalStore journal;

    @BeforeAll
    static void startOnWednesday() {
        NOW.set(at(WEDNESDAY, "12:00"));
    }

    @BeforeEach
    void hapiClient() {
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        fhir.getRestfulClientFactory().setSocketTimeout(60_000);
    }

    String base() {
        return "http://localhost:" + port + "/fhir";
    }

    String token(String clientId, String scopes, String hpr) throws Exception {
        return devToken(port, "client_id=" + clientId + "&scope=" + URLEncoder.encode(scopes, StandardCharsets.UTF_8)
                + (hpr == null ? "" : "&hpr_number=" + hpr));
    }

    IGenericClient client(String clientId, String scopes, String hpr) throws Exception {
        IGenericClient client = fhir.newRestfulGenericClient(base());
        client.registerInterceptor(new BearerTokenAuthInterceptor(token(clientId, scopes, hpr)));
        return client;
    }

    /** A person at the client's organisation, reading. */
    IGenericClient reader(String clientId) throws Exception {
        return client(clientId, READ, "9144889");
    }

    static String legevaktNoteToOteren(String msgId, String patient) throws Exception {
        return Files.readString(Path.of("..", "samples", "dialogmelding-1.1-legevakt-til-oteren.xml"), StandardCharsets.UTF_8)
                .replace("9d4e2b71-3c5a-4f0e-8b1d-6a7c8e9f0a12", msgId).replace(GP_OTEREN, patient)
                .replace("2b8c6d40-7e1f-4a3b-9c5d-0e1f2a3b4c5d", UUID.randomUUID().toString());
    }

    Bundle find(IGenericClient client, String patient) {
        return client.search().forResource(DocumentReference.class)
                .where(DocumentReference.PATIENT.hasChainedProperty(DocumentReference.IDENTIFIER.exactly()
                        .systemAndIdentifier(Systems.FNR, patient)))
                .returnBundle(Bundle.class).execute();
    }

    /** ITI-65 from UNN's DIPS: one epikrise about {@code patient}, optionally replacing a document. */
    Bundle provideFromUnn(String patient, String master, String text, String replaces) throws Exception {
        IGenericClient unn = client(UNN, WRITE, "9144901");
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        String docUrl = "urn:uuid:" + UUID.randomUUID();
        String binUrl = "urn:uuid:" + UUID.randomUUID();
        ListResource submission = new ListResource().setStatus(ListResource.ListStatus.CURRENT)
                .setMode(ListResource.ListMode.WORKING);
        submission.addEntry().setItem(new Reference(docUrl));
        bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(submission)
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("List");
        DocumentReference doc = new DocumentReference();
        doc.setMasterIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue(master));
        doc.setStatus(org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus.CURRENT);
        doc.setType(new CodeableConcept(new Coding("http://loinc.org", "18842-5", "Discharge summary")));
        doc.addCategory(new CodeableConcept(new Coding("http://samnav.no/fhir/CodeSystem/document-category", "epikrise", "Epikrise")));
        doc.setSubject(new Reference().setIdentifier(new Identifier().setSystem(Systems.FNR).setValue(patient)));
        doc.setDate(java.util.Date.from(NOW.get()));
        doc.addAuthor(new Reference().setIdentifier(new Identifier().setSystem(Systems.HER).setValue("8100900")).setDisplay("UNN"));
        doc.addContent().getAttachment().setContentType("text/plain").setUrl(binUrl);
        if (replaces != null) {
            doc.addRelatesTo().setCode(DocumentReference.DocumentRelationshipType.REPLACES)
                    .setTarget(new Reference("DocumentReference/" + replaces));
        }
        bundle.addEntry().setFullUrl(docUrl).setResource(doc).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("DocumentReference");
        Binary binary = new Binary().setContentType("text/plain");
        binary.setData(text.getBytes(StandardCharsets.UTF_8));
        bundle.addEntry().setFullUrl(binUrl).setResource(binary).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Binary");
        return unn.transaction().withBundle(bundle).execute();
    }

    static String idOf(Bundle.BundleEntryComponent entry) {
        return new IdType(entry.getResponse().getLocation()).getIdPart();
    }

    // the flow

    @Test
    @Order(1)
    void aLegevaktNoteWrittenInInfoDocIsFoundRetrievedAndAuditedByTheGpAtOteren() throws Exception {
        String msgId = UUID.randomUUID().toString();
        drop("legevakt", msgId + ".xml", legevaktNoteToOteren(msgId, GP_OTEREN));
        awaitFileContaining(inbox("oteren"), msgId);
        IGenericClient gp = reader(OTEREN);

        Bundle found = await().atMost(Duration.ofSeconds(30)).until(() -> find(gp, GP_OTEREN), b -> b.getEntry().size() == 1);

        DocumentReference doc = (DocumentReference) found.getEntryFirstRep().getResource();
        assertThat(doc.getStatus().toCode()).isEqualTo("current");
        assertThat(doc.getSubject().getIdentifier().getValue()).isEqualTo(GP_OTEREN);
        assertThat(doc.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("dialogmelding");
        assertThat(doc.getAuthor()).anyMatch(a -> "8100230".equals(a.getIdentifier().getValue()));
        assertThat(doc.getContent()).extracting(c -> c.getAttachment().getContentType())
                .contains("application/xml").anyMatch(t -> t.startsWith("text/html"));
        assertThat(doc.getContent().get(0).getFormat().getCode()).isEqualTo("http://www.kith.no/xmlstds/dialog/2013-01-23");
        // ITI-68: the rendering and the original, raw
        String html = get(doc.getContent().stream().filter(c -> c.getAttachment().getContentType().startsWith("text/html"))
                .findFirst().orElseThrow().getAttachment().getUrl(), token(OTEREN, READ, "9144889"));
        assertThat(html).contains("blodtrykk 152/98").contains("Kari");
        String xml = get(doc.getContent().get(0).getAttachment().getUrl(), token(OTEREN, READ, "9144889"));
        assertThat(xml).contains(msgId).contains("http://www.kith.no/xmlstds/dialog/2013-01-23");
        // what ITI-68 returns is what the DocumentReference says: size and SHA-1 of each content item
        for (DocumentReference.DocumentReferenceContentComponent content : doc.getContent()) {
            byte[] bytes = getBytes(content.getAttachment().getUrl(), token(OTEREN, READ, "9144889"));
            assertThat(bytes).hasSize(content.getAttachment().getSize());
            assertThat(java.security.MessageDigest.getInstance("SHA-1").digest(bytes)).as(content.getAttachment().getContentType())
                    .isEqualTo(content.getAttachment().getHash());
        }
        // the operator sees on the message which document it published
        HttpResponse<String> detail = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/messages/" + msgId)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(detail.body()).contains("\"sharedJournalDocument\":\"" + doc.getIdElement().getIdPart() + "\"");

        // the patient access log: the search and both retrievals, by the person and the organisation
        IGenericClient auditor = client("samnav-operator", AUDIT, null);
        Bundle audit = auditor.search().forResource(AuditEvent.class)
                .where(AuditEvent.PATIENT.hasChainedProperty(new ca.uhn.fhir.rest.gclient.TokenClientParam("identifier").exactly().systemAndIdentifier(Systems.FNR, GP_OTEREN)))
                .returnBundle(Bundle.class).execute();
        List<AuditEvent> events = audit.getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
        assertThat(events).filteredOn(e -> e.getOutcome() == AuditEvent.AuditEventOutcome._0).hasSizeGreaterThanOrEqualTo(3);
        assertThat(events).allMatch(e -> e.getAgentFirstRep().getWho().getIdentifier().getValue().equals("9144889"));
        assertThat(events).anyMatch(e -> e.getEntity().stream().anyMatch(en -> en.getWhat().getReference() != null
                && en.getWhat().getReference().endsWith(doc.getIdElement().getIdPart())));
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + "/$access-log?patient=" + GP_OTEREN))
                .header("Authorization", "Bearer " + token("samnav-operator", AUDIT, null)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("Innsynslogg").contains("Hentet dokument").contains("fastlegekontoret")
                .contains("demo-systemx-oteren");
        HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(base() + "/$access-log?patient=" + GP_OTEREN
                + "&format=csv")).header("Authorization", "Bearer " + token("samnav-operator", AUDIT, null)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(csv.body().lines().count()).isEqualTo(events.size() + 1);
        // without the audit scope, no log
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base() + "/$access-log?patient=" + GP_OTEREN))
                .header("Authorization", "Bearer " + token(OTEREN, READ, "9144889")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    byte[] getBytes(String relative, String token) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/" + relative))
                .header("Authorization", "Bearer " + token).header("Accept", "*/*").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(relative).isEqualTo(200);
        return response.body();
    }

    String get(String relative, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/" + relative))
                .header("Authorization", "Bearer " + token).header("Accept", "*/*").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(relative).isEqualTo(200);
        return response.body();
    }

    @Test
    @Order(2)
    void unnPublishesDirectlyAndReplacesAVersionWhichSupersedesTheOld() throws Exception {
        Bundle first = provideFromUnn(NOBODYS, "urn:oid:2.16.578.1.12.4.1.9.1." + System.nanoTime(), "Epikrise versjon 1", null);
        assertThat(first.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(first.getEntry().get(1).getResponse().getStatus()).startsWith("201");
        String v1 = idOf(first.getEntry().get(1));
        Bundle second = provideFromUnn(NOBODYS, "urn:oid:2.16.578.1.12.4.1.9.2." + System.nanoTime(), "Epikrise versjon 2", v1);
        String v2 = idOf(second.getEntry().get(1));

        assertThat(journal.byId(v1).orElseThrow().status()).isEqualTo("superseded");
        assertThat(journal.byId(v2).orElseThrow().replacesId()).isEqualTo(v1);
        // a second provide of the same document is refused, located
        UnprocessableEntityException duplicate = org.junit.jupiter.api.Assertions.assertThrows(UnprocessableEntityException.class,
                () -> provideFromUnn(NOBODYS, journal.byId(v2).orElseThrow().masterId(), "igjen", null));
        assertThat(((OperationOutcome) duplicate.getOperationOutcome()).getIssueFirstRep().getExpression().get(0).getValue())
                .isEqualTo("Bundle.entry[1].resource.masterIdentifier");
        // a patient who is nobody's gets no doc without a care relationship (matrix below), but the store has both
        assertThat(journal.find(NOBODYS, new JournalStore.Criteria(List.of("current"), List.of(), List.of(), null, null,
                List.of(), 10))).extracting(JournalStore.Entry::id).containsExactly(v2);
    }

    // the authorisation matrix

    /** One case: at a time, a reader (client, person) searches a patient's documents; allowed or denied with a reason. */
    record Case(String name, Instant at, String client, String hpr, String scopes, String patient, String expected) {
    }

    @Test
    @Order(3)
    void setUpTheMatrix() throws Exception {
        NOW.set(at(WEDNESDAY, "12:00"));
        // documents for every patient, published by UNN (no member, so no care relationship comes of it)
        for (String patient : List.of(GP_OTEREN, GP_STORSTEINNES, PREGNANT, RESERVED)) {
            provideFromUnn(patient, "urn:oid:2.16.578.1.12.4.1.9.3." + System.nanoTime(), "Epikrise", null);
        }
        // Storsteinnes writes to Oteren about MESSAGED and RESERVED: both have a relationship with them now
        for (String patient : List.of(MESSAGED, RESERVED)) {
            String msgId = UUID.randomUUID().toString();
            // a document of its own (DokIdNotat): one document id is one document in the shared journal
            drop("storsteinnes", msgId + ".xml", noteFromStorsteinnesToOteren(msgId).replace(SAMPLE_PATIENT, patient)
                    .replace("7a0f4c52-1d2e-4f8b-9c3a-5e6d7f8a9b01", UUID.randomUUID().toString()));
            awaitFileContaining(inbox("oteren"), msgId);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> journal.find(MESSAGED, new JournalStore.Criteria(List.of(),
                List.of(), List.of(), null, null, List.of(), 10)).size() == 1);
        // the midwife opens PREGNANT's pregnancy episode
        IGenericClient midwife = client(JORDMOR, WRITE, "9144902");
        EpisodeOfCare episode = new EpisodeOfCare().setStatus(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE);
        episode.setPatient(new Reference().setIdentifier(new Identifier().setSystem(Systems.FNR).setValue(PREGNANT)));
        episode.setManagingOrganization(new Reference().setIdentifier(new Identifier().setSystem(Systems.HER).setValue("8100240")));
        episode.addType(new CodeableConcept(new Coding("http://snomed.info/sct", "77386006", "Pregnancy")));
        assertThat(midwife.create().resource(episode).execute().getCreated()).isTrue();
        // RESERVED reserves against sharing, at Oteren
        Consent reservation = new Consent().setStatus(Consent.ConsentState.ACTIVE);
        reservation.addCategory(new CodeableConcept(new Coding("http://samnav.no/fhir/CodeSystem/personvern", "reservasjon", "Reservasjon")));
        reservation.setPatient(new Reference().setIdentifier(new Identifier().setSystem(Systems.FNR).setValue(RESERVED)));
        reservation.getProvision().setType(Consent.ConsentProvisionType.DENY);
        reservation.getScope().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/consentscope").setCode("patient-privacy");
        assertThat(client(OTEREN, WRITE, "9144889").create().resource(reservation).execute().getCreated()).isTrue();
    }

    @TestFactory
    @Order(4)
    Stream<DynamicTest> theAuthorisationMatrix() {
        Instant noon = at(WEDNESDAY, "12:00");
        List<Case> cases = new ArrayList<>();
        String[][] base = {
                // client,      GP_OTEREN,     GP_STORSTEINNES, MESSAGED,         PREGNANT,          RESERVED,            NOBODYS
                {OTEREN,       "GP_OFFICE",   "NO_CARE_RELATIONSHIP", "RECENT_MESSAGE", "NO_CARE_RELATIONSHIP", "PATIENT_OBJECTION", "NO_CARE_RELATIONSHIP"},
                {STORSTEINNES, "NO_CARE_RELATIONSHIP", "GP_OFFICE", "RECENT_MESSAGE", "NO_CARE_RELATIONSHIP", "PATIENT_OBJECTION", "NO_CARE_RELATIONSHIP"},
                {MALANGEN,     "NO_CARE_RELATIONSHIP", "NO_CARE_RELATIONSHIP", "NO_CARE_RELATIONSHIP", "NO_CARE_RELATIONSHIP", "PATIENT_OBJECTION", "NO_CARE_RELATIONSHIP"},
                // the legevakt wrote to Oteren about GP_OTEREN in the first test
                {LEGEVAKT,     "RECENT_MESSAGE", "NO_CARE_RELATIONSHIP", "NO_CARE_RELATIONSHIP", "NO_CARE_RELATIONSHIP", "PATIENT_OBJECTION", "NO_CARE_RELATIONSHIP"},
                {JORDMOR,      "NO_CARE_RELATIONSHIP", "NO_CARE_RELATIONSHIP", "NO_CARE_RELATIONSHIP", "CARE_EPISODE", "PATIENT_OBJECTION", "NO_CARE_RELATIONSHIP"},
                {UNN,          "NOT_A_MEMBER", "NOT_A_MEMBER", "NOT_A_MEMBER", "NOT_A_MEMBER", "NOT_A_MEMBER", "NOT_A_MEMBER"},
                {OUTSIDER,     "NOT_A_MEMBER", "NOT_A_MEMBER", "NOT_A_MEMBER", "NOT_A_MEMBER", "NOT_A_MEMBER", "NOT_A_MEMBER"},
        };
        String[] patients = {GP_OTEREN, GP_STORSTEINNES, MESSAGED, PREGNANT, RESERVED, NOBODYS};
        String[] names = {"GP-listed at Oteren", "GP-listed at Storsteinnes", "messaged Storsteinnes→Oteren",
                "in a pregnancy episode", "reserved", "nobody's patient"};
        for (String[] row : base) {
            for (int p = 0; p < patients.length; p++) {
                cases.add(new Case(row[0] + " / " + names[p] + " (Wednesday noon)", noon, row[0], "9144889", READ,
                        patients[p], row[p + 1]));
            }
        }
        // a system without a person behind it reads nothing
        cases.add(new Case("Oteren's system, no person / GP-listed at Oteren", noon, OTEREN, null, READ, GP_OTEREN, "NO_PERSON"));
        cases.add(new Case("Oteren, no journal scope", noon, OTEREN, "9144889", "samnav/message.read", GP_OTEREN, "SCOPE"));
        // the legevakt on duty: weekday evenings, nights until 08:00, weekends
        cases.add(new Case("legevakt Wednesday 20:00 / GP-listed at Oteren", at(WEDNESDAY, "20:00"), LEGEVAKT, "9144889", READ, GP_OTEREN, "ON_DUTY"));
        cases.add(new Case("legevakt Wednesday 20:00 / nobody's patient", at(WEDNESDAY, "20:00"), LEGEVAKT, "9144889", READ, NOBODYS, "ON_DUTY"));
        cases.add(new Case("legevakt Wednesday 20:00 / reserved", at(WEDNESDAY, "20:00"), LEGEVAKT, "9144889", READ, RESERVED, "PATIENT_OBJECTION"));
        cases.add(new Case("legevakt Thursday 07:30 / GP-listed at Storsteinnes", at(WEDNESDAY.plusDays(1), "07:30"), LEGEVAKT, "9144889", READ, GP_STORSTEINNES, "ON_DUTY"));
        cases.add(new Case("legevakt Thursday 08:30 / GP-listed at Storsteinnes", at(WEDNESDAY.plusDays(1), "08:30"), LEGEVAKT, "9144889", READ, GP_STORSTEINNES, "NO_CARE_RELATIONSHIP"));
        cases.add(new Case("legevakt Saturday 12:00 / messaged", at(WEDNESDAY.plusDays(3), "12:00"), LEGEVAKT, "9144889", READ, MESSAGED, "ON_DUTY"));
        cases.add(new Case("Oteren on a Saturday / GP-listed at Storsteinnes", at(WEDNESDAY.plusDays(3), "12:00"), OTEREN, "9144889", READ, GP_STORSTEINNES, "NO_CARE_RELATIONSHIP"));
        // relationships from messages expire after the window (90 days); GP lists and open episodes do not
        Instant later = noon.plus(Duration.ofDays(91));
        cases.add(new Case("Storsteinnes 89 days later / messaged", noon.plus(Duration.ofDays(89)), STORSTEINNES, "9144889", READ, MESSAGED, "RECENT_MESSAGE"));
        cases.add(new Case("Storsteinnes 91 days later / messaged", later, STORSTEINNES, "9144889", READ, MESSAGED, "NO_CARE_RELATIONSHIP"));
        cases.add(new Case("Oteren 91 days later / messaged", later, OTEREN, "9144889", READ, MESSAGED, "NO_CARE_RELATIONSHIP"));
        cases.add(new Case("Oteren 91 days later / GP-listed at Oteren", later, OTEREN, "9144889", READ, GP_OTEREN, "GP_OFFICE"));
        cases.add(new Case("midwife 91 days later / in a pregnancy episode", later, JORDMOR, "9144889", READ, PREGNANT, "CARE_EPISODE"));
        List<DynamicTest> tests = new ArrayList<>(cases.stream()
                .map(c -> DynamicTest.dynamicTest(c.name() + " → " + c.expected(), () -> check(c))).toList());
        // emergency access: one person at Malangen breaks the glass for two patients, for four hours
        Instant glass = at(WEDNESDAY.plusDays(92), "10:00");
        String doctor = "9144555";
        tests.add(DynamicTest.dynamicTest("Malangen's doctor declares emergency access to nobody's patient and the reserved one", () -> {
            NOW.set(glass);
            IGenericClient malangen = client(MALANGEN, READ, doctor);
            emergency(malangen, NOBODYS, "Pasienten kom bevisstløs inn på legekontoret");
            emergency(malangen, RESERVED, "Pasienten kom bevisstløs inn på legekontoret");
        }));
        List<Case> emergency = List.of(
                new Case("Malangen's doctor, emergency access / nobody's patient", glass.plusSeconds(60), MALANGEN, doctor, READ, NOBODYS, "EMERGENCY_ACCESS"),
                new Case("Malangen's doctor, emergency access / reserved", glass.plusSeconds(60), MALANGEN, doctor, READ, RESERVED, "EMERGENCY_ACCESS"),
                new Case("Malangen's doctor, emergency access / a patient it was not declared for", glass.plusSeconds(60), MALANGEN, doctor, READ, GP_STORSTEINNES, "NO_CARE_RELATIONSHIP"),
                new Case("another doctor at Malangen / nobody's patient", glass.plusSeconds(60), MALANGEN, "9144556", READ, NOBODYS, "NO_CARE_RELATIONSHIP"),
                new Case("Malangen's doctor 3 h 59 min later / reserved", glass.plus(Duration.ofMinutes(239)), MALANGEN, doctor, READ, RESERVED, "EMERGENCY_ACCESS"),
                new Case("Malangen's doctor 4 h later / nobody's patient", glass.plus(Duration.ofHours(4)).plusSeconds(1), MALANGEN, doctor, READ, NOBODYS, "NO_CARE_RELATIONSHIP"),
                new Case("Malangen's doctor 4 h later / reserved", glass.plus(Duration.ofHours(4)).plusSeconds(2), MALANGEN, doctor, READ, RESERVED, "PATIENT_OBJECTION"));
        for (Case c : emergency) tests.add(DynamicTest.dynamicTest(c.name() + " → " + c.expected(), () -> check(c)));
        return tests.stream();
    }

    void check(Case c) throws Exception {
        NOW.set(c.at());
        IGenericClient client = client(c.client(), c.scopes(), c.hpr());
        if (!isAllowed(c.expected())) {
            ForbiddenOperationException denied = org.junit.jupiter.api.Assertions.assertThrows(ForbiddenOperationException.class,
                    () -> find(client, c.patient()));
            if (!c.expected().equals("SCOPE")) {
                assertThat(((OperationOutcome) denied.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
                        .startsWith(c.expected() + ":");
            }
        } else {
            Bundle found = find(client, c.patient());
            assertThat(found.getEntry()).as("documents found").isNotEmpty();
            assertThat(lastAuditDetail(c.patient())).isEqualTo(c.expected());
        }
    }

    static boolean isAllowed(String expected) {
        return List.of("GP_OFFICE", "ON_DUTY", "CARE_EPISODE", "RECENT_MESSAGE", "EMERGENCY_ACCESS").contains(expected);
    }

    @Autowired
    no.samnav.gateway.journal.AuditTrail auditTrail;

    String lastAuditDetail(String patient) {
        return auditTrail.forPatient(patient, 1).get(0).detail();
    }

    @Test
    @Order(5)
    void emergencyAccessNeedsAReasonOverridesTheReservationIsTimeLimitedAndListedForFollowUp() throws Exception {
        // after the matrix's latest time: the audit trail is read newest first
        NOW.set(at(WEDNESDAY.plusDays(98), "12:00"));
        IGenericClient malangen = reader(MALANGEN);
        assertThatDenied(() -> find(malangen, RESERVED), "PATIENT_OBJECTION");
        // no reason, no access
        UnprocessableEntityException noReason = org.junit.jupiter.api.Assertions.assertThrows(UnprocessableEntityException.class,
                () -> emergency(malangen, RESERVED, "akutt"));
        assertThat(((OperationOutcome) noReason.getOperationOutcome()).getIssueFirstRep().getExpression().get(0).getValue())
                .contains("reason");
        // an outsider cannot break the glass
        assertThatDenied(() -> emergency(reader(UNN), RESERVED, "Bevisstløs pasient i akuttmottaket"), "NOT_A_MEMBER");

        Parameters granted = emergency(malangen, RESERVED, "Bevisstløs pasient på legekontoret, trenger medisinliste");
        String grantId = ((StringType) granted.getParameter("id").getValue()).getValue();
        assertThat(find(malangen, RESERVED).getEntry()).isNotEmpty();
        assertThat(lastAuditDetail(RESERVED)).isEqualTo("EMERGENCY_ACCESS");
        assertThat(auditTrail.forPatient(RESERVED, 1).get(0).purpose()).isEqualTo("ETREAT");
        // another person at the same office has no access from it
        assertThatDenied(() -> find(client(MALANGEN, READ, "9144777"), RESERVED), "PATIENT_OBJECTION");
        // it is listed for follow-up by the operator
        HttpResponse<String> followUp = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/emergency-access")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(followUp.statusCode()).isEqualTo(200);
        assertThat(followUp.body()).contains(grantId).contains("Bevisstløs pasient");
        // four hours later it is over
        NOW.set(NOW.get().plus(Duration.ofHours(4)).plusSeconds(1));
        assertThatDenied(() -> find(malangen, RESERVED), "PATIENT_OBJECTION");
    }

    @Test
    @Order(6)
    void aWithdrawnReservationAndAFinishedEpisodeChangeWhoReads() throws Exception {
        NOW.set(at(WEDNESDAY.plusDays(98), "20:00"));
        // the reservation is withdrawn (at Oteren, where it was recorded): the legevakt on duty reads again
        IGenericClient legevakt = reader(LEGEVAKT);
        assertThatDenied(() -> find(legevakt, RESERVED), "PATIENT_OBJECTION");
        IGenericClient oteren = client(OTEREN, WRITE + " " + READ, "9144889");
        String consentId = auditTrailConsentId();
        Consent withdrawn = new Consent().setStatus(Consent.ConsentState.INACTIVE);
        withdrawn.setId(consentId);
        oteren.update().resource(withdrawn).execute();
        assertThat(find(legevakt, RESERVED).getEntry()).isNotEmpty();
        assertThat(lastAuditDetail(RESERVED)).isEqualTo("ON_DUTY");
        // the episode ends: the midwife's relationship with it
        IGenericClient midwife = client(JORDMOR, WRITE + " " + READ, "9144902");
        assertThat(find(midwife, PREGNANT).getEntry()).isNotEmpty();
        String episodeId = careEpisodeId(PREGNANT);
        EpisodeOfCare finished = new EpisodeOfCare().setStatus(EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
        finished.setId(episodeId);
        midwife.update().resource(finished).execute();
        assertThatDenied(() -> find(midwife, PREGNANT), "NO_CARE_RELATIONSHIP");
        // a retrieve is under the same policy as the search (Oteren: GP office of GP_OTEREN; Malangen: none)
        IGenericClient gp = reader(OTEREN);
        DocumentReference doc = (DocumentReference) find(gp, GP_OTEREN).getEntryFirstRep().getResource();
        String url = doc.getContent().get(0).getAttachment().getUrl();
        HttpResponse<String> denied = http.send(HttpRequest.newBuilder(URI.create(base() + "/" + url))
                .header("Authorization", "Bearer " + token(MALANGEN, READ, "9144889")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(auditTrail.forPatient(GP_OTEREN, 1).get(0).action()).isEqualTo(no.samnav.gateway.journal.AuditTrail.Action.RETRIEVE);
        assertThat(auditTrail.forPatient(GP_OTEREN, 1).get(0).allowed()).isFalse();
    }

    @Test
    @Order(7)
    void findFiltersByCategoryTypeDateAndAuthorAndReadsOneDocumentUnderThePolicy() throws Exception {
        NOW.set(at(WEDNESDAY.plusDays(99), "12:00"));
        IGenericClient gp = reader(OTEREN);
        // GP_OTEREN has the legevakt's note (written 2026-03-07) and UNN's epikrise (dated the matrix's Wednesday)
        assertThat(categories(findWith(gp, "")) ).containsExactlyInAnyOrder("dialogmelding", "epikrise");
        assertThat(categories(findWith(gp, "&category=dialogmelding"))).containsExactly("dialogmelding");
        assertThat(categories(findWith(gp, "&type=http://loinc.org%7C18842-5"))).containsExactly("epikrise");
        assertThat(categories(findWith(gp, "&author.identifier=urn:oid:2.16.578.1.12.4.1.2%7C8100900"))).containsExactly("epikrise");
        assertThat(categories(findWith(gp, "&author.identifier=8100230"))).containsExactly("dialogmelding");
        assertThat(categories(findWith(gp, "&date=lt2026-06-01"))).containsExactly("dialogmelding");
        assertThat(categories(findWith(gp, "&date=ge" + WEDNESDAY.minusDays(1)))).containsExactly("epikrise");
        assertThat(categories(findWith(gp, "&status=superseded"))).isEmpty();
        assertThat(findWith(gp, "&_count=1").getEntry()).hasSize(1);
        // one DocumentReference by id: its patient's GP office reads it, an office without a relationship does not
        DocumentReference doc = (DocumentReference) findWith(gp, "&category=epikrise").getEntryFirstRep().getResource();
        assertThat(gp.read().resource(DocumentReference.class).withId(doc.getIdElement().getIdPart()).execute()
                .getMasterIdentifier().getValue()).isEqualTo(doc.getMasterIdentifier().getValue());
        assertThatDenied(() -> reader(MALANGEN).read().resource(DocumentReference.class)
                .withId(doc.getIdElement().getIdPart()).execute(), "NO_CARE_RELATIONSHIP");
        assertThat(auditTrail.forPatient(GP_OTEREN, 1).get(0).action()).isEqualTo(no.samnav.gateway.journal.AuditTrail.Action.READ);
        // a search must name a valid patient
        ca.uhn.fhir.rest.server.exceptions.InvalidRequestException invalid = org.junit.jupiter.api.Assertions.assertThrows(
                ca.uhn.fhir.rest.server.exceptions.InvalidRequestException.class, () -> find(gp, "12345678901"));
        assertThat(((OperationOutcome) invalid.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
                .contains("no valid fødselsnummer").doesNotContain("12345678901");
    }

    Bundle findWith(IGenericClient client, String filters) {
        return client.search().byUrl("DocumentReference?patient.identifier=" + Systems.FNR + "%7C" + GP_OTEREN + filters)
                .returnBundle(Bundle.class).execute();
    }

    static List<String> categories(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> ((DocumentReference) e.getResource()).getCategoryFirstRep()
                .getCodingFirstRep().getCode()).toList();
    }

    static final String OBJECTING = fnr("050565", 0);

    @Test
    @Order(8)
    void aReservedPatientsMessagesAreDeliveredButNotPublishedAndDirectPublicationIsRefused() throws Exception {
        NOW.set(at(WEDNESDAY.plusDays(99), "13:00"));
        Consent reservation = new Consent().setStatus(Consent.ConsentState.ACTIVE);
        reservation.addCategory(new CodeableConcept(new Coding("http://samnav.no/fhir/CodeSystem/personvern", "tilgangsbegrensning", null)));
        reservation.setPatient(new Reference().setIdentifier(new Identifier().setSystem(Systems.FNR).setValue(OBJECTING)));
        reservation.getProvision().setType(Consent.ConsentProvisionType.DENY);
        client(STORSTEINNES, WRITE, "9144889").create().resource(reservation).execute();

        String msgId = UUID.randomUUID().toString();
        drop("storsteinnes", msgId + ".xml", noteFromStorsteinnesToOteren(msgId).replace(SAMPLE_PATIENT, OBJECTING)
                .replace("7a0f4c52-1d2e-4f8b-9c3a-5e6d7f8a9b01", UUID.randomUUID().toString()));
        awaitFileContaining(inbox("oteren"), msgId);
        // routing publishes before it delivers: delivered and not in the journal means not published
        assertThat(journal.find(OBJECTING, new JournalStore.Criteria(List.of(), List.of(), List.of(), null, null,
                List.of(), 10))).isEmpty();

        UnprocessableEntityException refused = org.junit.jupiter.api.Assertions.assertThrows(UnprocessableEntityException.class,
                () -> provideFromUnn(OBJECTING, "urn:oid:2.16.578.1.12.4.1.9.4." + System.nanoTime(), "Epikrise", null));
        OperationOutcome.OperationOutcomeIssueComponent issue = ((OperationOutcome) refused.getOperationOutcome()).getIssueFirstRep();
        assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.BUSINESSRULE);
        assertThat(issue.getExpression().get(0).getValue()).isEqualTo("Bundle.entry[1].resource.subject");
        assertThat(issue.getDiagnostics()).doesNotContain(OBJECTING);

        // and a provide without a patient is refused where the patient is missing, storing nothing
        long before = journal.count();
        UnprocessableEntityException noPatient = org.junit.jupiter.api.Assertions.assertThrows(UnprocessableEntityException.class,
                () -> provideFromUnn("", "urn:oid:2.16.578.1.12.4.1.9.5." + System.nanoTime(), "Epikrise", null));
        assertThat(((OperationOutcome) noPatient.getOperationOutcome()).getIssueFirstRep().getExpression().get(0).getValue())
                .isEqualTo("Bundle.entry[1].resource.subject.identifier");
        assertThat(journal.count()).isEqualTo(before);
    }

    @Autowired
    no.samnav.gateway.journal.CareRecords careRecords;

    String auditTrailConsentId() {
        return careRecords.objections(RESERVED).get(0).id();
    }

    String careEpisodeId(String patient) {
        return careRecords.episodes(patient).get(0).id();
    }

    Parameters emergency(IGenericClient client, String patient, String reason) {
        Parameters in = new Parameters();
        in.addParameter().setName("patient").setValue(new Identifier().setSystem(Systems.FNR).setValue(patient));
        in.addParameter().setName("reason").setValue(new StringType(reason));
        return client.operation().onServer().named("$emergency-access").withParameters(in).execute();
    }

    static void assertThatDenied(org.junit.jupiter.api.function.Executable call, String denial) {
        ForbiddenOperationException denied = org.junit.jupiter.api.Assertions.assertThrows(ForbiddenOperationException.class, call);
        assertThat(((OperationOutcome) denied.getOperationOutcome()).getIssueFirstRep().getDiagnostics()).startsWith(denial + ":");
    }
}
