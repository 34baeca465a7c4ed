package org.leakscan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.leakscan.analysis.AppAnalyzer;
import org.leakscan.analysis.HeapBudget;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.diagnostics.AnalysisError;
import org.leakscan.diagnostics.Messages;
import org.leakscan.report.ErrorEntry;
import org.leakscan.report.ExitCode;
import org.leakscan.report.Report;
import org.leakscan.report.ReportFormat;
import org.leakscan.report.review.Review;
import org.leakscan.report.summary.SummaryRow;

/**
 * Batch mode of {@code leakscan scan}: many apps, several at once, one report per app and one JSON
 * Lines summary. Each app is analysed and written on its own, then dropped, so memory holds only
 * the apps in flight; how many may be in flight is bounded by the thread count and by a memory
 * budget (three quarters of the heap, each app weighing {@link #weightMiB} of it). A failure costs
 * that app only. Reports and summary lines are in input order, whatever finished first.
 */
final class BatchScan {

    /** The least any app is assumed to need. */
    static final int MIN_WEIGHT_MIB = HeapBudget.MIN_WEIGHT_MIB;
    /** The summary's file name inside the output folder. */
    static final String SUMMARY = "summary.jsonl";

    private final AppAnalyzer analyzer;
    private final List<Path> apps;
    private final List<ReportFormat> formats;
    private final Path outputDir;
    private final int parallel;
    private final boolean verbose;
    private final java.util.function.Function<Report, Review> reviewer;

    /** What became of one app. */
    private record Outcome(String summaryLine, int exitCode) {
    }

    /**
     * @param outputDir where reports and the summary go; null to print only the summary on standard output
     * @param parallel  at most this many apps at once
     * @param reviewer  policy, baseline and gate applied to each app's report on its own
     */
    BatchScan(AppAnalyzer analyzer, List<Path> apps, List<ReportFormat> formats, Path outputDir, int parallel,
              boolean verbose, java.util.function.Function<Report, Review> reviewer) {
        this.reviewer = reviewer;
        this.analyzer = analyzer;
        this.apps = List.copyOf(apps);
        this.formats = List.copyOf(formats);
        this.outputDir = outputDir;
        this.parallel = Math.max(1, parallel);
        this.verbose = verbose;
    }

