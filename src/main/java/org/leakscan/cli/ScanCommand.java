package org.leakscan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.leakscan.analysis.AnalysisOptions;
import org.leakscan.analysis.AppAnalyzer;
import org.leakscan.analysis.InputRunner;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.catalog.CatalogException;
import org.leakscan.catalog.Catalogs;
import org.leakscan.catalog.SourceSinkList;
import org.leakscan.diagnostics.AnalysisError;
import org.leakscan.input.AppFolders;
import org.leakscan.input.InputException;
import org.leakscan.input.PackageReader;
import org.leakscan.input.ZipLimits;
import org.leakscan.report.ErrorEntry;
import org.leakscan.report.ExitCode;
import org.leakscan.report.Report;
import org.leakscan.report.ReportFormat;
import org.leakscan.report.ReportReadException;
import org.leakscan.report.ReportWriter;
import org.leakscan.report.policy.Policy;
import org.leakscan.report.policy.PolicyException;
import org.leakscan.report.policy.PolicyReader;
import org.leakscan.report.review.Baseline;
import org.leakscan.report.review.Review;
import org.leakscan.report.rules.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakscan scan}: analyse apps and write reports. */
@Command(name = "scan",
        sortOptions = false,
        usageHelpAutoWidth = true,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = 2,
        exitCodeOnExecutionException = 70,
        description = {
            "Scans Android apps and libraries and reports what personal data their code can read.",
            "",
            "Inputs: APK (multidex too), AAR, JAR, a raw .dex or .class file, or a folder of .class/.dex",
            "files, XAPK, APKS, AAB. Several inputs give one report with one entry per app; the APKs after",
            "--split are one app (a base APK and its splits). Nothing is sent anywhere: leakscan works offline.",
            "",
            "Batch mode (a folder holding apps, or --batch): apps are analysed several at once, each gets",
            "its own report in --output DIR (DIR/<app>.<ext>) and a line in DIR/summary.jsonl; without",
            "--output only the summary lines are printed.",
            ""},
        footer = {
            "",
            "Examples:",
            "  leakscan scan app.apk                          summary on the terminal",
            "  leakscan scan app.apk --format json > r.json   the full report as JSON",
            "  leakscan scan app.apk -f html -o report.html   a page to read offline or print",
            "  leakscan scan --split base.apk split_config.arm64_v8a.apk",
            "                                                 a base APK and its splits as one app",
            "  leakscan scan a.apk b.aar -f json -f text -o reports/",
            "                                                 both formats into reports/report.{json,txt}",
            "  leakscan scan apps/ -f json -o out/            batch: out/<app>.json per app, out/summary.jsonl",
            "  leakscan scan app.apk -f sarif -o app.sarif --policy policy.json --baseline last.json",
            "                                                 SARIF of new findings; exit 1 on a policy violation",
            "  leakscan scan app.apk --data-safety data-safety.csv",
            "                                                 the app's Play Data safety declaration against its code"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:done, within policy",
            " 1:policy violated, or the Data safety declaration leaves out what the code collects or shares (reports were written)",
            " 2:usage error",
            " 3:an input, or part of one, could not be read (reports were written for the rest)",
            "70:internal error (a bug: please report it)"})
