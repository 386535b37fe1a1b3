package no.samnav.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import no.samnav.gateway.browser.HeadlessChromium;
import no.samnav.mappers.fhir.Systems;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The patient access log page ({@code GET /fhir/$access-log?patient=...}) in headless Chromium, as
 * the person who answers "who has read my journal" sees it: after the GP at Oteren searched the
 * patient's documents and an outsider was turned away, the page lists both, is accessible by the
 * basic checks, and is kept as a screenshot under target/browser/.
 */
class AccessLogPageBrowserIT extends GatewayITSupport {

    /** On the GP list at Oteren (the demo cooperation's gp-list); synthetic. */
    static final String PATIENT = "12059248241";
    static final String GP_HPR = "9144889";

    static HeadlessChromium chromium;

    @LocalServerPort
    int port;

    @BeforeAll
    static void openChromium() {
        chromium = HeadlessChromium.launch();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) chromium.close();
    }

    @Test
    void theAccessLogPageShowsWhoSearchedAndWhoWasTurnedAway() throws Exception {
        assertThat(search("demo-systemx-oteren", GP_HPR)).as("the GP at Oteren searches").isEqualTo(200);
        assertThat(search("tromso-dips", "9144901")).as("an outsider is turned away").isEqualTo(403);

        String auditor = devToken(port, "client_id=samnav-operator&scope=" + enc("samnav/audit.read"));
        Page page = chromium.newPage(Map.of("Authorization", "Bearer " + auditor));
        Response response = page.navigate("http://localhost:" + port + "/fhir/$access-log?patient=" + PATIENT);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headerValue("content-type")).startsWith("text/html");
        assertThat(page.title()).isEqualTo("Innsynslogg – delt journal");
        assertThat(page.locator("h1").innerText()).startsWith("Innsynslogg: hvem har søkt i og lest");
        assertThat(page.locator("body > p").innerText()).startsWith("2 oppslag.");
        assertThat(page.locator("thead th").allInnerTexts()).containsExactly("Tidspunkt", "Handling", "Person (HPR)",
                "Virksomhet", "Fagsystem", "Dokumenter", "Formål", "Utfall");
        Locator rows = page.locator("tbody tr");
        assertThat(rows.count()).isEqualTo(2);
        Locator gp = rows.filter(new Locator.FilterOptions().setHasText("demo-systemx-oteren"));
        assertThat(gp.locator("td").allInnerTexts()).containsSubsequence("Søk", GP_HPR)
                .contains("Helsehjelp", "Tillatt: fastlegekontoret");
        Locator outsider = rows.filter(new Locator.FilterOptions().setHasText("tromso-dips"));
        assertThat(outsider.locator("td").allInnerTexts()).contains("Søk", "Avvist: virksomheten er ikke med i samarbeidet");
        assertThat(outsider.getAttribute("class")).isEqualTo("avvist");

        assertThat(HeadlessChromium.accessibilityProblems(page)).isEmpty();
        Path shot = HeadlessChromium.screenshot(page, Path.of("target", "browser", "access-log.png"));
        assertThat(Files.size(shot)).isGreaterThan(1_000);
    }

    /** The checks find what they look for: a page with every problem gets every problem named. */
    @Test
    void theAccessibilityCheckNamesWhatIsMissing() {
        Page page = chromium.newPage();
        page.setContent("<html><head></head><body><h1>A</h1><h1>B</h1><img src='x.png'>"
                + "<input id='name'><label>Born <input type='date' name='born'></label>"
                + "<span id='l'>Note</span><textarea aria-labelledby='l'></textarea><select aria-label=''></select>"
                + "<input type='hidden' name='h'><input style='display:none' name='gone'><input type='submit' value='Send'>"
                + "</body></html>");

        assertThat(HeadlessChromium.accessibilityProblems(page)).containsExactlyInAnyOrder("<html> has no lang",
                "the page has no <title>", "the page has 2 h1 elements, not exactly one", "image without alt: x.png",
                "form field without a label: <input type=text id=name>", "form field without a label: <select>");
    }

    private int search(String clientId, String hpr) throws Exception {
        String token = devToken(port, "client_id=" + clientId + "&scope=" + enc("samnav/journal.read") + "&hpr_number=" + hpr);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/fhir/DocumentReference?patient.identifier=" + enc(Systems.FNR + "|" + PATIENT)))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
