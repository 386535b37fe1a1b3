package no.samnav.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import ca.uhn.fhir.context.FhirContext;
import no.samnav.conformance.generator.Generators;
import no.samnav.mappers.validation.FhirValidation;
import no.samnav.conformance.generator.MessageGenerator;
import no.samnav.conformance.validation.KithSchemas;
import no.samnav.conformance.validation.SharedStandards;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.WriteResult;
import no.samnav.mappers.core.MapperRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Version translation through FHIR, for every pair of versions of one standard the mappers can read
 * and write (Dialogmelding 1.1 ↔ 1.0, Henvisning 2.0 ↔ 1.1, Epikrise 1.1 → 1.2, AppRec 1.0 ↔ 1.1):
 * each official example and each generated message of the source version (1,000 per pair, property
 * {@code samnav.translation.size}) translates to XSD-valid XML of the target version that reads back
 * as that version, and every value of the source is in the output or named, with its path, in the
 * loss report. Every tenth source Bundle is also validated against FHIR R4 and no-basis, which is
 * the FHIR proof for versions that are read but not written (Epikrise 1.1).
 */
@Tag("conformance")
class VersionTranslationCorpusTest {

    /** Generated messages per translation pair (property {@code samnav.translation.size}). */
    private static final int SIZE = Integer.getInteger("samnav.translation.size", 1000);
    /** FHIR validation of every n-th source Bundle (the read-only versions get no round trip). */
    private static final int FHIR_EVERY = Integer.getInteger("samnav.translation.fhir-every", 10);
    private static final Mappers MAPPERS = new Mappers();
    private static KithSchemas schemas;
    private static FhirValidation fhir;

    @BeforeAll
    static void load() {
        Path shared = SharedStandards.require();
        schemas = new KithSchemas(SharedStandards.xsdDir(shared));
        fhir = new FhirValidation(FhirContext.forR4Cached(),
                SharedStandards.conformanceResources(FhirContext.forR4Cached(), SharedStandards.noBasisDir(shared)));
    }

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (KithStandard from : KithStandard.values()) {
            for (KithStandard to : KithStandard.values()) {
                if (from != to && from.family().equals(to.family()) && MapperRegistry.canRead(from)
                        && MapperRegistry.canWrite(to)) {
                    pairs.add(Arguments.of(from.id() + " -> " + to.id(), from, to));
                }
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void translationsAreValidAndReportWhatTheyLose(String name, KithStandard from, KithStandard to) throws IOException {
        List<byte[]> sources = new ArrayList<>(officialExamples(from));
        Optional<MessageGenerator> generator = Generators.everyVersion().stream().filter(g -> g.standard() == from).findFirst();
        generator.ifPresent(g -> {
            for (int seed = 0; seed < SIZE; seed++) sources.add(g.generate(new SplittableRandom(seed)));
        });
        assertThat(sources).as("messages to translate from %s", from.id()).isNotEmpty();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < sources.size() && failures.size() < 5; i++) {
            byte[] xml = sources.get(i);
            try {
                if (i % FHIR_EVERY == 0) {
                    List<String> fhirErrors = fhir.errors(MAPPERS.read(xml).bundle());
                    if (!fhirErrors.isEmpty()) failures.add("message " + i + ": FHIR errors " + fhirErrors);
                }
                WriteResult out = MAPPERS.translate(xml, to);
                assertThat(out.standard()).isEqualTo(to);
                List<String> problems = schemas.validate(out.xml());
                if (!problems.isEmpty()) failures.add("message " + i + ": invalid " + to.id() + " " + problems);
                KithStandard readBack = MAPPERS.read(out.xml()).standard();
                if (readBack != to) failures.add("message " + i + ": the output reads back as " + readBack.id());
                List<String> missing = KeyContent.missingAcrossVersions(xml, out.xml(), out.losses());
                if (!missing.isEmpty()) failures.add("message " + i + ": lost without report " + missing);
            } catch (RuntimeException e) {
                failures.add("message " + i + ": " + e);
            }
        }
        assertThat(failures).as("%s", name).isEmpty();
    }

    private static List<byte[]> officialExamples(KithStandard standard) throws IOException {
        Path dir = SharedStandards.examplesDir(SharedStandards.require());
        List<byte[]> result = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(p);
                try {
                    if (MAPPERS.read(bytes).standard() == standard) result.add(bytes);
                } catch (RuntimeException unreadable) {
                    // examples of standards without a reader are covered by OfficialExamplesRoundTripTest
                }
            }
        }
        return result;
    }
}
