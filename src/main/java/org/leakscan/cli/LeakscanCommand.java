package org.leakscan.cli;

import java.io.PrintWriter;
import org.leakscan.report.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code leakscan} command; its subcommands do the work. */
@Command(name = "leakscan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Audits Android apps for personal-data exposure, statically and offline:",
            "which personal data the app's code can read, which permissions it asks for and uses,",
            "which components other apps can reach, and which network endpoints it names."
        },
        subcommands = {ScanCommand.class, DiffCommand.class, DataSafetyCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeOnInvalidInput = 2,
        exitCodeOnExecutionException = 70,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:done, within policy",
            " 1:policy violated (reports were written)",
            " 2:usage error",
            " 3:an input, or part of one, could not be read (reports were written for the rest)",
            "70:internal error (a bug: please report it)"})
public final class LeakscanCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed, e.g. 'leakscan scan app.apk'");
    }

    /** A command line set up with leakscan's exit codes and error handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LeakscanCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            boolean verbose = parseResult.hasMatchedOption("--verbose");
            err.println("leakscan: internal error: " + ex);
            if (verbose) {
                ex.printStackTrace(err);
            } else {
                err.println("leakscan: run again with --verbose for the stack trace, and please report it");
            }
            err.flush();
            return ExitCode.INTERNAL_ERROR.code();
        });
        return cl;
    }
}
