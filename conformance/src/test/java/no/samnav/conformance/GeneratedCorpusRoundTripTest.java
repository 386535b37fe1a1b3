package no.samnav.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import no.samnav.conformance.generator.Generators;
import no.samnav.conformance.generator.MessageGenerator;
import no.samnav.mappers.validation.FhirValidation;
import no.samnav.conformance.validation.KithSchemas;
import no.samnav.conformance.validation.SharedStandards;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.WriteResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * At least 1,000 generated messages per standard and version (property {@code samnav.corpus.size}),
 * each: schema-valid as generated, read to FHIR, written back in the same version and envelope,
 * schema-valid again, with every value kept or reported lost, and the Bundle valid FHIR R4.
 * A failure names the seed, so {@code new SplittableRandom(seed)} reproduces the message.
 */
@Tag("conformance")
class GeneratedCorpusRoundTripTest {

    private static final int SIZE = Integer.getInteger("samnav.corpus.size", 1000);
    /** FHIR validation of every n-th Bundle; HAPI's validator is the slow part of this suite. */
    private static final int FHIR_EVERY = Integer.getInteger("samnav.corpus.fhir-every", 1);
    private static final Mappers MAPPERS = new Mappers();
    private static KithSchemas schemas;
    private static FhirValidation fhir;

    @BeforeAll
    static void load() {
        schemas = new KithSchemas(SharedStandards.xsdDir(SharedStandards.require()));
        fhir = new FhirValidation(FhirContext.forR4Cached(), SharedStandards.conformanceResources(
                FhirContext.forR4Cached(), SharedStandards.noBasisDir(SharedStandards.require())));
    }

    static Stream<Arguments> generators() {
        return Generators.all().stream().map(g -> Arguments.of(g.standard().id(), g));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    void generatedMessagesRoundTrip(String id, MessageGenerator generator) {
        assertThat(SIZE).isGreaterThanOrEqualTo(1);
        List<String> failures = new ArrayList<>();
        for (int seed = 0; seed < SIZE && failures.size() < 5; seed++) {
            byte[] xml = generator.generate(new SplittableRandom(seed));
            String what = generator.standard().id() + " seed " + seed;
            List<String> inputProblems = schemas.validate(xml);
            if (!inputProblems.isEmpty()) {
                failures.add(what + ": the generator wrote an invalid message " + inputProblems
                        + "\n" + new String(xml, StandardCharsets.UTF_8));
                continue;
            }
            try {
                ReadResult read = MAPPERS.read(xml);
                assertThat(read.standard()).isEqualTo(generator.standard());
                WriteResult written = MAPPERS.write(read.bundle(), read.standard(), read.wrapped());
                List<String> outputProblems = schemas.validate(written.xml());
                if (!outputProblems.isEmpty()) failures.add(what + ": written XML invalid " + outputProblems);
                List<String> missing = KeyContent.missing(xml, written.xml(), written.losses());
                if (!missing.isEmpty()) failures.add(what + ": lost without report " + missing);
                if (seed % FHIR_EVERY == 0) {
                    List<String> fhirErrors = fhir.errors(read.bundle());
                    if (!fhirErrors.isEmpty()) failures.add(what + ": FHIR errors " + fhirErrors);
                }
            } catch (RuntimeException e) {
                failures.add(what + ": " + e);
            }
        }
        assertThat(failures).as("failures of %s", generator.standard().id()).isEmpty();
    }
}
