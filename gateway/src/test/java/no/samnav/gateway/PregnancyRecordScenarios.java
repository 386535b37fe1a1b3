package no.samnav.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import no.samnav.gateway.pregnancy.MonthlyReport;
import no.samnav.gateway.pregnancy.PregnancyRecords;
import no.samnav.gateway.pregnancy.PregnancyStore;
import no.samnav.gateway.pregnancy.web.CardUser;
import no.samnav.gateway.registry.Service;
import no.samnav.gateway.store.MessageStatus;
import no.samnav.gateway.store.MessageStore;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.pregnancy.AntenatalCheck;
import no.samnav.mappers.pregnancy.Clinician;
import no.samnav.mappers.pregnancy.DipstickResult;
import no.samnav.mappers.pregnancy.FetalPresentation;
import no.samnav.mappers.pregnancy.GestationalAge;
import no.samnav.mappers.pregnancy.Oedema;
import no.samnav.mappers.pregnancy.Office;
import no.samnav.mappers.pregnancy.PregnancyEpisodes;
import no.samnav.mappers.pregnancy.SeenBy;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The midwife's pregnancy record through the real channels, broker, store and FHIR API: a Balsfjord
 * woman (GP at Storsteinnes) seen at the Oteren office and a Storfjord woman (GP at Oteren). Checks
 * beyond the thresholds reach each GP as a Dialogmelding in the GP system's own version; a lab result
 * ordered by Storsteinnes follows the open episode to the midwife's current office (CGM at Oteren);
 * with consent the card is in the shared journal, a new version on every change, and out of it when
 * consent is withdrawn; the record is read over the FHIR API by the service and her GP, not by others;
 * the monthly report counts checks where they took place. The web pages have their own browser test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class PregnancyRecordScenarios extends GatewayITSupport {

    /** On the GP list at Storsteinnes (Balsfjord); the sample lab result is about her. Synthetic. */
    static final String INGRID = "03038512314";
    /** On the GP list at Oteren (Storfjord). Synthetic. */
    static final String KARI = "12059248241";
    static final String MIDWIFE_HPR = "9100301";

    static final CardUser AT_OTEREN = new CardUser(MIDWIFE_HPR, "Marte Jordmor (fiktiv)", Service.Role.MIDWIFE, "jordmor",
            "jordmor-oteren", "Oteren helsehus");
    static final CardUser AT_STORSTEINNES = new CardUser(MIDWIFE_HPR, "Marte Jordmor (fiktiv)", Service.Role.MIDWIFE,
            "jordmor", "jordmor-storsteinnes", "Storsteinnes helsestasjon");

    static String ingridsEpisode;
    static String karisEpisode;

    @LocalServerPort
    int port;

    @Autowired
    PregnancyRecords records;

    @Autowired
    MonthlyReport report;

    @Autowired
    MessageStore messages;

    @Autowired
    FhirContext fhir;

    @Test
    @Order(1)
    void theMidwifeOpensPregnanciesAndWithConsentTheCardIsInTheSharedJournal() throws Exception {
        LocalDate term = records.today().plusWeeks(16);
        PregnancyRecords.Opened ingrid = records.open(AT_OTEREN, new PregnancyRecords.NewPregnancy(INGRID, "Fjellheim",
                "Ingrid", term, "Balsfjord", PregnancyStore.Consent.GIVEN));
        assertThat(ingrid.problems()).isEmpty();
        ingridsEpisode = ingrid.episodeId();
        PregnancyRecords.Opened kari = records.open(AT_OTEREN, new PregnancyRecords.NewPregnancy(KARI, "Nordmann", "Kari",
                term.plusWeeks(3), "Storfjord", PregnancyStore.Consent.NOT_GIVEN));
        assertThat(kari.problems()).isEmpty();
        karisEpisode = kari.episodeId();

        PregnancyRecords.Opened twice = records.open(AT_OTEREN, new PregnancyRecords.NewPregnancy(INGRID, "Fjellheim",
                "Ingrid", term, "Balsfjord", PregnancyStore.Consent.GIVEN));
        assertThat(twice.problems()).extracting(PregnancyRecords.Problem::field).containsExactly("fnr");
        PregnancyRecords.Opened wrong = records.open(AT_OTEREN, new PregnancyRecords.NewPregnancy("12059248242", "",
                "Eva", null, "Tromsø", null));
        assertThat(wrong.problems()).extracting(PregnancyRecords.Problem::field)
                .containsExactlyInAnyOrder("fnr", "familyName", "termDate", "servingMunicipality", "consent");

        // Ingrid consented: her GP at Storsteinnes finds version 1 of the card, as HTML and PDF
        List<DocumentReference> cards = cards(reader("demo-infodoc-storsteinnes"), INGRID, "current");
        assertThat(cards).hasSize(1);
        DocumentReference card = cards.get(0);
        assertThat(card.getType().getCodingFirstRep().getCode()).isEqualTo("57055-6");
        assertThat(card.getType().getText()).isEqualTo("Helsekort for gravide, versjon 1");
        assertThat(card.getContext().getEncounterFirstRep().getReference()).isEqualTo("EpisodeOfCare/" + ingridsEpisode);
        assertThat(card.getContent()).extracting(c -> c.getAttachment().getContentType())
                .containsExactly("text/html", "application/pdf");
        byte[] pdf = binary(reader("demo-infodoc-storsteinnes"), card, "application/pdf");
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String html = new String(binary(reader("demo-infodoc-storsteinnes"), card, "text/html"), StandardCharsets.UTF_8);
        assertThat(html).contains("Ingrid Fjellheim", INGRID);
        // Kari did not: nothing of hers is shared
        assertThat(cards(reader("demo-systemx-oteren"), KARI, null)).isEmpty();
    }

    @Test
    @Order(2)
    void aCheckBeyondTheThresholdsSendsHerGpADialogmeldingInTheGpSystemsVersion() throws Exception {
        PregnancyRecords.CheckOutcome ingrid = records.addCheck(AT_OTEREN, ingridsEpisode, check(AT_OTEREN, ingridsEpisode, 150, 95,
                DipstickResult.TWO_PLUS, "Hodepine siste døgn"));
        assertThat(ingrid.problems()).isEmpty();
        assertThat(ingrid.findings()).hasSize(2).anySatisfy(f -> assertThat(f).contains("150/95"));
        assertThat(ingrid.gpNoticeMessageId()).isNotNull();
        // Storsteinnes (InfoDoc) reads Dialogmelding 1.1
        String toStorsteinnes = awaitFileContaining(inbox("storsteinnes"), "150/95");
        assertThat(toStorsteinnes).contains("http://www.kith.no/xmlstds/dialog/2013-01-23", INGRID, "Hodepine siste døgn",
                "Svangerskapskontroll");

        PregnancyRecords.CheckOutcome kari = records.addCheck(AT_OTEREN, karisEpisode, check(AT_OTEREN, karisEpisode, 142, 85,
                DipstickResult.NEGATIVE, null));
        assertThat(kari.gpNoticeMessageId()).isNotNull();
        // Oteren (System X) reads only Dialogmelding 1.0
        String toOteren = awaitFileContaining(inbox("oteren"), "142/85");
        assertThat(toOteren).contains("http://www.kith.no/xmlstds/dialog/2006-10-11", KARI);
        // Kari has not consented: the notice reaches her GP but not the shared journal; Ingrid's is there
        assertThat(documents(reader("demo-systemx-oteren"), KARI)).isEmpty();
        assertThat(documents(reader("demo-infodoc-storsteinnes"), INGRID))
                .anySatisfy(d -> assertThat(d.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("dialogmelding"));

        // the GP office's AppRec is the notice's outcome; the midwife's own system never sees a receipt for it
        String notice = messages.byId(ingrid.gpNoticeMessageId()).orElseThrow().msgId();
        drop("storsteinnes", "apprec-" + UUID.randomUUID() + ".xml", GatewayTestMessages.appRec10(
                UUID.randomUUID().toString(), notice, "1", "OK", STORSTEINNES_HER, "8100241"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                messages.byId(ingrid.gpNoticeMessageId()).orElseThrow().status() == MessageStatus.ACKNOWLEDGED);
        assertThat(countFilesContaining(inbox("jordmor-oteren"), notice)).isZero();

        // a normal check sends nothing
        long before = countFilesContaining(inbox("storsteinnes"), "Svangerskapskontroll");
        PregnancyRecords.CheckOutcome normal = records.addCheck(AT_OTEREN, ingridsEpisode, check(AT_OTEREN, ingridsEpisode, 118, 72,
                DipstickResult.NEGATIVE, null));
        assertThat(normal.findings()).isEmpty();
        assertThat(normal.gpNoticeMessageId()).isNull();
        assertThat(countFilesContaining(inbox("storsteinnes"), "Svangerskapskontroll")).isEqualTo(before);

        // and a check with an impossible value is not stored
        PregnancyRecords.CheckOutcome invalid = records.addCheck(AT_OTEREN, ingridsEpisode, check(AT_OTEREN, ingridsEpisode, 95, 118,
                null, null));
        assertThat(invalid.problems()).extracting(PregnancyRecords.Problem::field).containsExactly("diastolic");
        assertThat(records.card(AT_OTEREN, ingridsEpisode).checks()).hasSize(2);
    }

    @Test
    @Order(3)
    void everyChangeIsANewVersionOfTheSharedCardReplacingTheOneBefore() throws Exception {
        IGenericClient gp = reader("demo-infodoc-storsteinnes");
        List<DocumentReference> current = cards(gp, INGRID, "current");
        assertThat(current).hasSize(1);
        DocumentReference v3 = current.get(0);
        assertThat(v3.getType().getText()).isEqualTo("Helsekort for gravide, versjon 3");
        assertThat(v3.getRelatesToFirstRep().getCode()).isEqualTo(DocumentReference.DocumentRelationshipType.REPLACES);
        assertThat(cards(gp, INGRID, "superseded")).hasSize(2);
        String html = new String(binary(gp, v3, "text/html"), StandardCharsets.UTF_8);
        assertThat(html).contains("150/95", "118/72", "Oteren helsehus", "Hodepine siste døgn");
        // the PDF has the same content as the HTML, as text a reader (and a screen reader) can find
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(binary(gp, v3, "application/pdf"))) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertThat(text).contains("Helsekort for gravide", "Ingrid Fjellheim", "150/95", "118/72", "Oteren helsehus",
                    "Versjon 3");
        }
    }

    @Test
    @Order(4)
    void aLabResultOrderedByHerGpFollowsTheOpenEpisodeToTheMidwifesCurrentOffice() throws Exception {
        String msgId = UUID.randomUUID().toString();
        String result = Files.readString(Path.of("..", "samples", "svarrapport-1.4-unn-til-storsteinnes.xml"),
                StandardCharsets.UTF_8).replace("7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", msgId);
        drop("unn", "svar-" + msgId + ".xml", result);

        // the GP office that ordered it gets it, and so does the midwife's current office (CGM at Oteren)
        assertThat(awaitFileContaining(inbox("storsteinnes"), msgId)).contains("B-Hemoglobin");
        String toMidwife = awaitFileContaining(inbox("jordmor-oteren"), msgId);
        assertThat(toMidwife).contains("B-Hemoglobin", INGRID, "http://www.kith.no/xmlstds/labsvar/2012-02-15");
        String id = messages.byMsgId(msgId).orElseThrow().id();
        assertThat(messages.events(id)).extracting(MessageStore.Event::detail).anySatisfy(step -> assertThat(step)
                .contains("copy to jordmor-oteren")
                .contains("follows the open episode " + ingridsEpisode));
        assertThat(records.card(AT_OTEREN, ingridsEpisode).linkedMessages())
                .anySatisfy(l -> assertThat(l.messageId()).isEqualTo(id))
                .anySatisfy(l -> assertThat(l.copyTo()).isEqualTo("jordmor-oteren"));

        // UNN gets the AppRec of the office it addressed; the copy's receipt stays in the gateway
        drop("jordmor-oteren", "apprec-" + UUID.randomUUID() + ".xml", GatewayTestMessages.appRec10(
                UUID.randomUUID().toString(), msgId, "1", "OK", "8100241", GatewayTestMessages.UNN_HER));
        drop("storsteinnes", "apprec-" + UUID.randomUUID() + ".xml", GatewayTestMessages.appRec10(
                UUID.randomUUID().toString(), msgId, "1", "OK", STORSTEINNES_HER, GatewayTestMessages.UNN_HER));
        await().atMost(Duration.ofSeconds(30)).until(() -> countFilesContaining(inbox("unn"), msgId) == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> countFilesContaining(inbox("unn"), msgId) == 1);

        // a result for a woman without an open episode goes only where it is addressed
        String other = UUID.randomUUID().toString();
        drop("unn", "svar-" + other + ".xml", result.replace(msgId, other).replace(INGRID, "15038540189"));
        awaitFileContaining(inbox("storsteinnes"), other);
        assertThat(countFilesContaining(inbox("jordmor-oteren"), other)).isZero();
    }

    @Test
    @Order(5)
    void theRecordIsReadOverTheFhirApiByTheServiceAndHerGpAndNobodyElse() throws Exception {
        IGenericClient midwife = client("demo-jordmor", MIDWIFE_HPR);
        Bundle encounters = midwife.search().forResource(Encounter.class)
                .where(Encounter.PATIENT.hasChainedProperty(Encounter.IDENTIFIER.exactly().systemAndIdentifier(Systems.FNR, INGRID)))
                .returnBundle(Bundle.class).execute();
        assertThat(encounters.getEntry()).hasSize(2);
        Encounter first = (Encounter) encounters.getEntryFirstRep().getResource();
        assertThat(first.getEpisodeOfCareFirstRep().getReference()).isEqualTo("EpisodeOfCare/" + ingridsEpisode);
        Bundle observations = reader("demo-infodoc-storsteinnes").search().forResource(Observation.class)
                .where(Observation.PATIENT.hasChainedProperty(Observation.IDENTIFIER.exactly().systemAndIdentifier(Systems.FNR, INGRID)))
                .returnBundle(Bundle.class).execute();
        assertThat(observations.getEntry()).extracting(e -> ((Observation) e.getResource()).getCode().getCodingFirstRep().getCode())
                .contains("85354-9", "20454-5");
        Encounter read = midwife.read().resource(Encounter.class).withId(first.getIdElement().getIdPart()).execute();
        assertThat(read.getPeriod().getStart()).isNotNull();

        // the pregnancy: an episode of the service, with both municipalities; the service; her consent
        Bundle episodes = midwife.search().forResource(EpisodeOfCare.class)
                .where(EpisodeOfCare.PATIENT.hasChainedProperty(EpisodeOfCare.IDENTIFIER.exactly().systemAndIdentifier(Systems.FNR, INGRID)))
                .returnBundle(Bundle.class).execute();
        assertThat(episodes.getEntry()).hasSize(1);
        EpisodeOfCare episode = (EpisodeOfCare) episodes.getEntryFirstRep().getResource();
        assertThat(episode.getIdElement().getIdPart()).isEqualTo(ingridsEpisode);
        assertThat(episode.getManagingOrganization().getIdentifier().getValue()).isEqualTo("8100240");
        assertThat(episode.getExtensionString(PregnancyEpisodes.EMPLOYING_MUNICIPALITY)).isEqualTo("Balsfjord");
        assertThat(episode.getExtensionString(no.samnav.mappers.journal.JournalExtensions.SERVING_MUNICIPALITY))
                .isEqualTo("Balsfjord");
        HealthcareService service = midwife.read().resource(HealthcareService.class).withId("jordmor").execute();
        assertThat(service.getProvidedBy().getDisplay()).isEqualTo("Balsfjord kommune");
        assertThat(service.getCoverageArea()).extracting(Reference::getDisplay).containsExactly("Balsfjord", "Storfjord");
        assertThat(consent(midwife, INGRID).getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.PERMIT);

        // Malangen is a member of the shared journal, but neither her GP office nor the service
        assertThatThrownBy(() -> reader("demo-infodoc-malangen").search().forResource(Encounter.class)
                .where(Encounter.PATIENT.hasChainedProperty(Encounter.IDENTIFIER.exactly().systemAndIdentifier(Systems.FNR, KARI)))
                .returnBundle(Bundle.class).execute()).isInstanceOf(ForbiddenOperationException.class);
    }

    @Test
    @Order(6)
    void withdrawnConsentTakesTheCardOutOfTheSharedJournal() throws Exception {
        records.setConsent(AT_OTEREN, ingridsEpisode, PregnancyStore.Consent.WITHDRAWN);
        assertThat(cards(reader("demo-infodoc-storsteinnes"), INGRID, "current")).isEmpty();
        Consent withdrawn = consent(client("demo-jordmor", MIDWIFE_HPR), INGRID);
        assertThat(withdrawn.getStatus()).isEqualTo(Consent.ConsentState.INACTIVE);
        // and a new check publishes nothing
        records.addCheck(AT_OTEREN, ingridsEpisode, check(AT_OTEREN, ingridsEpisode, 120, 75, DipstickResult.NEGATIVE, null));
        assertThat(cards(reader("demo-infodoc-storsteinnes"), INGRID, "current")).isEmpty();
    }

    @Test
    @Order(7)
    void theMonthlyReportCountsChecksWhereTheyTookPlace() {
        records.addCheck(AT_STORSTEINNES, ingridsEpisode, check(AT_STORSTEINNES, ingridsEpisode, 122, 76, DipstickResult.NEGATIVE, null));
        MonthlyReport.Report month = report.of(YearMonth.from(records.today()));
        assertThat(month.lines()).containsExactly(
                new MonthlyReport.Line("Balsfjord", "Storsteinnes helsestasjon", "Balsfjord", 1, 1),
                new MonthlyReport.Line("Storfjord", "Oteren helsehus", "Balsfjord", 3, 1),
                new MonthlyReport.Line("Storfjord", "Oteren helsehus", "Storfjord", 1, 1));
        assertThat(month.checks()).isEqualTo(5);
        assertThat(month.women()).isEqualTo(2);
        assertThat(month.sharesByServingMunicipality()).containsExactly(java.util.Map.entry("Balsfjord", 80L),
                java.util.Map.entry("Storfjord", 20L));
        assertThat(report.csv(month)).isEqualTo("Måned;Kommune der kontrollen ble utført (refusjon);Kontor;Kvinnens kommune;"
                + "Kontroller;Kvinner\r\n"
                + month.month() + ";Balsfjord;Storsteinnes helsestasjon;Balsfjord;1;1\r\n"
                + month.month() + ";Storfjord;Oteren helsehus;Balsfjord;3;1\r\n"
                + month.month() + ";Storfjord;Oteren helsehus;Storfjord;1;1\r\n");
        assertThat(report.of(YearMonth.from(records.today()).minusMonths(1)).lines()).isEmpty();
    }

    @Test
    @Order(8)
    void aJournalSystemRecordsACheckOverTheFhirApi() throws Exception {
        IGenericClient cgm = writer("demo-jordmor", MIDWIFE_HPR);
        AntenatalCheck check = check(AT_STORSTEINNES, karisEpisode, 124, 78, DipstickResult.NEGATIVE, "Ført i CGM");
        Bundle sent = checkBundle(check, karisEpisode);
        Bundle stored = cgm.operation().onInstance(new org.hl7.fhir.r4.model.IdType("EpisodeOfCare", karisEpisode))
                .named("$record-check").withParameter(org.hl7.fhir.r4.model.Parameters.class, "check", sent)
                .returnResourceType(Bundle.class).execute();
        Encounter encounter = (Encounter) stored.getEntryFirstRep().getResource();
        assertThat(encounter.getServiceProvider().getDisplay()).isEqualTo("Storsteinnes helsestasjon");
        assertThat(records.card(AT_OTEREN, karisEpisode).checks()).extracting(c -> c.check().note())
                .contains("Ført i CGM");
        assertThat(midwifeReads(Encounter.class, KARI)).anySatisfy(e ->
                assertThat(e.getIdElement().getIdPart()).isEqualTo(encounter.getIdElement().getIdPart()));

        // a wrong check: 422 with where the problem is, nothing stored
        Bundle wrong = checkBundle(check(AT_STORSTEINNES, karisEpisode, 95, 118, null, null), karisEpisode);
        assertThatThrownBy(() -> cgm.operation().onInstance(new org.hl7.fhir.r4.model.IdType("EpisodeOfCare", karisEpisode))
                .named("$record-check").withParameter(org.hl7.fhir.r4.model.Parameters.class, "check", wrong)
                .returnResourceType(Bundle.class).execute())
                .isInstanceOf(ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException.class)
                .satisfies(e -> assertThat(((ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException) e)
                        .getResponseBody()).contains("Diastolisk blodtrykk", "8462-4"));
        // someone who is not staff of the service, and a client of no office of it
        assertThatThrownBy(() -> writer("demo-jordmor", "9144889").operation()
                .onInstance(new org.hl7.fhir.r4.model.IdType("EpisodeOfCare", karisEpisode)).named("$record-check")
                .withParameter(org.hl7.fhir.r4.model.Parameters.class, "check", sent).returnResourceType(Bundle.class)
                .execute()).isInstanceOf(ForbiddenOperationException.class);
        assertThatThrownBy(() -> writer("demo-systemx-oteren", MIDWIFE_HPR).operation()
                .onInstance(new org.hl7.fhir.r4.model.IdType("EpisodeOfCare", karisEpisode)).named("$record-check")
                .withParameter(org.hl7.fhir.r4.model.Parameters.class, "check", sent).returnResourceType(Bundle.class)
                .execute()).isInstanceOf(ForbiddenOperationException.class);
    }

    Bundle checkBundle(AntenatalCheck check, String episode) {
        var resources = no.samnav.mappers.pregnancy.AntenatalCheckWriter.write(check,
                no.samnav.mappers.pregnancy.PatientRef.fnr(KARI, null), episode);
        Bundle b = new Bundle().setType(Bundle.BundleType.COLLECTION);
        b.addEntry().setResource(resources.encounter());
        resources.observations().forEach(o -> b.addEntry().setResource(o));
        return b;
    }

    <T extends org.hl7.fhir.r4.model.Resource> List<T> midwifeReads(Class<T> type, String patient) throws Exception {
        return client("demo-jordmor", MIDWIFE_HPR).search().forResource(type)
                .where(Encounter.PATIENT.hasChainedProperty(Encounter.IDENTIFIER.exactly().systemAndIdentifier(Systems.FNR, patient)))
                .returnBundle(Bundle.class).execute().getEntry().stream().map(e -> type.cast(e.getResource())).toList();
    }

    IGenericClient writer(String clientId, String hpr) throws Exception {
        IGenericClient client = fhir.newRestfulGenericClient("http://localhost:" + port + "/fhir");
        client.registerInterceptor(new BearerTokenAuthInterceptor(devToken(port, "client_id=" + clientId + "&scope="
                + URLEncoder.encode("samnav/journal.read samnav/journal.write", StandardCharsets.UTF_8) + "&hpr_number=" + hpr)));
        return client;
    }

    AntenatalCheck check(CardUser user, String episode, int systolic, int diastolic, DipstickResult protein, String note) {
        LocalDate today = records.today();
        LocalDate term = records.pregnancyOf(episode).termDate();
        return new AntenatalCheck(null, today, GestationalAge.fromTermDate(term, today),
                new Office(user.office(), user.siteName()), new SeenBy(user.hpr(), user.name(), Clinician.MIDWIFE),
                systolic, diastolic, new BigDecimal("71.5"), new BigDecimal("11.9"), protein, DipstickResult.NEGATIVE, 24, 142,
                FetalPresentation.CEPHALIC, Oedema.NONE, note);
    }

    List<DocumentReference> cards(IGenericClient client, String patient, String status) {
        var query = client.search().forResource(DocumentReference.class)
                .where(DocumentReference.PATIENT.hasChainedProperty(DocumentReference.IDENTIFIER.exactly()
                        .systemAndIdentifier(Systems.FNR, patient)))
                .and(DocumentReference.CATEGORY.exactly().code("svangerskap"));
        if (status != null) query = query.and(DocumentReference.STATUS.exactly().code(status));
        return query.returnBundle(Bundle.class).execute().getEntry().stream()
                .map(e -> (DocumentReference) e.getResource()).toList();
    }

    static List<DocumentReference> documents(IGenericClient client, String patient) {
        return client.search().forResource(DocumentReference.class)
                .where(DocumentReference.PATIENT.hasChainedProperty(DocumentReference.IDENTIFIER.exactly()
                        .systemAndIdentifier(Systems.FNR, patient)))
                .returnBundle(Bundle.class).execute().getEntry().stream().map(e -> (DocumentReference) e.getResource())
                .toList();
    }

    static Consent consent(IGenericClient client, String patient) {
        Bundle found = client.search().forResource(Consent.class)
                .where(Consent.PATIENT.hasChainedProperty(Consent.IDENTIFIER.exactly().systemAndIdentifier(Systems.FNR, patient)))
                .returnBundle(Bundle.class).execute();
        assertThat(found.getEntry()).hasSize(1);
        return (Consent) found.getEntryFirstRep().getResource();
    }

    byte[] binary(IGenericClient client, DocumentReference doc, String contentType) {
        String url = doc.getContent().stream().filter(c -> c.getAttachment().getContentType().equals(contentType))
                .findFirst().orElseThrow().getAttachment().getUrl();
        return client.read().resource(Binary.class).withId(url.substring("Binary/".length())).execute().getContent();
    }

    IGenericClient reader(String clientId) throws Exception {
        return client(clientId, "9144889");
    }

    IGenericClient client(String clientId, String hpr) throws Exception {
        fhir.getRestfulClientFactory().setSocketTimeout(60_000);
        IGenericClient client = fhir.newRestfulGenericClient("http://localhost:" + port + "/fhir");
        client.registerInterceptor(new BearerTokenAuthInterceptor(devToken(port, "client_id=" + clientId + "&scope="
                + URLEncoder.encode("samnav/journal.read", StandardCharsets.UTF_8) + "&hpr_number=" + hpr)));
        return client;
    }
}