    /** Runs the batch; returns the exit code (0 all fine, 1 a policy violated, 3 some app had problems, 70 a bug hit one). */
    int run(PrintWriter out, BatchProgress progress) throws IOException {
        List<String> names = reportNames(apps);
        Writer summary = null;
        Path summaryTmp = null;
        if (outputDir != null) {
            Files.createDirectories(outputDir);
            summaryTmp = Files.createTempFile(outputDir, ".leakscan-", ".tmp");
            summary = Files.newBufferedWriter(summaryTmp, StandardCharsets.UTF_8);
        }
        int budget = (int) Math.max(MIN_WEIGHT_MIB, Runtime.getRuntime().maxMemory() / (1024 * 1024) * 3 / 4);
        Semaphore memory = new Semaphore(budget, true);
        ExecutorService drivers = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "leakscan-app");
            t.setDaemon(true);
            return t;
        });
        int exit = ExitCode.OK.code();
        try {
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < apps.size(); i++) {
                Path app = apps.get(i);
                String name = names.get(i);
                int weight = Math.min(budget, weightMiB(app));
                outcomes.add(drivers.submit(() -> {
                    memory.acquire(weight);
                    try {
                        return analyse(app, name, progress);
                    } finally {
                        memory.release(weight);
                    }
                }));
            }
            // Summary lines in input order: each waits for its app; later apps run meanwhile.
            for (Future<Outcome> f : outcomes) {
                Outcome o;
                try {
                    o = f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("batch driver failed", e.getCause());
                }
                if (summary != null) {
                    summary.write(o.summaryLine());
                    summary.write('\n');
                } else {
                    out.println(o.summaryLine());
                    out.flush();
                }
                exit = worse(exit, o.exitCode());
            }
            if (summary != null) {
                summary.close();
                summary = null;
                Files.move(summaryTmp, outputDir.resolve(SUMMARY), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            drivers.shutdownNow();
            progress.close();
            if (summary != null) {
                summary.close();
            }
            if (summaryTmp != null) {
                Files.deleteIfExists(summaryTmp);
            }
        }
        return exit;
    }

    private Outcome analyse(Path app, String name, BatchProgress progress) {
        long t0 = System.nanoTime();
        String display = app.toString();
        AppFindings findings = null;
        List<ErrorEntry> errors = new ArrayList<>();
        int exit;
        boolean internal = false;
        try {
            AppAnalyzer.Result result = analyzer.analyze(app);
            findings = result.findings();
            for (AnalysisError e : result.errors()) {
                errors.add(ErrorEntry.of(e));
                progress.println("leakscan: " + e.oneLine());
            }
            exit = errors.isEmpty() ? ExitCode.OK.code() : ExitCode.INPUT_ERROR.code();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // A bug or an app too big for the heap: this app fails, the batch goes on.
            internal = true;
            exit = ExitCode.INTERNAL_ERROR.code();
            String message = "internal error: " + Messages.describe(e);
            errors.add(new ErrorEntry(display, message, null, null, null, null, null));
            progress.println("leakscan: " + display + ": " + message);
            if (verbose) {
                java.io.StringWriter trace = new java.io.StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                progress.println(trace.toString());
            }
        }
        List<String> written = new ArrayList<>();
        Report report = new Report(Report.SCHEMA, new Report.Tool("leakscan", VersionProvider.version()),
                findings == null ? List.of() : List.of(findings), List.copyOf(errors));
        Review review = reviewer.apply(report);
        for (String violation : review.failures()) {
            progress.println("leakscan: " + display + ": violation: " + violation);
            exit = worse(exit, ExitCode.POLICY_VIOLATED.code());
        }
        if (outputDir != null) {
            for (ReportFormat f : formats) {
                String file = name + "." + f.extension();
                try {
                    ScanCommand.writeFile(report, f, review, outputDir.resolve(file));
                    written.add(file);
                } catch (IOException | RuntimeException e) {
                    String message = "cannot write " + file + ": " + Messages.oneLine(e);
                    errors.add(new ErrorEntry(display, message, null, null, null, null, null));
                    progress.println("leakscan: " + display + ": " + message);
                    exit = worse(exit, ExitCode.INPUT_ERROR.code());
                }
            }
        }
        String status = internal ? "failed" : findings == null ? "not read"
                : errors.isEmpty() ? "ok" : errors.size() + " problem(s)";
        double seconds = (System.nanoTime() - t0) / 1e9;
        progress.finished(display, status, errors.isEmpty(), seconds);
        List<org.leakscan.report.rules.Issue> issues = review.apps().isEmpty() ? List.of() : review.apps().get(0).issues();
        return new Outcome(SummaryRow.line(display, findings, errors, exit, issues, written, seconds), exit);
    }

    /** Report base names: the file name without its extension, made unique with -2, -3... in input order. */
    static List<String> reportNames(List<Path> apps) {
        Set<String> used = new HashSet<>();
        used.add(SUMMARY.substring(0, SUMMARY.indexOf('.')));
        List<String> out = new ArrayList<>();
        for (Path p : apps) {
            String file = p.getFileName() == null ? "app" : p.getFileName().toString();
            int dot = file.lastIndexOf('.');
            String base = dot > 0 ? file.substring(0, dot) : file;
            base = base.replaceAll("[^A-Za-z0-9._-]", "_");
            String name = base;
            for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "-" + n;
            }
            out.add(name);
        }
        return out;
    }

    /** The heap an app is assumed to need while it is analysed. */
    static int weightMiB(Path app) {
        long bytes;
        try {
            bytes = Files.size(app);
        } catch (IOException e) {
            bytes = 0;
        }
        return HeapBudget.weightMiB(bytes);
    }

    /** The more serious of two exit codes: internal error over input error over fine. */
    static int worse(int a, int b) {
        return ExitCode.worse(a, b);
    }
}
