package no.samnav.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import no.samnav.mappers.validation.FhirValidation;
import no.samnav.conformance.validation.KithSchemas;
import no.samnav.conformance.validation.SharedStandards;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.WriteResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every official example in {@code standards/examples}: XML → FHIR → XML in the same version and
 * envelope validates against the official XSDs, keeps its content (or names what it lost), and the
 * FHIR Bundle validates against FHIR R4 and the no-basis profiles it declares.
 */
@Tag("conformance")
class OfficialExamplesRoundTripTest {

    private static final Mappers MAPPERS = new Mappers();
    private static KithSchemas schemas;
    private static FhirValidation fhir;

    @BeforeAll
    static void load() {
        Path shared = SharedStandards.require();
        schemas = new KithSchemas(SharedStandards.xsdDir(shared));
        fhir = new FhirValidation(FhirContext.forR4Cached(), SharedStandards.conformanceResources(
                FhirContext.forR4Cached(), SharedStandards.noBasisDir(SharedStandards.require())));
    }

    static Stream<Path> examples() throws IOException {
        Path dir = SharedStandards.examplesDir(SharedStandards.require());
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void roundTripInTheSameVersionValidatesAndKeepsContent(Path example) throws IOException {
        byte[] original = Files.readAllBytes(example);
        assertThat(schemas.validate(original)).as("the official example itself is valid").isEmpty();

        ReadResult read = MAPPERS.read(original);
        WriteResult written = MAPPERS.write(read.bundle(), read.standard(), read.wrapped());

        assertThat(schemas.validate(written.xml())).as("XSD problems of the written %s", read.standard().id()).isEmpty();
        List<String> missing = KeyContent.missing(original, written.xml(), written.losses());
        assertThat(missing).as("content lost without a loss report entry").isEmpty();
        assertThat(fhir.errors(read.bundle())).as("FHIR R4 / no-basis validation of the Bundle").isEmpty();
    }
}
