package no.samnav.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import no.samnav.conformance.generator.AppRecV1_0Generator;
import no.samnav.conformance.generator.AppRecV1_1Generator;
import no.samnav.conformance.generator.DialogmeldingV1_0Generator;
import no.samnav.conformance.generator.DialogmeldingV1_1Generator;
import no.samnav.conformance.generator.MessageGenerator;
import no.samnav.conformance.validation.KithSchemas;
import no.samnav.conformance.validation.SharedStandards;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.WriteResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Version translation through FHIR (Dialogmelding 1.1 ↔ 1.0, AppRec 1.0 ↔ 1.1) on the official
 * examples and on generated messages: the output is schema-valid in the target version and every
 * value of the source is in the output or named by the loss report. This is what proves a loss
 * report complete, not only correct for one fixture.
 */
@Tag("conformance")
class VersionTranslationConformanceTest {

    /** Messages per direction (property {@code samnav.translation.size}). */
    private static final int SIZE = Integer.getInteger("samnav.translation.size", 1000);
    /**
     * MIGversion names the version of the document itself, so it changes with the version by
     * design; it is not content.
     */
    private static final String MIG_VERSION = "/AppRec/MIGversion";
    private static final Mappers MAPPERS = new Mappers();
    private static KithSchemas schemas;

    @BeforeAll
    static void load() {
        schemas = new KithSchemas(SharedStandards.xsdDir(SharedStandards.require()));
    }

    static Stream<Arguments> directions() {
        return Stream.of(
                Arguments.of(new DialogmeldingV1_1Generator(), KithStandard.DIALOGMELDING_1_0),
                Arguments.of(new DialogmeldingV1_0Generator(), KithStandard.DIALOGMELDING_1_1),
                Arguments.of(new AppRecV1_0Generator(), KithStandard.APPREC_1_1),
                Arguments.of(new AppRecV1_1Generator(), KithStandard.APPREC_1_0));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("directions")
    void generatedMessagesTranslateValidAndCompletelyReported(MessageGenerator generator, KithStandard target) {
        List<String> failures = new ArrayList<>();
        for (int seed = 0; seed < SIZE && failures.size() < 5; seed++) {
            byte[] xml = generator.generate(new SplittableRandom(seed));
            String problem = check(xml, target);
            if (problem != null) failures.add(generator.standard().id() + " seed " + seed + ": " + problem);
        }
        assertThat(failures).isEmpty();
    }

    static Stream<Path> examples() throws IOException {
        Path dir = SharedStandards.examplesDir(SharedStandards.require());
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".xml"))
                    .filter(p -> p.getParent().getFileName().toString().matches("apprec|dialogmelding-1\\.[01]"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void officialExamplesTranslateToTheOtherVersion(Path example) throws IOException {
        byte[] xml = Files.readAllBytes(example);
        KithStandard source = MAPPERS.read(xml).standard();
        KithStandard target = switch (source) {
            case DIALOGMELDING_1_0 -> KithStandard.DIALOGMELDING_1_1;
            case DIALOGMELDING_1_1 -> KithStandard.DIALOGMELDING_1_0;
            case APPREC_1_0 -> KithStandard.APPREC_1_1;
            case APPREC_1_1 -> KithStandard.APPREC_1_0;
            default -> throw new AssertionError("not a translation example: " + source);
        };
        assertThat(check(xml, target)).isNull();
    }

    /** Null when the translation is valid and complete, else what is wrong. */
    private static String check(byte[] xml, KithStandard target) {
        try {
            WriteResult written = MAPPERS.translate(xml, target);
            List<String> invalid = schemas.validate(written.xml());
            if (!invalid.isEmpty()) return "invalid " + target.id() + " " + invalid;
            KithStandard readBack = MAPPERS.read(written.xml()).standard();
            if (readBack != target) return "read back as " + readBack;
            List<String> missing = new ArrayList<>(KeyContent.missing(xml, written.xml(), written.losses()));
            missing.removeIf(m -> m.startsWith(MIG_VERSION + " = "));
            if (!missing.isEmpty()) return "lost without report " + missing + "\n" + new String(xml, StandardCharsets.UTF_8);
            return null;
        } catch (RuntimeException e) {
            return e.toString();
        }
    }
}
