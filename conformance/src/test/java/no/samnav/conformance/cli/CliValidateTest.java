package no.samnav.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import no.samnav.conformance.validation.SharedStandards;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} against the official XSDs and FHIR R4 (needs the shared standards directory). */
@Tag("conformance")
class CliValidateTest {

    private static String xsdDir() {
        return SharedStandards.xsdDir(SharedStandards.require()).toString();
    }

    @Test
    void validMessagesExitZero() {
        Path example = SharedStandards.examplesDir(SharedStandards.require()).resolve("dialogmelding-1.0/foresporsel.xml");
        CliTest.Run run = CliTest.cli("validate", "--xsd-dir", xsdDir(), CliTest.SAMPLE.toString(), example.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains(CliTest.SAMPLE + ": OK", example + ": OK");
    }

    @Test
    void oneInvalidFileMakesTheRunFailAndNamesTheProblem(@TempDir Path dir) throws Exception {
        Path invalid = dir.resolve("invalid.xml");
        Files.writeString(invalid, Files.readString(CliTest.SAMPLE).replace("<Tema>", "<Temaet>").replace("</Tema>", "</Temaet>"));
        CliTest.Run run = CliTest.cli("validate", "--xsd-dir", xsdDir(), CliTest.SAMPLE.toString(), invalid.toString());
        assertThat(run.exit()).isEqualTo(SamnavCli.EXIT_INVALID);
        assertThat(run.out()).contains(CliTest.SAMPLE + ": OK").contains(invalid + ": INVALID").contains("Temaet");
    }

    @Test
    void fhirBundlesAreValidatedAgainstR4(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bundle.json");
        Files.writeString(json, CliTest.cli("convert", "--to", "fhir", CliTest.SAMPLE.toString()).out());
        CliTest.Run ok = CliTest.cli("validate", json.toString());
        assertThat(ok.out()).contains(json + ": OK");
        assertThat(ok.exit()).isZero();
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(json).replace("\"status\": \"completed\"", "\"status\": \"finished-ish\""));
        CliTest.Run bad = CliTest.cli("validate", broken.toString());
        assertThat(bad.exit()).isEqualTo(SamnavCli.EXIT_INVALID);
        assertThat(bad.out()).contains(broken + ": INVALID");
    }
}
