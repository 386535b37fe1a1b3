package no.samnav.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import no.samnav.gateway.browser.HeadlessChromium;
import no.samnav.mappers.pregnancy.GestationalAge;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * "Helsekort for gravide" in headless Chromium, as the midwife at the Oteren office uses it: log
 * in, open a pregnancy for a Balsfjord woman, enter a check from the keyboard, see a validation error
 * and correct it, see the GP told, see the trend plots, print the card, read the monthly report.
 * Every page passes the basic accessibility checks; screenshots go to target/browser/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PregnancyCardBrowserIT extends BrowserITSupport {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");
    /** On the GP list at Storsteinnes (Balsfjord); synthetic. */
    static final String INGRID = "03038512314";

    @Override
    String screenshotPrefix() {
        return "helsekort";
    }

    @Test
    @Order(1)
    void theMidwifeLogsInAtTheOterenOffice() {
        Response response = page.navigate(url("/helsekort"));
        assertThat(page.url()).endsWith("/helsekort/logg-inn");
        assertThat(response.status()).isEqualTo(200);
        assertThat(page.title()).isEqualTo("Logg inn – Helsekort for gravide");
        accessible("logg-inn");

        // logging in without saying who she is is refused with a message
        page.selectOption("#office", "jordmor-oteren");
        page.locator("#hpr").evaluate("e => e.removeAttribute('required')");
        page.click("button[type=submit]");
        assertThat(page.locator("[role=alert]").innerText()).isEqualTo("Velg hvem du er.");

        page.selectOption("#hpr", "9100301");
        page.selectOption("#office", "jordmor-oteren");
        page.click("button[type=submit]");
        assertThat(page.url()).endsWith("/helsekort");
        assertThat(page.locator("h1").innerText()).isEqualTo("Aktive svangerskap");
        assertThat(page.locator(".banner .who").innerText()).contains("Marte Jordmor (fiktiv), Oteren helsehus");
        accessible("liste-tom");
    }

    @Test
    @Order(2)
    void sheOpensAPregnancyAndIsToldWhatIsMissing() {
        page.click("text=Nytt svangerskap");
        accessible("ny");
        page.fill("#fnr", INGRID);
        page.fill("#givenNames", "Ingrid");
        page.fill("#familyName", "Fjellheim");
        page.selectOption("#servingMunicipality", "Balsfjord");
        page.check("input[name=consent][value=given]");
        page.click("text=Opprett helsekort");
        assertThat(page.locator(".error-summary").innerText()).contains("Skriv termindatoen (dd.mm.åååå)");
        assertThat(page.locator("#termDate").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.inputValue("#fnr")).isEqualTo(INGRID);
        accessible("ny-feil");

        page.fill("#termDate", DATE.format(today().plusWeeks(14)));
        page.click("text=Opprett helsekort");
        assertThat(page.locator("h1").innerText()).isEqualTo("Helsekort: Ingrid Fjellheim");
        assertThat(page.locator(".facts").first().innerText()).contains("Balsfjord", "Samtykker");
    }

    @Test
    @Order(3)
    void sheEntersACheckFromTheKeyboardSeesTheErrorAndCorrectsIt() {
        // the form starts with today's date and the week today is, and takes her to the next field with Tab
        assertThat(page.inputValue("#date")).isEqualTo(DATE.format(today()));
        String week = GestationalAge.fromTermDate(today().plusWeeks(14), today()).toString();
        assertThat(page.inputValue("#gestationalAge")).isEqualTo(week);
        page.focus("#gestationalAge");
        page.keyboard().press("Tab");
        page.keyboard().type("150");
        page.keyboard().press("Tab");
        page.keyboard().type("195");
        page.keyboard().press("Tab");
        page.keyboard().type("72,5");
        assertThat(page.inputValue("#systolic")).isEqualTo("150");
        assertThat(page.inputValue("#diastolic")).isEqualTo("195");
        assertThat(page.inputValue("#weightKg")).isEqualTo("72,5");
        page.selectOption("#urineProtein", "TWO_PLUS");
        page.fill("#fundalHeightCm", "26");
        page.fill("#fetalHeartRate", "144");
        page.fill("#note", "Hodepine siste døgn");
        page.keyboard().press("Enter"); // a line break in the note; the form is sent with the button
        page.click("#lagre-kontroll");

        assertThat(page.locator("#feil").innerText()).contains("Kontrollen er ikke lagret", "Diastolisk blodtrykk må være");
        assertThat(page.locator("#diastolic").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.locator("#diastolic").getAttribute("aria-describedby")).isEqualTo("diastolic-feil");
        assertThat(page.locator("#diastolic-feil").innerText()).startsWith("Diastolisk blodtrykk må være");
        // what she typed is still there
        assertThat(page.inputValue("#systolic")).isEqualTo("150");
        assertThat(page.inputValue("#weightKg")).isEqualTo("72,5");
        assertThat(page.locator("table.checks").count()).isEqualTo(0);
        accessible("kontroll-feil");

        page.fill("#diastolic", "95");
        page.click("#lagre-kontroll");
        assertThat(page.locator("[role=status].info").innerText()).contains("er lagret");
        assertThat(page.locator(".warning").innerText()).contains("150/95", "Fastlegen har fått dialogmelding om funnene.");
        assertThat(page.locator("table.checks tbody tr").count()).isEqualTo(1);
        assertThat(page.locator("table.checks tbody tr").first().innerText()).contains("150/95", "72,5", "++",
                "Oteren helsehus", "Marte Jordmor (fiktiv)", "Fastlege varslet");
        // the GP at Storsteinnes (InfoDoc) got it in Dialogmelding 1.1
        assertThat(awaitFileContaining(inbox("storsteinnes"), "150/95")).contains("http://www.kith.no/xmlstds/dialog/2013-01-23");
    }

    @Test
    @Order(4)
    void theTrendsShowEveryCheck() {
        page.fill("#systolic", "128");
        page.fill("#diastolic", "82");
        page.fill("#weightKg", "73,4");
        page.fill("#fundalHeightCm", "27");
        page.click("#lagre-kontroll");
        assertThat(page.locator("table.checks tbody tr").count()).isEqualTo(2);
        assertThat(page.locator("#trender figcaption").allInnerTexts()).containsExactly("Blodtrykk", "Vekt", "Symfyse-fundusmål");
        // blood pressure: two lines (systolic, diastolic) of two points each
        assertThat(page.locator("#trender figure").first().locator("g.series-0 circle").count()).isEqualTo(2);
        assertThat(page.locator("#trender figure").first().locator("g.series-1 circle").count()).isEqualTo(2);
        assertThat(page.locator("#trender figure").first().locator("g.series-0 circle title").allTextContents())
                .anySatisfy(t -> assertThat(t).startsWith("Systolisk 150 mmHg"))
                .anySatisfy(t -> assertThat(t).startsWith("Systolisk 128 mmHg"));
        assertThat(page.locator("#trender figure").nth(2).locator("polyline.guide").count()).isEqualTo(1);
        assertThat(page.locator("#trender svg").first().getAttribute("role")).isEqualTo("img");
        accessible("kort");
    }

    @Test
    @Order(5)
    void sheUpdatesTheBackground() {
        page.click("text=Endre bakgrunnsopplysninger");
        accessible("bakgrunn");
        page.fill("#gravida", "2");
        page.fill("#para", "2");
        page.click("text=Lagre");
        assertThat(page.locator(".error-summary").innerText()).contains("Para er antall fødsler");
        page.fill("#para", "1");
        page.fill("#medications", "Folsyre 0,4 mg\nJerntilskudd");
        page.fill("#allergies", "Penicillin");
        page.click("text=Lagre");
        assertThat(page.locator("#bakgrunn").innerText()).contains("2 / 1", "Folsyre 0,4 mg, Jerntilskudd", "Penicillin");
    }

    @Test
    @Order(6)
    void sheprintsTheCard() throws Exception {
        String cardUrl = page.url().replaceAll("[#?].*$", "");
        Page print = page.context().newPage();
        print.navigate(cardUrl + "/utskrift");
        assertThat(print.content()).contains("Ingrid Fjellheim", INGRID, "150/95", "128/82", "Penicillin");
        // the paper card's layout applies (its style is inline, which the pages' security policy lets through)
        assertThat(print.locator("table").first().evaluate("t => getComputedStyle(t).borderCollapse")).isEqualTo("collapse");
        print.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        byte[] printed = print.pdf(new Page.PdfOptions().setPath(Path.of("target", "browser", "helsekort-utskrift.pdf")));
        assertThat(new String(printed, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        HeadlessChromium.screenshot(print, Path.of("target", "browser", "helsekort-utskrift.png"));
        print.close();

        var answer = page.context().request().get(cardUrl + "/kort.pdf");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().get("content-type")).isEqualTo("application/pdf");
        assertThat(new String(answer.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    @Order(7)
    void theMonthlyReportCountsTheChecksAtOteren() throws Exception {
        page.navigate(url("/helsekort/rapport"));
        assertThat(page.locator("h1").innerText()).isEqualTo("Svangerskapskontroller " + YearMonth.from(today()));
        assertThat(page.locator("table tbody tr").first().innerText()).contains("Storfjord", "Oteren helsehus", "Balsfjord", "2");
        assertThat(page.locator("#andeler").innerText()).contains("Balsfjord 100 %");
        accessible("rapport");
        Download csv = page.waitForDownload(() -> page.click("#csv"));
        String text = Files.readString(csv.path(), StandardCharsets.UTF_8);
        assertThat(text).contains(YearMonth.from(today()) + ";Storfjord;Oteren helsehus;Balsfjord;2;1");

        page.navigate(url("/helsekort/rapport?maaned=november"));
        assertThat(page.locator("[role=alert]").innerText()).contains("åååå-mm");
    }

    @Test
    @Order(8)
    void loggingOutEndsTheSession() {
        page.navigate(url("/helsekort"));
        page.click("text=Logg ut");
        assertThat(page.url()).contains("/helsekort/logg-inn");
        page.navigate(url("/helsekort"));
        assertThat(page.url()).endsWith("/helsekort/logg-inn");
    }

    static LocalDate today() {
        return LocalDate.now(OSLO);
    }
}
