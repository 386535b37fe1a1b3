package no.samnav.conformance.cli;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.WriteResult;
import no.samnav.mappers.core.MapperRegistry;
import no.samnav.mappers.error.MappingException;
import org.hl7.fhir.r4.model.Bundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code convert --to fhir FILE} writes the canonical FHIR message Bundle as JSON; {@code convert --to
 * <standard>-<version> FILE} writes KITH XML (UTF-8) on standard output and the loss report on
 * standard error. The input is KITH XML in any supported standard and version, MsgHead-wrapped or
 * bare, or a FHIR JSON message Bundle. A message that came in a MsgHead leaves in one.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert a message to FHIR (JSON Bundle) or to a KITH standard and version.",
                "Targets: fhir, dialogmelding-1.0, dialogmelding-1.1, henvisning-1.1, henvisning-2.0,",
                "epikrise-1.2, svarrapport-1.4, apprec-1.0, apprec-1.1.",
                "XML goes to standard output, the loss report (what the target cannot carry) to standard error."})
final class ConvertCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "TARGET", description = "fhir, or <standard>-<version>")
    private String target;

    @Parameters(index = "0", paramLabel = "FILE", description = "KITH XML or FHIR JSON Bundle")
    private Path file;

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "33554432",
            description = "Largest accepted input in bytes (default: ${DEFAULT-VALUE})")
    private int maxBytes;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] input;
        try {
            input = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("ERROR cannot read " + file + ": " + e.getMessage());
            return SamnavCli.EXIT_USAGE;
        }
        Mappers mappers = new Mappers(no.samnav.mappers.xml.XmlLimits.DEFAULT.withMaxPayloadBytes(maxBytes));
        FhirContext fhir = FhirContext.forR4Cached();
        try {
            if (target.equalsIgnoreCase("fhir")) {
                ReadResult read = mappers.read(input);
                out.println(fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(read.bundle()));
                if (!read.unmapped().isEmpty()) {
                    err.println("NOTE " + read.unmapped().size()
                            + " element(s) no mapping covers are carried in the Bundle's kith-unmapped extension:");
                    read.unmapped().forEach(p -> err.println("  " + p));
                }
                out.flush();
                return 0;
            }
            KithStandard standard = KithStandard.forId(target).filter(MapperRegistry::canWrite).orElse(null);
            if (standard == null) {
                err.println("ERROR unknown or unwritable target '" + target + "'; choose fhir or one of "
                        + Targets.writable());
                return SamnavCli.EXIT_USAGE;
            }
            WriteResult written = looksLikeJson(input)
                    ? mappers.write(parseBundle(fhir, input), standard)
                    : mappers.translate(input, standard);
            out.print(new String(written.xml(), StandardCharsets.UTF_8));
            out.flush();
            err.print(written.losses().toText());
            err.flush();
            return 0;
        } catch (MappingException e) {
            err.println(Problems.describe(file.toString(), e));
            err.flush();
            return SamnavCli.EXIT_INVALID;
        }
    }

    static boolean looksLikeJson(byte[] input) {
        for (byte b : input) {
            if (b == '{') return true;
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) return false;
        }
        return false;
    }

    private static Bundle parseBundle(FhirContext fhir, byte[] json) {
        try {
            return fhir.newJsonParser().parseResource(Bundle.class, new String(json, StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            throw new no.samnav.mappers.error.UnsupportedContentException(
                    no.samnav.mappers.error.Location.ofPath("Bundle"), "Not a FHIR JSON Bundle: " + e.getMessage());
        }
    }
}
