package no.samnav.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vendor CLI on the project's own sample message (no shared standards needed). */
class CliTest {

    static final Path SAMPLE = Path.of("..", "samples", "dialogmelding-1.1-notat.xml");

    record Run(int exit, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SamnavCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void convertsToFhirJson() {
        Run run = cli("convert", "--to", "fhir", SAMPLE.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("\"resourceType\": \"Bundle\"", "\"type\": \"message\"", "\"MessageHeader\"",
                "\"system\": \"urn:oid:2.16.578.1.12.4.1.4.1\"", "\"value\": \"12059248241\"",
                "\"system\": \"urn:oid:2.16.578.1.12.4.1.2\"", "\"value\": \"8100110\"",
                "Blodtrykk 146/92 og proteinuri 1+");
    }

    @Test
    void translatesToAnOlderVersionInItsMsgHeadWithTheLossReportOnStderr() {
        Run run = cli("convert", "--to", "dialogmelding-1.0", SAMPLE.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("<?xml").contains("<MsgHead xmlns=\"http://www.kith.no/xmlstds/msghead/2006-05-24\"")
                .contains("xmlns=\"http://www.kith.no/xmlstds/dialog/2006-10-11\"")
                .contains("<MsgId>3c2b9f0e-5a77-4c1e-9a61-7d1f0c2e4b10</MsgId>")
                .contains("<Type V=\"DIALOG_NOTAT\"");
        assertThat(run.err()).contains("LOSS /MsgHead/MsgInfo/Type").contains("DIALOG_HELSEFAGLIG");
        assertThat(run.out()).doesNotContain("LOSS");
    }

    @Test
    void convertsAFhirJsonBundleBackToKithXml(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("message.json");
        Files.writeString(json, cli("convert", "--to", "fhir", SAMPLE.toString()).out());
        Run run = cli("convert", "--to", "dialogmelding-1.1", json.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("xmlns=\"http://www.kith.no/xmlstds/dialog/2013-01-23\"")
                .contains("<Id>12059248241</Id>").contains("Blodtrykk 146/92 og proteinuri 1+")
                .contains("<Type V=\"DIALOG_HELSEFAGLIG\"");
    }

    @Test
    void unknownTargetIsAUsageErrorListingTheTargets() {
        Run run = cli("convert", "--to", "dialogmelding-9.9", SAMPLE.toString());
        assertThat(run.exit()).isEqualTo(SamnavCli.EXIT_USAGE);
        assertThat(run.err()).contains("dialogmelding-9.9").contains("dialogmelding-1.0, dialogmelding-1.1");
    }

    @Test
    void brokenInputIsReportedWithFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.xml");
        String xml = Files.readString(SAMPLE, StandardCharsets.UTF_8).replace("</Notat>", "</Nota>");
        Files.writeString(broken, xml);
        Run run = cli("convert", "--to", "fhir", broken.toString());
        assertThat(run.exit()).isEqualTo(SamnavCli.EXIT_INVALID);
        assertThat(run.err()).contains(broken + ":" + lineOf(xml, "</Nota>") + ":").contains("T01");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingFileIsAUsageError() {
        Run run = cli("convert", "--to", "fhir", "no-such-file.xml");
        assertThat(run.exit()).isEqualTo(SamnavCli.EXIT_USAGE);
        assertThat(run.err()).contains("cannot read no-such-file.xml");
    }

    private static int lineOf(String text, String needle) {
        return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
    }
}
