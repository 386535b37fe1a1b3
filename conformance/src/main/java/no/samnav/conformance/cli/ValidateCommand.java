package no.samnav.conformance.cli;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import no.samnav.mappers.validation.FhirValidation;
import no.samnav.conformance.validation.KithSchemas;
import no.samnav.conformance.validation.SharedStandards;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.error.MappingException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code validate FILE...}: KITH XML against the official XSDs plus the mappers' own checks (known
 * standard and version, mandatory content, identifier check digits); FHIR JSON against FHIR R4 and,
 * when found, the no-basis profiles. Prints OK or the problems per file; exits 0 only when all are valid.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validate KITH XML messages against the official XSDs and FHIR JSON against FHIR R4 / no-basis.",
                "Exit code 0 only when every file is valid."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    private List<Path> files;

    @Option(names = "--xsd-dir", paramLabel = "DIR",
            description = "Directory of the official XSDs (default: <shared>/standards/xsd, found via SAMNAV_SHARED_DIR or ../shared)")
    private Path xsdDir;

    @Option(names = "--profiles", paramLabel = "DIR",
            description = "Directory of FHIR conformance resources, e.g. no-basis (default: <shared>/fhir/no-basis when found)")
    private Path profileDir;

    private KithSchemas schemas;
    private FhirValidation fhir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int invalid = 0;
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                err.println("ERROR cannot read " + file + ": " + e.getMessage());
                err.flush();
                return SamnavCli.EXIT_USAGE;
            }
            List<String> problems;
            try {
                problems = ConvertCommand.looksLikeJson(bytes) ? validateFhir(bytes) : validateXml(file, bytes);
            } catch (IllegalStateException e) {
                err.println("ERROR " + e.getMessage());
                err.flush();
                return SamnavCli.EXIT_USAGE;
            }
            if (problems.isEmpty()) {
                out.println(file + ": OK");
            } else {
                invalid++;
                out.println(file + ": INVALID (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ")");
                problems.forEach(p -> out.println("  " + p));
            }
        }
        out.flush();
        return invalid == 0 ? 0 : SamnavCli.EXIT_INVALID;
    }

    private List<String> validateXml(Path file, byte[] bytes) {
        List<String> problems = new ArrayList<>();
        try {
            new Mappers().read(bytes);
        } catch (MappingException e) {
            problems.add(Problems.describe(file.toString(), e));
            return problems; // the schema would only repeat a parse failure in other words
        }
        for (String p : schemas().validate(bytes)) problems.add(file + ":" + p);
        return problems;
    }

    private List<String> validateFhir(byte[] bytes) {
        FhirContext context = FhirContext.forR4Cached();
        IBaseResource resource;
        try {
            resource = context.newJsonParser().parseResource(new String(bytes, StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            return List.of("not a FHIR JSON resource: " + e.getMessage());
        }
        return fhir(context).errors(resource);
    }

    private KithSchemas schemas() {
        if (schemas == null) {
            Path dir = xsdDir != null ? xsdDir : SharedStandards.xsdDir(SharedStandards.require());
            schemas = new KithSchemas(dir);
        }
        return schemas;
    }

    private FhirValidation fhir(FhirContext context) {
        if (fhir == null) {
            Path dir = profileDir != null ? profileDir
                    : SharedStandards.locate().map(SharedStandards::noBasisDir).filter(Files::isDirectory).orElse(null);
            fhir = dir == null ? new FhirValidation(context)
                    : new FhirValidation(context, SharedStandards.conformanceResources(context, dir));
        }
        return fhir;
    }
}
