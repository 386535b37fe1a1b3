package no.samnav.conformance.validation;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the directory of shared national material (official XSDs, examples, no-basis profiles):
 * system property {@code samnav.shared.dir}, environment variable {@code SAMNAV_SHARED_DIR}, or
 * {@code ../shared} and {@code shared} relative to the working directory. The product itself never
 * needs it; the conformance suite and the CLI's validate command do.
 */
public final class SharedStandards {

    private SharedStandards() {
    }

    /** The shared directory when one with {@code standards/xsd} exists. */
    public static Optional<Path> locate() {
        String property = System.getProperty("samnav.shared.dir");
        if (property != null && isShared(Path.of(property))) return Optional.of(Path.of(property).normalize());
        String env = System.getenv("SAMNAV_SHARED_DIR");
        if (env != null && isShared(Path.of(env))) return Optional.of(Path.of(env).normalize());
        for (String candidate : new String[] {"../shared", "shared", "../../shared"}) {
            Path p = Path.of(candidate).toAbsolutePath().normalize();
            if (isShared(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The shared directory, or an exception that says how to point to it. */
    public static Path require() {
        return locate().orElseThrow(() -> new IllegalStateException(
                "The shared standards directory was not found: set -Dsamnav.shared.dir or SAMNAV_SHARED_DIR"
                        + " to the folder holding standards/xsd"));
    }

    public static Path xsdDir(Path shared) {
        return shared.resolve("standards").resolve("xsd");
    }

    public static Path examplesDir(Path shared) {
        return shared.resolve("standards").resolve("examples");
    }

    public static Path noBasisDir(Path shared) {
        return shared.resolve("fhir").resolve("no-basis");
    }

    /** The conformance resources (XML) of a profile directory such as {@link #noBasisDir}, parsed. */
    public static List<IBaseResource> conformanceResources(FhirContext context, Path dir) {
        List<IBaseResource> resources = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.xml")) {
            for (Path f : files) resources.add(context.newXmlParser().parseResource(Files.readString(f)));
        } catch (IOException e) {
            throw new IllegalStateException("Profiles in " + dir + " could not be read: " + e.getMessage(), e);
        }
        return resources;
    }

    private static boolean isShared(Path p) {
        return Files.isDirectory(p.resolve("standards").resolve("xsd"));
    }
}
