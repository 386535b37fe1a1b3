package no.samnav.mappers.henvisning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import no.samnav.mappers.core.MessageBundles;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/** Loads the synthetic Henvisning fixtures and finds resources in Bundles. */
final class HenvisningFixtures {

    private HenvisningFixtures() {
    }

    static byte[] load(String versionAndScenario) {
        String path = "/fixtures/henvisning/" + versionAndScenario + ".xml";
        try (InputStream in = HenvisningFixtures.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing fixture " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8);
    }

    static <T extends Resource> List<T> all(Bundle bundle, Class<T> type) {
        return MessageBundles.all(bundle, type);
    }

    static <T extends Resource> T one(Bundle bundle, Class<T> type) {
        List<T> all = all(bundle, type);
        if (all.size() != 1) throw new AssertionError("expected one " + type.getSimpleName() + ", found " + all.size());
        return all.get(0);
    }
}
