package no.samnav.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import no.samnav.gateway.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The gateway and one headless Chromium page for a browser test class, used in order like a person
 * at the screen: {@link #url} on the gateway, {@link #accessible} checks a page and keeps its
 * screenshot under target/browser/ with the class's prefix.
 */
abstract class BrowserITSupport extends GatewayITSupport {

    static HeadlessChromium chromium;
    static Page page;

    @LocalServerPort
    int port;

    @BeforeAll
    static void openChromium() {
        chromium = HeadlessChromium.launch();
        page = chromium.newPage();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) chromium.close();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The screenshots' file prefix, e.g. {@code console}. */
    abstract String screenshotPrefix();

    void accessible(String name) {
        assertThat(HeadlessChromium.accessibilityProblems(page)).as(name).isEmpty();
        HeadlessChromium.screenshot(page, Path.of("target", "browser", screenshotPrefix() + "-" + name + ".png"));
    }
}
