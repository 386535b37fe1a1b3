package no.samnav.gateway.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The system's Chromium, headless, driven by Playwright, for the gateway's browser tests: never
 * downloads a browser (Debian's {@code chromium} package at {@value #DEFAULT_EXECUTABLE}; the
 * system property {@code samnav.test.chromium} names another one). A test opens it once per class
 * and closes it after:
 *
 * <pre>{@code
 * static HeadlessChromium chromium;
 * @BeforeAll static void open() { chromium = HeadlessChromium.launch(); }
 * @AfterAll static void close() { chromium.close(); }
 *
 * Page page = chromium.newPage(Map.of("Authorization", "Bearer " + token));
 * page.navigate(url);
 * assertThat(HeadlessChromium.accessibilityProblems(page)).isEmpty();
 * HeadlessChromium.screenshot(page, Path.of("target", "browser", "page.png"));
 * }</pre>
 *
 * Each {@link #newPage} is a fresh browser context (no cookies or storage from another page),
 * closed with the browser. A missing Chromium fails the test with what to install: browser tests
 * are never skipped.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final String DEFAULT_EXECUTABLE = "/usr/bin/chromium";

    /** Chromium without the sandbox (CI runs as root in a container) and without calls home. */
    static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    private HeadlessChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Starts the system's Chromium, headless; fails with a clear message when it is not installed. */
    public static HeadlessChromium launch() {
        Path executable = Path.of(System.getProperty("samnav.test.chromium", DEFAULT_EXECUTABLE));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("The browser tests need Chromium at " + executable + " and it is not there:"
                    + " install Debian's chromium package (apt-get install chromium; .ci/run does), or name another"
                    + " Chromium with -Dsamnav.test.chromium=/path/to/chromium");
        }
        // the driver (Playwright's Node) is extracted to a temporary directory; it downloads no browser
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable).setHeadless(true).setArgs(ARGS).setTimeout(30_000));
            return new HeadlessChromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** The browser's version, e.g. for a test's log. */
    public String version() {
        return browser.version();
    }

    /** A page in a fresh context that sends {@code headers} (e.g. Authorization) with every request. */
    public Page newPage(Map<String, String> headers) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setExtraHTTPHeaders(headers).setLocale("nb-NO").setTimezoneId("Europe/Oslo")
                .setViewportSize(1280, 800));
        context.setDefaultTimeout(10_000);
        return context.newPage();
    }

    /** A page in a fresh context without extra headers. */
    public Page newPage() {
        return newPage(Map.of());
    }

    /** Saves the whole page (not only the viewport) as PNG at {@code file}, creating its directory. */
    public static Path screenshot(Page page, Path file) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /**
     * The basics of an accessible page that a test can check mechanically, as a list of problems
     * (empty when none): {@code <html lang>} set; a non-empty {@code <title>}; exactly one
     * {@code h1}; every {@code img} has an {@code alt} (empty for decoration); every visible
     * {@code input}, {@code select} and {@code textarea} has a label ({@code label for}, a wrapping
     * {@code label}, {@code aria-label} or {@code aria-labelledby} naming an element with text;
     * buttons made of {@code input} by their value, image inputs by their alt).
     */
    public static List<String> accessibilityProblems(Page page) {
        Object result = page.evaluate(ACCESSIBILITY_CHECK);
        List<String> problems = new ArrayList<>();
        if (result instanceof List<?> list) {
            for (Object o : list) problems.add(String.valueOf(o));
        }
        return problems;
    }

    private static final String ACCESSIBILITY_CHECK = """
            () => {
              const problems = [];
              const text = s => (s || '').trim();
              const describe = el => '<' + el.tagName.toLowerCase()
                  + (el.type && el.tagName === 'INPUT' ? ' type=' + el.type : '')
                  + (el.id ? ' id=' + el.id : '') + (el.name ? ' name=' + el.name : '') + '>';
              const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
              if (!text(document.documentElement.getAttribute('lang'))) problems.push('<html> has no lang');
              if (!text(document.title)) problems.push('the page has no <title>');
              const h1 = document.querySelectorAll('h1').length;
              if (h1 !== 1) problems.push('the page has ' + h1 + ' h1 elements, not exactly one');
              for (const img of document.querySelectorAll('img')) {
                if (!img.hasAttribute('alt')) problems.push('image without alt: ' + (img.getAttribute('src') || describe(img)));
              }
              const labelled = el => {
                if (text(el.getAttribute('aria-label'))) return true;
                const by = text(el.getAttribute('aria-labelledby'));
                if (by && by.split(/\\s+/).some(id => { const l = document.getElementById(id); return l && text(l.textContent); })) return true;
                if (el.labels && Array.from(el.labels).some(l => text(l.textContent))) return true;
                if (el.tagName === 'INPUT' && ['submit', 'button', 'reset'].includes(el.type)) return !!text(el.value);
                if (el.tagName === 'INPUT' && el.type === 'image') return !!text(el.getAttribute('alt'));
                return false;
              };
              for (const el of document.querySelectorAll('input, select, textarea')) {
                if ((el.tagName === 'INPUT' && el.type === 'hidden') || !visible(el)) continue;
                if (!labelled(el)) problems.push('form field without a label: ' + describe(el));
              }
              return problems;
            }
            """;

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
