package no.samnav.mappers.epikrise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the synthetic Epikrise fixtures of the test resources. */
final class EpikriseFixtures {

    private EpikriseFixtures() {
    }

    static byte[] load(String version, String scenario) {
        String path = "/fixtures/epikrise/" + version + "/" + scenario + ".xml";
        try (InputStream in = EpikriseFixtures.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing fixture " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
