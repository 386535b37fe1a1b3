package no.samnav.conformance.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The Samnav conformance kit on the command line, for EHR vendors and operators: convert messages
 * between KITH standards, versions and FHIR, and validate them against the official schemas.
 */
@Command(name = "samnav-conformance", mixinStandardHelpOptions = true, version = "samnav-conformance 0.1.0",
        description = "Convert and validate Norwegian e-health messages (KITH XML) and FHIR R4 Bundles.",
        subcommands = {ConvertCommand.class, ValidateCommand.class, CommandLine.HelpCommand.class})
public final class SamnavCli {

    /** Exit code of a run whose input was invalid or could not be converted. */
    public static final int EXIT_INVALID = 1;
    /** Exit code of a run called with wrong arguments, or that could not read its files. */
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI with the process's standard streams; returns the exit code. */
    public static int run(String... args) {
        // picocli answers invalid arguments with exit code 2, which is EXIT_USAGE
        return new CommandLine(new SamnavCli()).execute(args);
    }

    /** Runs the CLI writing to the given streams (for embedding and tests); returns the exit code. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return new CommandLine(new SamnavCli()).setOut(out).setErr(err).execute(args);
    }
}