public final class ScanCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "INPUT",
            description = "APK, XAPK, APKS, AAB, AAR, JAR, DEX or class files, folders of class/dex files (one app), or folders holding apps (batch).")
    List<Path> inputs = new ArrayList<>();

    /** One {@code --split} group: APK files that form one app. */
    static final class SplitGroup {
        @Option(names = "--split", arity = "1..*", paramLabel = "APK", required = true,
                description = "The APK files after it (up to the next option) are one app: a base APK and its splits. Repeatable.")
        List<Path> apks = new ArrayList<>();
    }

    @CommandLine.ArgGroup(exclusive = false, multiplicity = "0..*")
    List<SplitGroup> splits = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Report format: text, json, html (one self-contained page) or sarif (SARIF 2.1.0). Repeat for several (then --output must be a folder). Default: text.")
    List<ReportFormat> formats = new ArrayList<>();

    @Option(names = {"-o", "--output", "--output-dir"}, paramLabel = "FILE|DIR",
            description = "Write the report here instead of standard output. A folder (existing, or needed for several formats) gets report.<ext> per format.")
    Path output;

    @Option(names = "--signatures", paramLabel = "DIR",
            description = "Read catalogue files (sources.json, permissions.json, ...) from DIR in place of the built-in ones; files DIR lacks stay built-in.")
    Path signatures;

    @Option(names = "--sources-sinks", paramLabel = "FILE",
            description = "Take sources and sinks from FILE, a FlowDroid SourcesAndSinks.txt list (<pkg.Cls: ret name(args)> -> _SOURCE_ or _SINK_), in place of sources.json and sinks.json; the other catalogues stay.")
    Path sourcesSinks;

    @Option(names = {"-j", "--threads"}, paramLabel = "N",
            description = "Worker threads. Default: the number of processors (${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--no-flows", description = "Inventory only: skip the data-flow analysis (faster).")
    boolean noFlows;

    @Option(names = "--batch",
            description = "One report per app (in --output DIR) plus a JSON Lines summary, apps analysed in parallel. On by itself when an input is a folder holding apps.")
    boolean batch;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Judge the findings against this policy (leakscan-policy/1 JSON); a violation exits with 1 after every report is written.")
    Path policyFile;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit with 1 when a policy violation (or, without --policy, a finding of a built-in rule) has this severity or higher: info, low, medium, high, critical. Default: info with --policy, off without.")
    String failOn;

    @Option(names = "--data-safety", paramLabel = "FILE.csv",
            description = "The app's Google Play Data safety declaration (the CSV Play Console exports), checked against what the code shows; undeclared collection or sharing exits with 1 (--fail-on tunes it).")
    Path dataSafetyFile;

    @Option(names = "--baseline", paramLabel = "REPORT.json",
            description = "An earlier JSON report: findings already in it are not reported in SARIF nor gated.")
    Path baselineFile;

    @Option(names = "--max-entry-size", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Largest inflated size of one archive entry (e.g. 512M, 1G). Default: 1G.")
    Long maxEntrySize;

    @Option(names = "--max-total", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Largest inflated size of all entries read from one archive. Default: 4G.")
    Long maxTotal;

    @Option(names = "--max-ratio", paramLabel = "N",
            description = "Largest inflated/compressed ratio of an entry above 25M. Default: 100.")
    Integer maxRatio;

    @Option(names = "--max-entries", paramLabel = "N",
            description = "Most entries in one archive. Default: 100000.")
    Integer maxEntries;

    @Option(names = "--flow-time-limit", paramLabel = "SECONDS",
            description = "How long the data-flow analysis may run per app; then the flows found so far are reported and 'unanalysed' says it stopped. 0: none. Default: ${DEFAULT-VALUE}.")
    double flowTimeLimitSeconds = AnalysisOptions.DEFAULT_FLOW_TIME_LIMIT.toSeconds();

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Time limit per input; an input over it gets an error and the others go on. 0: none. Default: ${DEFAULT-VALUE}.")
    double timeoutSeconds = 1800;

    @Option(names = {"-q", "--quiet"}, description = "No progress or summary on standard error; errors only.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of internal errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        List<ReportFormat> chosen = formats.isEmpty() ? List.of(ReportFormat.TEXT)
                : List.copyOf(new LinkedHashSet<>(formats));
        if (inputs.isEmpty() && splits.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'INPUT'");
        }
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        List<Path> batchApps;
        try {
            batchApps = batchInputs();
        } catch (InputException e) {
            err.println("leakscan: " + e.getMessage());
            return ExitCode.INPUT_ERROR.code();
        }
        if (batchApps == null && chosen.size() > 1 && output == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "several formats need --output DIR (one file per format)");
        }
        Severity threshold = null;
        if (failOn != null) {
            try {
                threshold = Severity.fromId(failOn);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--fail-on: " + e.getMessage());
            }
        }
        Policy policy;
        Baseline baseline;
        try {
            policy = policyFile == null ? null : PolicyReader.read(policyFile);
            baseline = baselineFile == null ? null : Baseline.read(baselineFile);
        } catch (PolicyException | ReportReadException e) {
            err.println("leakscan: " + (e instanceof PolicyException ? "--policy " : "--baseline ") + e.getMessage());
            return ExitCode.USAGE.code();
        }
        org.leakscan.report.datasafety.Declaration declaration;
        try {
            declaration = DeclarationOption.read(dataSafetyFile, policy, batchApps != null, inputs.size() + splits.size());
        } catch (org.leakscan.report.datasafety.DataSafetyCsvException e) {
            err.println("leakscan: --data-safety " + e.getMessage());
            return ExitCode.USAGE.code();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        java.util.function.Supplier<Catalogs> catalogs;
        try {
            catalogs = signatures == null && sourcesSinks == null ? builtInCatalogsInBackground()
                    : constant(withList(signatures == null ? Catalogs.builtIn() : Catalogs.load(signatures), sourcesSinks));
        } catch (CatalogException e) {
            err.println("leakscan: " + e.getMessage());
            return ExitCode.USAGE.code();
        }

        ZipLimits limits;
        try {
            limits = ZipLimits.DEFAULT.with(maxEntries, maxEntrySize, maxTotal, maxRatio);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--max-entries, --max-entry-size, --max-total and --max-ratio must be at least 1");
        }
        if (timeoutSeconds < 0 || Double.isNaN(timeoutSeconds)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be 0 (none) or more");
        }
        PackageReader reader = new PackageReader(limits);
        if (flowTimeLimitSeconds < 0 || Double.isNaN(flowTimeLimitSeconds)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--flow-time-limit must be 0 (none) or more");
        }
        AnalysisOptions options = new AnalysisOptions(!noFlows,
                Duration.ofMillis(Math.round(flowTimeLimitSeconds * 1000)));
        InputRunner runner = new InputRunner(threads, Duration.ofMillis(Math.round(timeoutSeconds * 1000)),
                pool -> new AppAnalyzer(catalogs, pool, reader, options));
        if (batchApps != null) {
            Severity gate = threshold;
            return runBatch(catalogs, batchApps, chosen, err, reader, options,
                    report -> Review.of(report, policy, baseline, gate));
        }

        long start = System.nanoTime();
        List<AppFindings> apps = new ArrayList<>();
        List<ErrorEntry> errors = new ArrayList<>();
        {
            // Plain inputs first, then each --split group: one app per entry.
            List<List<Path>> groups = new ArrayList<>();
            for (Path input : inputs) {
                groups.add(List.of(input));
            }
            for (SplitGroup g : splits) {
                groups.add(g.apks);
            }
            int n = 0;
            for (List<Path> group : groups) {
                n++;
                long t0 = System.nanoTime();
                boolean split = n > inputs.size();
                String input = split ? "--split " + group : group.get(0).toString();
                AppAnalyzer.Result result = split
                        ? runner.run(input, analyzer -> analyzer.analyzeSplit(group))
                        : runner.run(group.get(0));
                if (result.findings() != null) {
                    apps.add(result.findings());
                }
                for (AnalysisError e : result.errors()) {
                    errors.add(ErrorEntry.of(e));
                    err.println("leakscan: " + e.oneLine());
                }
                if (!quiet && groups.size() > 1) {
                    err.printf("[%d/%d] %s: %s (%.2f s)%n", n, groups.size(), input,
                            result.findings() == null ? "not read" : result.errors().isEmpty() ? "ok"
                                    : result.errors().size() + " problem(s)", (System.nanoTime() - t0) / 1e9);
                }
                err.flush();
            }
        }

        Report report = new Report(Report.SCHEMA, new Report.Tool("leakscan", VersionProvider.version()), apps, errors);
        if (declaration != null) {
            report = DeclarationOption.apply(report, declaration, policy, catalogs.get(), err, quiet);
        }
        Review review = Review.of(report, policy, baseline, threshold);
        try {
            write(report, chosen, review);
        } catch (IOException e) {
            err.println("leakscan: cannot write the report: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        if (!quiet) {
            int count = inputs.size() + splits.size();
            err.printf("leakscan: %d input%s, %d app%s reported, %d error%s, %.2f s%n", count,
                    count == 1 ? "" : "s", apps.size(), apps.size() == 1 ? "" : "s", errors.size(),
                    errors.size() == 1 ? "" : "s", (System.nanoTime() - start) / 1e9);
        }
        List<String> failures = review.failures();
        if (baseline != null && !quiet) {
            err.printf("leakscan: baseline %s: %d finding%s already there, %d new%n", baselineFile, review.suppressed(),
                    review.suppressed() == 1 ? "" : "s", review.newFindings());
        }
        for (String f : failures) {
            err.println("leakscan: violation: " + f);
        }
        err.flush();
        if (!failures.isEmpty()) {
            return ExitCode.POLICY_VIOLATED.code();
        }
        return (errors.isEmpty() ? ExitCode.OK : ExitCode.INPUT_ERROR).code();
    }

    /**
     * The apps of a batch, or null for a single report: batch mode is on with {@code --batch} or
     * when an input is a folder holding apps (see {@link AppFolders}); such folders give their app
     * files, other inputs stay as they are.
     */
    private List<Path> batchInputs() throws InputException {
        boolean folderOfApps = false;
        for (Path p : inputs) {
            folderOfApps |= AppFolders.holdsApps(p);
        }
        if (!batch && !folderOfApps) {
            return null;
        }
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (AppFolders.holdsApps(p)) {
                out.addAll(AppFolders.apps(p));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Starts parsing the built-in catalogues on a thread of their own and returns their future. They
     * take most of a second to parse and nothing needs them until an app's code is loaded, so the
     * work overlaps reading the first input. Files given with {@code --signatures} are read
     * up front instead, so a mistake in them stops the scan before it starts.
     */
    private static java.util.function.Supplier<Catalogs> builtInCatalogsInBackground() {
        // The built-in set is part of the jar: broken means a build error, reported as one.
        return org.leakscan.diagnostics.Background.start("leakscan-catalogues", Catalogs::builtIn);
    }

    /** {@code catalogs} with the sources and sinks of {@code --sources-sinks} when given. */
    private static Catalogs withList(Catalogs catalogs, Path sourcesSinks) {
        return sourcesSinks == null ? catalogs : SourceSinkList.apply(sourcesSinks, catalogs);
    }

    private static java.util.function.Supplier<Catalogs> constant(Catalogs catalogs) {
        return () -> catalogs;
    }

    private int runBatch(java.util.function.Supplier<Catalogs> catalogs, List<Path> apps, List<ReportFormat> chosen,
                         PrintWriter err, PackageReader reader, AnalysisOptions options,
                         java.util.function.Function<Report, Review> reviewer) throws IOException {
        if (output != null && Files.exists(output) && !Files.isDirectory(output)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "batch mode writes one report per app: --output must be a folder, and " + output + " is a file");
        }
        long start = System.nanoTime();
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "leakscan-worker");
            t.setDaemon(true);
            return t;
        });
        int exit;
        BatchProgress progress = new BatchProgress(err, apps.size(), System.console() != null, quiet);
        try {
            AppAnalyzer analyzer = new AppAnalyzer(catalogs, executor, reader, options);
            exit = new BatchScan(analyzer, apps, chosen, output, threads, verbose, reviewer)
                    .run(spec.commandLine().getOut(), progress);
        } finally {
            executor.shutdownNow();
        }
        if (!quiet) {
            err.printf("leakscan: batch of %d app%s, %.2f s%s%n", apps.size(), apps.size() == 1 ? "" : "s",
                    (System.nanoTime() - start) / 1e9, output == null ? "" : "; reports and " + BatchScan.SUMMARY
                            + " in " + output);
        }
        err.flush();
        return exit;
    }

    private void write(Report report, List<ReportFormat> chosen, Review review) throws IOException {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            ReportWriter.of(chosen.get(0), review).write(report, out);
            out.flush();
            return;
        }
        boolean toFolder = chosen.size() > 1 || Files.isDirectory(output);
        if (toFolder) {
            Files.createDirectories(output);
            for (ReportFormat f : chosen) {
                writeFile(report, f, review, output.resolve("report." + f.extension()));
            }
        } else {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            writeFile(report, chosen.get(0), review, output);
        }
    }

    /** Writes beside the target and moves it into place, so a failed run never leaves half a report. */
    static void writeFile(Report report, ReportFormat format, Review review, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        // Not Files.createTempFile: its file is private (0600), and a report is for reading.
        // CREATE_NEW gets the umask's usual permissions and still refuses to follow a planted name.
        Path tmp = dir.resolve(".leakscan-" + Long.toUnsignedString(new java.security.SecureRandom().nextLong(), 36) + ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE)) {
                ReportWriter.of(format, review).write(report, w);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

}
