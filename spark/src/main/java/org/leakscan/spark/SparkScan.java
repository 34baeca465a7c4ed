package org.leakscan.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.leakscan.analysis.AnalysisOptions;
import org.leakscan.catalog.CatalogException;
import org.leakscan.cli.VersionProvider;
import org.leakscan.report.ExitCode;
import org.leakscan.report.policy.PolicyException;
import org.leakscan.report.policy.PolicyReader;
import org.leakscan.report.rules.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The Spark job's entry point: {@code spark-submit --class org.leakscan.spark.SparkScan leakscan-spark.jar …}. */
@Command(name = "leakscan-spark",
        sortOptions = false,
        usageHelpAutoWidth = true,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = 2,
        exitCodeOnExecutionException = 70,
        description = {
            "Analyses apps on Apache Spark, as leakscan scan --batch does on one machine, into tables:",
            "OUT/apps.parquet and OUT/apps.jsonl/ (one row per app, the columns of summary.jsonl),",
            "OUT/flows.parquet and OUT/flows.jsonl/ (one row per flow group). Inputs and OUT are Hadoop",
            "paths (file:, hdfs:, s3a: ...). A run skips the apps OUT already holds, so a killed run",
            "is finished by running it again.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:done (each app's outcome is in its row)",
            " 2:usage error (bad option, unreadable --signatures or --policy)",
            " 3:an input matches nothing",
            "70:internal error"})
public final class SparkScan implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "A folder (its apps at any depth), a glob, a text file listing app paths (.txt, .lst, .list), or an app.")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "The output folder: tables, records (_results/) and reports.")
    String output;

    @Option(names = "--no-flows", description = "Inventory only: skip the data-flow analysis.")
    boolean noFlows;

    @Option(names = "--flow-time-limit", paramLabel = "SECONDS",
            description = "How long the data-flow analysis may run per app. 0: none. Default: ${DEFAULT-VALUE}.")
    double flowTimeLimitSeconds = AnalysisOptions.DEFAULT_FLOW_TIME_LIMIT.toSeconds();

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Time limit per app; an app over it gets a failed row. 0: none. Default: ${DEFAULT-VALUE}.")
    double timeoutSeconds = 1800;

    @Option(names = "--signatures", paramLabel = "DIR",
            description = "Catalogue files (sources.json, ...) in place of the built-in ones; any Hadoop path.")
    String signatures;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Judge each app against this policy (leakscan-policy/1); a violation makes its status policy-violated.")
    String policy;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "With or without --policy, as in leakscan scan: info, low, medium, high, critical.")
    String failOn;

    @Option(names = "--reports", description = "Also write each app's full JSON report (OUT/reports/).")
    boolean reports;

    @Option(names = "--redo-failed", description = "Analyse again the apps whose row says failed (after raising --timeout, say).")
    boolean redoFailed;

    @Option(names = "--apps-per-task", paramLabel = "N",
            description = "Apps per Spark task. Default: 1 up to 10,000 apps, then as many as make 10,000 tasks.")
    int appsPerTask;

    /** The session to run in, or null to make one (and stop it afterwards). */
    private final SparkSession session;

    public SparkScan() {
        this(null);
    }

    SparkScan(SparkSession session) {
        this.session = session;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkScan()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (flowTimeLimitSeconds < 0 || Double.isNaN(flowTimeLimitSeconds) || timeoutSeconds < 0
                || Double.isNaN(timeoutSeconds) || appsPerTask < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--flow-time-limit, --timeout and --apps-per-task must be 0 or more");
        }
        if (failOn != null) {
            try {
                Severity.fromId(failOn);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--fail-on: " + e.getMessage());
            }
        }
        SparkSession spark = session != null ? session : SparkSession.builder().config(defaultMaster()).getOrCreate();
        try {
            Configuration conf = spark.sparkContext().hadoopConfiguration();
            ScanSettings settings;
            try {
                settings = settings(conf);
            } catch (CatalogException e) {
                err.println("leakscan-spark: " + e.getMessage());
                return ExitCode.USAGE.code();
            } catch (PolicyException e) {
                err.println("leakscan-spark: --policy " + e.getMessage());
                return ExitCode.USAGE.code();
            }
            long start = System.nanoTime();
            ScanJob.Summary s;
            try {
                s = ScanJob.run(spark, settings, inputs, appsPerTask);
            } catch (java.io.FileNotFoundException e) {
                err.println("leakscan-spark: " + e.getMessage());
                return ExitCode.INPUT_ERROR.code();
            }
            err.printf("leakscan-spark: %d input%s: %d already done, %d analysed, %d failed, %d duplicate%s,"
                            + " %d unread; %.1f s; tables in %s%n", s.inputs(), s.inputs() == 1 ? "" : "s",
                    s.alreadyDone(), s.count(AppScanner.Outcome.ANALYSED), s.count(AppScanner.Outcome.FAILED),
                    s.count(AppScanner.Outcome.DONE_BEFORE), s.count(AppScanner.Outcome.DONE_BEFORE) == 1 ? "" : "s",
                    s.count(AppScanner.Outcome.UNREAD), (System.nanoTime() - start) / 1e9, output);
            err.flush();
            return ExitCode.OK.code();
        } finally {
            if (session == null) {
                spark.stop();
            }
        }
    }

    /** Local mode on all cores when neither spark-submit nor -Dspark.master named a master. */
    private static SparkConf defaultMaster() {
        SparkConf conf = new SparkConf().setAppName("leakscan");
        if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        return conf;
    }

    /** The options, with the catalogue files and the policy read (through Hadoop) and checked here, once. */
    private ScanSettings settings(Configuration conf) throws IOException, CatalogException, PolicyException {
        Map<String, String> catalogues = null;
        String key = null;
        if (signatures != null) {
            catalogues = readFolder(new Path(signatures), conf);
            ExecutorState.load(catalogues);
            StringBuilder all = new StringBuilder();
            catalogues.forEach((name, text) -> all.append(name).append('\0').append(text).append('\0'));
            key = ResultStore.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
        }
        String policyText = null;
        if (policy != null) {
            policyText = readText(new Path(policy), conf);
            PolicyReader.parse(policy, policyText);
        }
        return new ScanSettings(!noFlows, Math.round(flowTimeLimitSeconds * 1000), Math.round(timeoutSeconds * 1000),
                catalogues, key, policy, policyText, failOn, reports, redoFailed, output);
    }

    private static Map<String, String> readFolder(Path dir, Configuration conf) throws CatalogException {
        try {
            FileSystem fs = dir.getFileSystem(conf);
            if (!fs.getFileStatus(dir).isDirectory()) {
                throw new CatalogException("--signatures " + dir + ": not a folder");
            }
            Map<String, String> files = new TreeMap<>();
            for (FileStatus f : fs.listStatus(dir)) {
                if (f.isFile() && f.getPath().getName().endsWith(".json")) {
                    files.put(f.getPath().getName(), readText(f.getPath(), conf));
                }
            }
            return files;
        } catch (IOException e) {
            throw new CatalogException("--signatures " + dir + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static String readText(Path p, Configuration conf) throws IOException {
        try (InputStream in = p.getFileSystem(conf).open(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
