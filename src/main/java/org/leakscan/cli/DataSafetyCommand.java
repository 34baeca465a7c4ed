package org.leakscan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.leakscan.analysis.AnalysisOptions;
import org.leakscan.analysis.AppAnalyzer;
import org.leakscan.analysis.InputRunner;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.catalog.CatalogException;
import org.leakscan.catalog.Catalogs;
import org.leakscan.diagnostics.AnalysisError;
import org.leakscan.input.PackageReader;
import org.leakscan.report.ExitCode;
import org.leakscan.report.Report;
import org.leakscan.report.ReportJson;
import org.leakscan.report.ReportReadException;
import org.leakscan.report.datasafety.DataSafetyDraft;
import org.leakscan.report.policy.Policy;
import org.leakscan.report.policy.PolicyException;
import org.leakscan.report.policy.PolicyReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakscan data-safety}: drafts an app's Google Play Data safety declaration from its code. */
@Command(name = "data-safety",
        sortOptions = false,
        usageHelpAutoWidth = true,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = 2,
        exitCodeOnExecutionException = 70,
        description = {
            "Drafts the app's Google Play Data safety declaration from what its code shows, as a CSV that Play",
            "Console imports (App content > Data safety > Import from CSV), with a companion text naming the",
            "evidence for each answer. It answers which data types are collected and shared and whether data",
            "travels encrypted; purposes, optional/required, accounts and deletion are left for you.",
            "APP is anything 'leakscan scan' reads, or a JSON report it wrote.",
            ""},
        footer = {
            "",
            "Examples:",
            "  leakscan data-safety app.apk -o data-safety.csv",
            "                    the CSV, and data-safety-evidence.md beside it",
            "  leakscan data-safety report.json -o data-safety.csv --policy policy.json",
            "                    from an earlier report; the policy's firstParty says which hosts are yours",
            "  leakscan scan app.apk --data-safety data-safety.csv",
            "                    check a declaration (the draft, once completed, gives no undeclared findings)"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:drafted",
            " 2:usage error",
            " 3:the app, or part of it, could not be read (the draft was written from the rest)",
            "70:internal error (a bug: please report it)"})
public final class DataSafetyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "APP", description = "The app (APK, XAPK, APKS, AAB, …) or a leakscan JSON report of it.")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.csv",
            description = "Write the CSV here (and the evidence beside it) instead of standard output.")
    Path output;

    @Option(names = "--evidence", paramLabel = "FILE.md",
            description = "Write the companion evidence text here. Default with --output: <output name>-evidence.md beside it.")
    Path evidence;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "A policy file whose firstParty (domains, entities) says which receivers are the app maker's own.")
    Path policyFile;

    @Option(names = "--signatures", paramLabel = "DIR", description = "Read catalogue files from DIR in place of the built-in ones.")
    Path signatures;

    @Option(names = {"-j", "--threads"}, paramLabel = "N", description = "Worker threads. Default: the number of processors.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--flow-time-limit", paramLabel = "SECONDS",
            description = "How long the data-flow analysis may run; 0: none. Default: ${DEFAULT-VALUE}.")
    double flowTimeLimitSeconds = AnalysisOptions.DEFAULT_FLOW_TIME_LIMIT.toSeconds();

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Time limit for the analysis; over it the app gets an error and nothing is drafted. 0: none. Default: ${DEFAULT-VALUE}.")
    double timeoutSeconds = 1800;

    @Option(names = {"-q", "--quiet"}, description = "No summary on standard error; errors only.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of internal errors.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1 || !(flowTimeLimitSeconds >= 0) || !(timeoutSeconds >= 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--threads must be at least 1, --flow-time-limit and --timeout 0 (none) or more");
        }
        Policy.FirstParty firstParty = Policy.FirstParty.NONE;
        Catalogs catalogs;
        try {
            if (policyFile != null) {
                firstParty = PolicyReader.read(policyFile).firstParty();
            }
            catalogs = signatures == null ? Catalogs.builtIn() : Catalogs.load(signatures);
        } catch (PolicyException e) {
            err.println("leakscan: --policy " + e.getMessage());
            return ExitCode.USAGE.code();
        } catch (CatalogException e) {
            err.println("leakscan: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        int exit = ExitCode.OK.code();
        AppFindings app;
        int errors;
        String version = VersionProvider.version();
        if (input.getFileName() != null && input.getFileName().toString().endsWith(".json")) {
            Report report;
            try {
                report = ReportJson.read(input);
            } catch (ReportReadException e) {
                err.println("leakscan: " + e.getMessage());
                return ExitCode.INPUT_ERROR.code();
            }
            if (report.apps().size() != 1) {
                err.println("leakscan: " + input + ": a declaration is one app's, and the report has " + report.apps().size());
                return ExitCode.USAGE.code();
            }
            app = report.apps().get(0);
            errors = report.errors().size();
            version = report.tool() == null ? version : report.tool().version();
        } else {
            AnalysisOptions options = new AnalysisOptions(true, Duration.ofMillis(Math.round(flowTimeLimitSeconds * 1000)));
            PackageReader reader = new PackageReader();
            InputRunner runner = new InputRunner(threads, Duration.ofMillis(Math.round(timeoutSeconds * 1000)),
                    pool -> new AppAnalyzer(() -> catalogs, pool, reader, options));
            AppAnalyzer.Result result = runner.run(input);
            for (AnalysisError e : result.errors()) {
                err.println("leakscan: " + e.oneLine());
                exit = ExitCode.INPUT_ERROR.code();
            }
            if (result.findings() == null) {
                return ExitCode.INPUT_ERROR.code();
            }
            app = result.findings();
            errors = result.errors().size();
        }
        DataSafetyDraft.Draft draft = new DataSafetyDraft(catalogs.dataTypes(), firstParty).draft(app, version, errors);
        Path evidenceFile = evidence != null ? evidence : output == null ? null : evidenceBeside(output);
        try {
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                out.print(draft.csv());
                out.flush();
            } else {
                write(output, draft.csv());
            }
            if (evidenceFile != null) {
                write(evidenceFile, draft.evidence());
            }
        } catch (IOException e) {
            err.println("leakscan: cannot write the draft: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        if (!quiet) {
            err.printf("leakscan: drafted %d data type%s (%s)%s%n", draft.answers().size(),
                    draft.answers().size() == 1 ? "" : "s", draft.answers().entrySet().stream()
                            .map(a -> a.getKey().label() + (a.getValue().shared() ? ": collected, shared" : ": collected"))
                            .reduce((x, y) -> x + "; " + y).orElse("none found"),
                    output == null ? "" : " into " + output + (evidenceFile == null ? "" : " and " + evidenceFile));
        }
        err.flush();
        return exit;
    }

    /** {@code out/data-safety.csv} → {@code out/data-safety-evidence.md}. */
    static Path evidenceBeside(Path csv) {
        String name = csv.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return csv.resolveSibling(base + "-evidence.md");
    }

    private static void write(Path target, String text) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(target, text, StandardCharsets.UTF_8);
    }
}
