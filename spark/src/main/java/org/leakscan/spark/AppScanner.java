package org.leakscan.spark;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.leakscan.analysis.AnalysisOptions;
import org.leakscan.analysis.AppAnalyzer;
import org.leakscan.analysis.HeapBudget;
import org.leakscan.analysis.InputRunner;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.catalog.CatalogException;
import org.leakscan.catalog.Catalogs;
import org.leakscan.cli.VersionProvider;
import org.leakscan.diagnostics.AnalysisError;
import org.leakscan.diagnostics.Messages;
import org.leakscan.input.PackageReader;
import org.leakscan.input.ZipLimits;
import org.leakscan.report.ErrorEntry;
import org.leakscan.report.ExitCode;
import org.leakscan.report.JsonReportWriter;
import org.leakscan.report.Report;
import org.leakscan.report.ReportJson;
import org.leakscan.report.policy.PolicyException;
import org.leakscan.report.review.Review;
import org.leakscan.report.rules.Issue;
import org.leakscan.report.rules.Severity;
import org.leakscan.report.summary.SummaryRow;

/**
 * One app, in a task: read it through Hadoop's {@code FileSystem}, skip it when its SHA-256 already
 * has a record, analyse it as {@code leakscan scan --batch} would (same analyzer, options, review
 * and summary row) under the per-app time limit, and write its record. Whatever the app does
 * (throws, runs out of time or memory) ends as a row with an error; only a failure of the output
 * storage itself fails the task, so that Spark retries it.
 */
final class AppScanner {

    /** What became of one input. */
    enum Outcome {
        /** Analysed; its row says ok (or errors, or policy-violated). */
        ANALYSED,
        /** Analysed, or tried: its row says failed (not an app, timed out, out of memory, a bug). */
        FAILED,
        /** Its SHA-256 had a record already (an earlier run, another attempt, or the same app under another path). */
        DONE_BEFORE,
        /** Could not be read from storage; recorded, and tried again by the next run. */
        UNREAD,
        /** The task was killed meanwhile (a speculative copy lost): nothing written. */
        INTERRUPTED
    }

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private AppScanner() {
    }

    /**
     * @param threads the analysis's worker threads: the task's cores ({@code spark.task.cpus})
     * @throws IOException when the output cannot be written (the task fails and Spark retries it)
     */
    static Outcome scan(InputPaths.Input input, ScanSettings s, Configuration conf, int threads) throws IOException {
        long t0 = System.nanoTime();
        ResultStore store = new ResultStore(s.output(), conf);
        String display = InputPaths.display(input.path());
        Path path = new Path(input.path());
        FileSystem fs = path.getFileSystem(conf);
        ZipLimits limits = ZipLimits.DEFAULT;
        FileStatus status;
        try {
            status = fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            return unread(store, input, display, "no such file", t0);
        } catch (IOException e) {
            return unread(store, input, display, "cannot read (" + Messages.oneLine(e) + ")", t0);
        }
        if (status.isDirectory()) {
            return unread(store, input, display, "a folder: give it as an input of its own, or list its apps", t0);
        }
        if (status.getLen() > limits.maxInputBytes()) {
            return unread(store, input, display,
                    "file is " + status.getLen() + " bytes, over the limit of " + limits.maxInputBytes(), t0);
        }
        HeapBudget heap = ExecutorState.heap();
        int weight;
        try {
            weight = heap.acquire(status.getLen());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.INTERRUPTED;
        }
        try {
            byte[] bytes;
            try {
                bytes = ResultStore.readAll(fs, path, status.getLen());
            } catch (IOException e) {
                return unread(store, input, display, "cannot read (" + Messages.oneLine(e) + ")", t0);
            }
            String sha256 = ResultStore.sha256(bytes);
            Path record = store.record(sha256);
            if (store.exists(record) && !(s.redoFailed() && failed(store.read(record)))) {
                store.delete(store.unreadRecord(input.path()));
                return Outcome.DONE_BEFORE;
            }
            return analyse(bytes, sha256, input, display, s, store, threads, t0);
        } finally {
            heap.release(weight);
        }
    }

