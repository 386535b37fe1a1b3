package no.samnav.mappers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/** Test fixtures from {@code src/test/resources/fixtures} and small Bundle look-ups for assertions. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The bytes of {@code fixtures/<path>}. */
    public static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String utf8(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8);
    }

    /** Every resource of a type in the Bundle, in entry order. */
    public static <T extends Resource> java.util.List<T> all(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance).map(type::cast).toList();
    }

    /** The only resource of a type in the Bundle. */
    public static <T extends Resource> T one(Bundle bundle, Class<T> type) {
        java.util.List<T> found = all(bundle, type);
        if (found.size() != 1) throw new AssertionError("expected one " + type.getSimpleName() + ", found " + found.size());
        return found.get(0);
    }

    /** The resource a reference points to (by fullUrl or ResourceType/id). */
    public static Resource resolve(Bundle bundle, org.hl7.fhir.r4.model.Reference ref) {
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            String ref1 = ref.getReference();
            if (ref1 == null) continue;
            if (ref1.equals(e.getFullUrl()) || ref1.equals(e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart())) {
                return e.getResource();
            }
        }
        return null;
    }
}
