package no.samnav.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Steps 1–4 of the README's "midwife's pregnancy card", taken over HTTP as the browser takes them:
 * a session cookie, the CSRF token of each form, the redirects. The browser itself is tested by the
 * gateway's {@code PregnancyCardBrowserIT}; this only sets the scene the README's block goes on from.
 */
final class MidwifeAtOteren {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");

    private MidwifeAtOteren() {
    }

    static void takeTheWalkthroughSteps(int port) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));

        // 1. log in as Marte Jordmor at Oteren helsehus
        String login = post(browser, base + "/helsekort/logg-inn", csrf(browser, base + "/helsekort/logg-inn"),
                Map.of("hpr", "9100301", "office", "jordmor-oteren"));
        assertThat(login).as("after login").endsWith("/helsekort");
        // 2. a new pregnancy for Ingrid Fjellheim, Balsfjord, with her consent to share
        Map<String, String> woman = new LinkedHashMap<>();
        woman.put("fnr", "03038512314");
        woman.put("givenNames", "Ingrid");
        woman.put("familyName", "Fjellheim");
        woman.put("termDate", DATE.format(today.plusWeeks(16)));
        woman.put("servingMunicipality", "Balsfjord");
        woman.put("consent", "given");
        String card = post(browser, base + "/helsekort/ny", csrf(browser, base + "/helsekort/ny"), woman);
        assertThat(card).as("the new card").matches(".*/helsekort/[0-9a-f-]{36}");
        // 3. a check: 150/95, 72,5 kg, protein ++
        Map<String, String> check = new LinkedHashMap<>();
        check.put("date", DATE.format(today));
        check.put("week", "24+0");
        check.put("systolic", "150");
        check.put("diastolic", "95");
        check.put("weight", "72,5");
        check.put("urineProtein", "TWO_PLUS");
        String saved = post(browser, base + card + "/kontroll", csrf(browser, base + card), check);
        // 4. saved: back to the card
        assertThat(saved).as("after the check").contains(card);
        assertThat(get(browser, base + card).body()).contains("Fastlegen har fått dialogmelding om funnene.");
    }

    private static String csrf(HttpClient browser, String url) throws Exception {
        HttpResponse<String> page = get(browser, url);
        assertThat(page.statusCode()).as(url).isEqualTo(200);
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("a form with a CSRF token at " + url).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form; returns the path the answer redirects to. */
    private static String post(HttpClient browser, String url, String csrf, Map<String, String> fields) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        String form = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("POST " + url + ":\n" + answer.body()).isEqualTo(302);
        // relative or absolute, with or without a fragment: the path is where the browser goes
        return URI.create(answer.headers().firstValue("Location").orElseThrow()).getRawPath();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
