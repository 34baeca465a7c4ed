package org.leakscan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.leakscan.report.ExitCode;
import org.leakscan.report.ReportJson;
import org.leakscan.report.ReportReadException;
import org.leakscan.report.diff.DiffWriter;
import org.leakscan.report.diff.ReportDiff;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakscan diff}: what changed between two JSON reports of an app. */
@Command(name = "diff",
        sortOptions = false,
        usageHelpAutoWidth = true,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = 2,
        exitCodeOnExecutionException = 70,
        description = {
            "Shows what changed between two JSON reports (leakscan scan -f json) of an app: data types read",
            "or sent, destinations, trackers, declared permissions, flows and endpoints, added (+) and removed (-).",
            ""},
        footer = {
            "",
            "Examples:",
            "  leakscan diff v1.json v2.json              changes as text",
            "  leakscan diff v1.json v2.json -f json      changes as JSON (leakscan-diff/1)"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:done (whether or not anything changed)",
            " 2:usage error",
            " 3:a report could not be read",
            "70:internal error (a bug: please report it)"})
public final class DiffCommand implements Callable<Integer> {

    /** Output formats of a diff. */
    enum Format { TEXT, JSON }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD.json", description = "The earlier report.")
    Path older;

    @Parameters(index = "1", paramLabel = "NEW.json", description = "The later report.")
    Path newer;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "text (default) or json.")
    Format format = Format.TEXT;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ReportDiff diff;
        try {
            diff = ReportDiff.of(older.toString(), ReportJson.read(older), newer.toString(), ReportJson.read(newer));
        } catch (ReportReadException e) {
            err.println("leakscan: " + e.getMessage());
            err.flush();
            return ExitCode.INPUT_ERROR.code();
        }
        try {
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                write(diff, out);
                out.flush();
            } else {
                try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    write(diff, w);
                }
            }
        } catch (IOException e) {
            err.println("leakscan: cannot write the diff: " + e.getMessage());
            err.flush();
            return ExitCode.USAGE.code();
        }
        return ExitCode.OK.code();
    }

    private void write(ReportDiff diff, Writer w) throws IOException {
        if (format == Format.JSON) {
            DiffWriter.json(diff, w);
        } else {
            DiffWriter.text(diff, w);
        }
    }
}