    private static Outcome analyse(byte[] bytes, String sha256, InputPaths.Input input, String display,
                                   ScanSettings s, ResultStore store, int threads, long t0) throws IOException {
        Catalogs catalogs;
        org.leakscan.report.policy.Policy policy;
        try {
            catalogs = ExecutorState.catalogs(s);
            policy = ExecutorState.policy(s);
        } catch (CatalogException | PolicyException e) {
            // Checked on the driver before the job started: this is the executor's problem, not the app's.
            throw new IOException("cannot set up the analysis: " + e.getMessage(), e);
        }
        AnalysisOptions options = new AnalysisOptions(s.flows(), Duration.ofMillis(s.flowTimeLimitMillis()));
        PackageReader reader = new PackageReader(ZipLimits.DEFAULT);
        InputRunner runner = new InputRunner(threads, Duration.ofMillis(s.timeoutMillis()),
                pool -> new AppAnalyzer(catalogs, pool, reader, options));
        AppFindings findings = null;
        List<ErrorEntry> errors = new ArrayList<>();
        boolean internal = false;
        try {
            AppAnalyzer.Result result = runner.run(display, analyzer -> analyzer.analyze(bytes, display));
            findings = result.findings();
            for (AnalysisError e : result.errors()) {
                errors.add(ErrorEntry.of(e));
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // A bug or an app too big for the heap: this app fails, the task goes on.
            internal = true;
            errors.add(new ErrorEntry(display, "internal error: " + Messages.describe(e), null, null, null, null,
                    null));
        }
        if (killed()) {
            return Outcome.INTERRUPTED;
        }
        int exit = internal ? ExitCode.INTERNAL_ERROR.code()
                : errors.isEmpty() ? ExitCode.OK.code() : ExitCode.INPUT_ERROR.code();
        Report report = new Report(Report.SCHEMA, new Report.Tool("leakscan", VersionProvider.version()),
                findings == null ? List.of() : List.of(findings), List.copyOf(errors));
        Review review = Review.of(ReportJson.toTree(report), policy, null,
                s.failOn() == null ? null : Severity.fromId(s.failOn()));
        if (!review.failures().isEmpty()) {
            exit = ExitCode.worse(exit, ExitCode.POLICY_VIOLATED.code());
        }
        List<String> reports = new ArrayList<>();
        if (s.reports()) {
            store.write(new Path(store.root(), ResultStore.reportName(sha256)), JsonReportWriter.toJson(report), true);
            reports.add(ResultStore.reportName(sha256));
        }
        List<Issue> issues = review.apps().isEmpty() ? List.of() : review.apps().get(0).issues();
        double seconds = (System.nanoTime() - t0) / 1e9;
        JsonObject row = SummaryRow.of(display, findings, errors, exit, issues, reports, seconds);
        JsonArray flows = new JsonArray();
        FlowGroups.rows(display, sha256, findings).forEach(flows::add);
        Path target = store.record(sha256);
        // The first good record of an app stays: a failed one is replaced only with --redo-failed.
        boolean replace = s.redoFailed() && (!store.exists(target) || failed(store.read(target)));
        boolean written = store.write(target, record(input.path(), sha256, false, row, flows), replace);
        store.delete(store.unreadRecord(input.path()));
        if (!written) {
            return Outcome.DONE_BEFORE; // another attempt, or the same app under another path, finished first
        }
        return findings == null || internal ? Outcome.FAILED : Outcome.ANALYSED;
    }

    /** Records an input that could not be read: a failed row, to be tried again by the next run. */
    private static Outcome unread(ResultStore store, InputPaths.Input input, String display, String message, long t0)
            throws IOException {
        List<ErrorEntry> errors = List.of(new ErrorEntry(display, message, "input", null, null, null, null));
        JsonObject row = SummaryRow.of(display, null, errors, ExitCode.INPUT_ERROR.code(), List.of(), List.of(),
                (System.nanoTime() - t0) / 1e9);
        store.write(store.unreadRecord(input.path()), record(input.path(), null, true, row, new JsonArray()), true);
        return Outcome.UNREAD;
    }

    /**
     * A record: the input's qualified path, its SHA-256, whether the next run should try it again,
     * the apps table's row ({@link SummaryRow}) and the flows table's rows.
     */
    static String record(String path, String sha256, boolean retry, JsonObject app, JsonArray flows) {
        JsonObject o = new JsonObject();
        o.addProperty("path", path);
        o.addProperty("sha256", sha256);
        o.addProperty("retry", retry);
        o.add("app", app);
        o.add("flows", flows);
        return GSON.toJson(o) + "\n";
    }

    private static boolean failed(String record) {
        JsonObject app = JsonParser.parseString(record).getAsJsonObject().getAsJsonObject("app");
        return app != null && "failed".equals(app.get("status").getAsString());
    }

    /** True when Spark has killed this task (a speculative copy that lost, a cancelled job). */
    private static boolean killed() {
        TaskContext task = TaskContext.get();
        return Thread.currentThread().isInterrupted() || (task != null && task.isInterrupted());
    }
}
