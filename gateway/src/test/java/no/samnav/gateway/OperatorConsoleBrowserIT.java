package no.samnav.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The operator console in headless Chromium, as municipal IT uses it: log in, see a note from
 * Storsteinnes to Oteren on the dashboard, find it by the patient, read its detail (timeline, the
 * Dialogmelding 1.0 Oteren got, the original), break Oteren's inbox so a note dead-letters, fix it,
 * resend, and see it delivered once. Every page passes the basic accessibility checks; screenshots
 * go to target/browser/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorConsoleBrowserIT extends BrowserITSupport {

    static final String FIRST = UUID.randomUUID().toString();
    static final String SECOND = UUID.randomUUID().toString();
    /** A PDF attachment (vedlegg) in a Base64Container, synthetic content. */
    static final String ATTACHMENT = """
              <Document>
                <RefDoc>
                  <IssueDate V="2026-03-04T10:15:00"/>
                  <MsgType V="A" DN="Vedlegg"/>
                  <MimeType>application/pdf</MimeType>
                  <Description>EKG (fiktivt)</Description>
                  <Content>
                    <Base64Container xmlns="http://www.kith.no/xmlstds/base64container">JVBERi0xLjQKJSBTYW1uYXYgdGVzdHZlZGxlZ2cKJSVFT0YK</Base64Container>
                  </Content>
                </RefDoc>
              </Document>
            """;

    /** The demo cooperation from a file, so that the console can edit it. */
    @org.springframework.test.context.DynamicPropertySource
    static void cooperationFromAFile(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("samnav.cooperation-file", () -> {
            Path file = dataDir.resolve("cooperation.yml");
            try (var in = OperatorConsoleBrowserIT.class.getResourceAsStream("/demo/cooperation.yml")) {
                if (!java.nio.file.Files.exists(file)) java.nio.file.Files.copy(in, file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return file.toString();
        });
    }

    @Override
    String screenshotPrefix() {
        return "console";
    }

    @Test
    @Order(1)
    void anOperatorLogsIn() {
        page.navigate(url("/admin"));
        assertThat(page.url()).endsWith("/admin/logg-inn");
        accessible("logg-inn");
        page.fill("#name", "x");
        page.click("button[type=submit]");
        assertThat(page.locator("[role=alert]").innerText()).contains("Skriv navnet ditt");
        page.fill("#name", "Ola Drift (fiktiv)");
        page.click("button[type=submit]");
        assertThat(page.url()).endsWith("/admin");
        assertThat(page.locator("h1").innerText()).isEqualTo("Oversikt");
        assertThat(page.locator(".banner").innerText()).contains("Ola Drift (fiktiv)");
    }

    @Test
    @Order(2)
    void theDashboardShowsANoteOnItsWay() throws IOException {
        drop("storsteinnes", FIRST + ".xml", noteFromStorsteinnesToOteren(FIRST));
        awaitFileContaining(inbox("oteren"), FIRST);
        page.navigate(url("/admin"));
        assertThat(page.locator("#sendt tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("storsteinnes")).first().innerText()).contains("1");
        assertThat(page.locator("#mottatt tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("oteren")).first().innerText()).contains("1");
        assertThat(page.locator(".facts").innerText()).contains("I drift", "Alle kanaler er i orden");
        // the plot: one bar for the interval of the note, its tooltip says how long delivery took
        assertThat(page.locator("#trafikk rect.bar").count()).isEqualTo(1);
        assertThat(page.locator("#trafikk rect.bar title").textContent()).containsPattern("1 meldinger, levert i snitt etter \\d+ ms");
        accessible("oversikt");
    }

    @Test
    @Order(3)
    void sheFindsItByThePatientAndReadsItsDetail() throws IOException {
        // Oteren's system answers with an AppRec: it belongs to the note's conversation
        String receipt = UUID.randomUUID().toString();
        drop("oteren", "apprec-" + receipt + ".xml", GatewayTestMessages.appRec10(receipt, FIRST, "1", "OK"));
        awaitFileContaining(inbox("storsteinnes"), receipt);
        page.click("text=Meldinger");
        page.fill("#patient", SAMPLE_PATIENT);
        page.click("button:has-text('Søk')");
        assertThat(page.locator("#treff tbody tr").count()).isEqualTo(1);
        accessible("meldinger");
        page.locator("#treff tbody tr a").first().click();
        assertThat(page.locator("h1").innerText()).isEqualTo("Melding " + FIRST);
        assertThat(page.locator("#hendelser").innerText()).contains("RECEIVED", "ROUTED", "DELIVERED");
        assertThat(page.locator("section[aria-labelledby=leveranser] tbody").innerText()).contains("oteren", "dialogmelding-1.0");
        // the original, indented for reading, and the patient's number masked until she asks
        assertThat(page.locator("#original-innhold").innerText()).contains("<MsgHead").containsPattern("\n +<MsgInfo>")
                .contains(SAMPLE_PATIENT.substring(0, 6) + "*****").doesNotContain(SAMPLE_PATIENT);
        assertThat(page.locator("#pasient").innerText()).contains(SAMPLE_PATIENT.substring(0, 6) + "*****")
                .doesNotContain(SAMPLE_PATIENT);
        // what Oteren got, the receipt, and the canonical FHIR, with the number masked there too
        assertThat(page.locator("details.output summary").allInnerTexts()).containsExactly("oteren (dialogmelding-1.0)");
        assertThat(page.locator("details.output pre").textContent()).contains("http://www.kith.no/xmlstds/dialog/2006-10-11")
                .doesNotContain(SAMPLE_PATIENT);
        assertThat(page.locator("#apprecs tbody tr").count()).isEqualTo(1);
        assertThat(page.locator("#apprecs tbody tr").innerText()).contains("oteren");
        assertThat(page.locator("#fhir").textContent()).contains("\"resourceType\" : \"Bundle\"").doesNotContain(SAMPLE_PATIENT);
        accessible("melding");
        page.click("text=Vis fødselsnummer");
        assertThat(page.locator("#pasient").innerText()).contains(SAMPLE_PATIENT);
        assertThat(page.locator("#original-innhold").innerText()).contains(SAMPLE_PATIENT);
        // and showing it is in the patient's access log, under her name
        page.click("text=Innsynslogg");
        page.fill("#patient", SAMPLE_PATIENT);
        page.click("button:has-text('Vis logg')");
        assertThat(page.locator("#logg tbody tr").first().innerText()).contains("Driftsoperatør viste fødselsnummeret",
                "Ola Drift (fiktiv)", "Drift");
        accessible("innsyn");
        page.selectOption("#action", "SEARCH");
        page.click("button:has-text('Vis logg')");
        assertThat(page.locator("#logg").count()).isZero();
        page.navigate(url("/admin/meldinger/" + FIRST));
        assertThat(page.locator("#pasient").innerText()).doesNotContain(SAMPLE_PATIENT);

        // a note with an attachment: listed, downloaded as a file, the download in the access log
        String withAttachment = UUID.randomUUID().toString();
        String note = noteFromStorsteinnesToOteren(withAttachment);
        int end = note.lastIndexOf("</MsgHead>");
        drop("storsteinnes", withAttachment + ".xml", note.substring(0, end) + ATTACHMENT + note.substring(end));
        awaitFileContaining(inbox("oteren"), withAttachment);
        page.navigate(url("/admin/meldinger?id=" + withAttachment));
        assertThat(page.locator("#vedleggsliste tbody tr").innerText()).contains("EKG (fiktivt)", "application/pdf");
        com.microsoft.playwright.Download download = page.waitForDownload(() ->
                page.click("#vedleggsliste button:has-text('Last ned')"));
        assertThat(download.suggestedFilename()).isEqualTo("vedlegg-1.pdf");
        assertThat(new String(java.nio.file.Files.readAllBytes(download.path()), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        page.navigate(url("/admin/innsyn?patient=" + SAMPLE_PATIENT));
        assertThat(page.locator("#logg tbody tr").first().innerText()).contains("vedlegg 1", "Ola Drift (fiktiv)");

        // the conversation is the note and its receipt; by type, the note alone
        page.navigate(url("/admin/meldinger?conversation=" + FIRST));
        assertThat(page.locator("#treff tbody tr").count()).isEqualTo(2);
        page.navigate(url("/admin/meldinger?type=DIALOG_HELSEFAGLIG&patient=" + SAMPLE_PATIENT));
        assertThat(page.locator("#treff tbody tr").count()).isEqualTo(2);
        // a search by message id goes straight to it; an unknown one says so
        page.navigate(url("/admin/meldinger?id=" + FIRST));
        assertThat(page.locator("h1").innerText()).isEqualTo("Melding " + FIRST);
        page.navigate(url("/admin/meldinger?id=no-such-message"));
        assertThat(page.locator("[role=alert]").innerText()).contains("Fant ingen melding med id no-such-message");
    }

    @Test
    @Order(4)
    void aDeadLetterIsResentAfterTheFixAndArrivesOnce() throws IOException {
        OperatorApiScenarios.breakInbox("oteren");
        drop("storsteinnes", SECOND + ".xml", noteFromStorsteinnesToOteren(SECOND));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            page.navigate(url("/admin/doede-brev"));
            return page.locator("#brev").count() == 1 && page.locator("#brev").innerText().contains(SECOND);
        });
        assertThat(page.locator("#brev tbody tr").first().innerText()).contains("oteren");
        accessible("doede-brev");
        // the dashboard and the participants page say what is wrong with Oteren's channel and what to do
        page.navigate(url("/admin"));
        assertThat(page.locator("#kanaler").innerText()).contains("Oteren legekontor: Innboksen", "finnes ikke eller er ikke en mappe");
        page.navigate(url("/admin/deltakere"));
        assertThat(page.locator("#deltakere tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("(oteren)")).innerText()).contains("Innboksen", "finnes ikke eller er ikke en mappe", "1");
        page.navigate(url("/admin/doede-brev"));

        OperatorApiScenarios.fixInbox("oteren");
        page.click("#brev tbody tr button:has-text('Send igjen')");
        assertThat(page.locator("[role=status]").innerText()).isEqualTo("Meldingen er sendt igjen til Oteren legekontor.");
        awaitFileContaining(inbox("oteren"), SECOND);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> countFilesContaining(inbox("oteren"), SECOND) == 1);
        assertThat(page.locator("#brev").count()).isZero();

        page.navigate(url("/admin/meldinger?id=" + SECOND));
        assertThat(page.locator("#hendelser").innerText()).contains("DEAD_LETTERED", "RESENT", "DELIVERED");
    }

    @Test
    @Order(5)
    void aDeadLetterIsDiscardedWithAReasonAndNeverDelivered() throws IOException {
        String third = UUID.randomUUID().toString();
        OperatorApiScenarios.breakInbox("oteren");
        drop("storsteinnes", third + ".xml", noteFromStorsteinnesToOteren(third));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            page.navigate(url("/admin/doede-brev"));
            return page.locator("#brev").count() == 1 && page.locator("#brev").innerText().contains(third);
        });
        page.fill("#brev tbody tr input[name=reason]", "nei");
        page.click("#brev tbody tr button:has-text('Forkast')");
        assertThat(page.locator("[role=alert]").innerText()).contains("Skriv hvorfor meldingen forkastes");
        page.fill("#brev tbody tr input[name=reason]", "Sendt på papir etter avtale med Oteren");
        page.click("#brev tbody tr button:has-text('Forkast')");
        assertThat(page.locator("[role=status]").innerText()).contains("forkastet");
        assertThat(page.locator("#brev").count()).isZero();
        OperatorApiScenarios.fixInbox("oteren");
        page.navigate(url("/admin/meldinger?id=" + third));
        assertThat(page.locator("#hendelser").innerText()).contains("DISCARDED",
                "by Ola Drift (fiktiv): Sendt på papir etter avtale med Oteren");
        // nothing brings it back: Oteren's working inbox never gets it
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> countFilesContaining(inbox("oteren"), third) == 0);
    }

    @Test
    @Order(6)
    void sheChangesOterensSystemInTheCooperationFileWithACheckFirst() {
        page.navigate(url("/admin/deltakere"));
        assertThat(page.locator("#deltakere tbody tr").count()).isEqualTo(7);
        assertThat(page.locator("#deltakere tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("(oteren)")).innerText()).contains("systemx", "Mappene er på plass");
        accessible("deltakere");
        page.click("#rediger");
        String text = page.inputValue("#text");
        String oteren = "  - id: oteren\n    name: Oteren legekontor\n    municipality: Storfjord\n"
                + "    her-ids: [\"8100110\", \"8100111\", \"8100100\"]\n    profile: systemx";
        assertThat(text).contains(oteren);
        // a profile that does not exist is refused by the check, and nothing is saved
        page.fill("#text", text.replace(oteren, oteren.replace("systemx", "dips")));
        page.click("button:has-text('Kontroller')");
        assertThat(page.locator("[role=alert]").innerText()).startsWith("Filen er ikke lagret:").contains("dips");
        accessible("rediger");
        page.click("#lagre");
        assertThat(page.locator("[role=alert]").innerText()).startsWith("Filen er ikke lagret:");
        // Oteren moves to InfoDoc: checked, saved and in force
        page.fill("#text", text.replace(oteren, oteren.replace("systemx", "infodoc")));
        page.click("button:has-text('Kontroller')");
        assertThat(page.locator("[role=status]").innerText()).contains("Filen er gyldig: 7 deltakere");
        page.click("#lagre");
        assertThat(page.locator("[role=status]").innerText()).contains("Lagret og lastet inn", "endret [oteren]");
        assertThat(page.locator("#deltakere tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("(oteren)")).innerText()).contains("infodoc");
        assertThat(page.locator("#historikk tbody tr").first().innerText()).contains("Ola Drift (fiktiv)", "endret [oteren]");
    }

    @Test
    @Order(7)
    void loggingOutEndsTheSession() {
        page.click("text=Logg ut");
        assertThat(page.url()).contains("/admin/logg-inn");
        page.navigate(url("/admin/doede-brev"));
        assertThat(page.url()).endsWith("/admin/logg-inn");
    }
}
