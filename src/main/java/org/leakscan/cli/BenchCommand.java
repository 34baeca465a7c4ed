package org.leakscan.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.leakscan.report.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code leakscan bench}: times whole {@code leakscan scan} processes, one fresh JVM per run, on
 * the benchmark apps that {@code scripts/build-bench-app} builds (and on DroidBench when it is
 * there), and writes a Markdown table: wall time (min and median of the runs), DEX megabytes per
 * second, peak resident memory, flows found, and how time grows with app size.
 */
@Command(name = "bench",
        sortOptions = false,
        usageHelpAutoWidth = true,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = 2,
        exitCodeOnExecutionException = 70,
        description = {
            "Measures leakscan itself: runs 'leakscan scan' in a fresh JVM per run on each app, inventory only",
            "(--no-flows) and with data flow, and prints a Markdown table (also written to --results).",
            "Build the benchmark apps first with scripts/build-bench-app (needs the network once).",
            ""},
        footer = {
            "",
            "Examples:",
            "  leakscan bench                               the apps in target/bench/apps, and DroidBench",
            "  leakscan bench --runs 5 big.apk              five runs of each mode on one app"})
public final class BenchCommand implements Callable<Integer> {

    private static final Pattern DEX_ENTRY = Pattern.compile("classes\\d*\\.dex");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "APP",
            description = "Apps to measure. Default: every bench-*.apk in target/bench/apps.")
    List<Path> apps = new ArrayList<>();

    @Option(names = "--droidbench", paramLabel = "DIR",
            description = "DroidBench APKs, measured in one call (skipped when absent). Default: ${DEFAULT-VALUE}.")
    Path droidbench = Path.of("../shared/droidbench/apk");

    @Option(names = "--runs", paramLabel = "N", description = "Runs per app and mode. Default: ${DEFAULT-VALUE}.")
    int runs = 3;

    @Option(names = "--xmx", paramLabel = "SIZE", description = "Heap limit of each run (java -Xmx). Default: ${DEFAULT-VALUE}.")
    String xmx = "4g";

    @Option(names = {"-j", "--threads"}, paramLabel = "N",
            description = "leakscan's --threads in each run. Default: the number of processors (${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--no-flows", description = "Measure inventory only (skip the runs with data flow).")
    boolean noFlows;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up on a run after this long. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds = 900;

    @Option(names = "--results", paramLabel = "FILE", description = "Also write the table here. Default: ${DEFAULT-VALUE}.")
    Path results = Path.of("target/bench/results.md");

    /** One timed process. */
    record Run(double seconds, long peakKb, int exitCode, int flows, long classes, long methods) {
    }

    /** The runs of one subject (an app, or DroidBench in one call) in one mode. */
    record Measured(String name, double dexMb, int dexFiles, boolean flows, List<Run> runs) {
        double minSeconds() {
            return runs.stream().mapToDouble(Run::seconds).min().orElse(Double.NaN);
        }

        double medianSeconds() {
            return median(runs.stream().map(Run::seconds).toList());
        }

        double medianPeakMb() {
            return median(runs.stream().map(r -> r.peakKb() / 1024.0).toList());
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (runs < 1 || threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runs and --threads must be at least 1");
        }
        List<Path> subjects = apps.isEmpty() ? defaultApps() : apps;
        if (subjects.isEmpty()) {
            err.println("leakscan: no benchmark apps in target/bench/apps: build them with scripts/build-bench-app");
            return ExitCode.USAGE.code();
        }
        List<Measured> measured = new ArrayList<>();
        for (Path app : subjects) {
            long[] dex = dexOf(app);
            double mb = dex[0] / 1e6;
            measured.add(measure(app.getFileName().toString(), mb, (int) dex[1], false, List.of(app), err));
            if (!noFlows) {
                measured.add(measure(app.getFileName().toString(), mb, (int) dex[1], true, List.of(app), err));
            }
        }
        List<Measured> droid = new ArrayList<>();
        if (Files.isDirectory(droidbench)) {
            List<Path> apks;
            try (Stream<Path> s = Files.walk(droidbench)) {
                apks = s.filter(p -> p.toString().endsWith(".apk")).sorted().toList();
            }
            if (!apks.isEmpty()) {
                long bytes = 0;
                long files = 0;
                for (Path a : apks) {
                    long[] d = dexOf(a);
                    bytes += d[0];
                    files += d[1];
                }
                String name = "DroidBench (" + apks.size() + " apps, one call)";
                droid.add(measure(name, bytes / 1e6, (int) files, false, apks, err));
                if (!noFlows) {
                    droid.add(measure(name, bytes / 1e6, (int) files, true, apks, err));
                }
            }
        } else {
            err.println("leakscan: bench: no DroidBench at " + droidbench + "; skipped");
        }
        String table = table(measured, droid);
        out.print(table);
        out.flush();
        if (results != null) {
            Path parent = results.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(results, table, StandardCharsets.UTF_8);
            err.println("leakscan: bench: results written to " + results);
        }
        boolean failed = Stream.concat(measured.stream(), droid.stream())
                .flatMap(m -> m.runs().stream()).anyMatch(r -> r.exitCode() != 0 && r.exitCode() != 3);
        return failed ? ExitCode.INPUT_ERROR.code() : ExitCode.OK.code();
    }

    private static List<Path> defaultApps() throws IOException {
        Path dir = Path.of("target/bench/apps");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("bench-.*\\.apk"))
                    .sorted((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).toList();
        }
    }

    /** Uncompressed bytes and count of the {@code classes*.dex} entries of an APK (or the file itself for a .dex). */
    static long[] dexOf(Path app) throws IOException {
        if (app.toString().endsWith(".dex")) {
            return new long[] {Files.size(app), 1};
        }
        long bytes = 0;
        int files = 0;
        try (ZipFile zip = new ZipFile(app.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (DEX_ENTRY.matcher(e.getName()).matches()) {
                    bytes += e.getSize();
                    files++;
                }
            }
        } catch (IOException e) {
            return new long[] {0, 0};
        }
        return new long[] {bytes, files};
    }

    private Measured measure(String name, double dexMb, int dexFiles, boolean flows, List<Path> inputs, PrintWriter err)
            throws IOException, InterruptedException {
        List<Run> done = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            Run r = runOnce(inputs, flows);
            done.add(r);
            err.printf(Locale.ROOT, "leakscan: bench: %s, %s, run %d/%d: %.2f s, peak %s, exit %d%n", name,
                    flows ? "flows" : "inventory", i, runs, r.seconds(), r.peakKb() < 0 ? "n/a"
                            : String.format(Locale.ROOT, "%.0f MiB", r.peakKb() / 1024.0), r.exitCode());
            err.flush();
        }
        return new Measured(name, dexMb, dexFiles, flows, done);
    }

    private Run runOnce(List<Path> inputs, boolean flows) throws IOException, InterruptedException {
        Path report = Files.createTempFile("leakscan-bench-", ".json");
        Path stderr = Files.createTempFile("leakscan-bench-", ".err");
        try {
            List<String> cmd = new ArrayList<>(List.of(javaExecutable()));
            cmd.addAll(jvmOptions());
            cmd.addAll(List.of("-Xmx" + xmx, "-cp", System.getProperty("java.class.path"), BenchChild.class.getName(),
                    "scan", "-q", "-f", "json", "-o", report.toString(), "-j", String.valueOf(threads)));
            if (!flows) {
                cmd.add("--no-flows");
            }
            for (Path p : inputs) {
                cmd.add(p.toString());
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderr.toFile());
            long t0 = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return new Run(Double.NaN, -1, -1, 0, 0, 0);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long peak = -1;
            for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
                if (line.startsWith(BenchChild.PEAK_PREFIX)) {
                    peak = Long.parseLong(line.substring(BenchChild.PEAK_PREFIX.length()).trim());
                }
            }
            int flowsFound = 0;
            long classes = 0;
            long methods = 0;
            if (Files.size(report) > 0) {
                try (Reader r = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
                    JsonArray appsJson = JsonParser.parseReader(r).getAsJsonObject().getAsJsonArray("apps");
                    for (JsonElement a : appsJson) {
                        JsonObject app = a.getAsJsonObject();
                        flowsFound += app.has("flows") ? app.getAsJsonArray("flows").size() : 0;
                        JsonObject stats = app.getAsJsonObject("stats");
                        if (stats != null) {
                            classes += stats.get("classes").getAsLong();
                            methods += stats.get("methods").getAsLong();
                        }
                    }
                }
            }
            return new Run(seconds, peak, p.exitValue(), flowsFound, classes, methods);
        } finally {
            Files.deleteIfExists(report);
            Files.deleteIfExists(stderr);
        }
    }

    /**
     * The {@code -XX:} options this JVM was started with (those of {@code bin/leakscan} when it
     * runs the bench), so each measured run uses the JVM a user of the same command gets.
     * Flight-recorder options are left out: they would profile every run.
     */
    static List<String> jvmOptions() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:") && !a.contains("FlightRecord")).toList();
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    String table(List<Measured> measured, List<Measured> droid) {
        StringBuilder sb = new StringBuilder();
        List<String> options = jvmOptions();
        sb.append(String.format(Locale.ROOT, "## leakscan bench%n%n%s; %d processors; java %s; -Xmx%s%s; --threads %d; "
                        + "%d run%s per row, fresh JVM each (min / median, whole process)%n%n",
                VersionProvider.version(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), xmx, options.isEmpty() ? "" : " " + String.join(" ", options),
                threads, runs, runs == 1 ? "" : "s"));
        sb.append("| app | DEX MB | dex files | classes | mode | time s (min / median) | MB/s (min) | peak RSS MiB | flows |\n");
        sb.append("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |\n");
        for (Measured m : Stream.concat(measured.stream(), droid.stream()).toList()) {
            Run first = m.runs().get(0);
            sb.append(String.format(Locale.ROOT, "| %s | %.1f | %d | %d | %s | %.2f / %.2f | %.1f | %.0f | %s |%n",
                    m.name(), m.dexMb(), m.dexFiles(), first.classes(), m.flows() ? "flows" : "inventory",
                    m.minSeconds(), m.medianSeconds(), m.dexMb() / m.minSeconds(), m.medianPeakMb(),
                    m.flows() ? String.valueOf(first.flows()) : "-"));
        }
        for (boolean flows : new boolean[] {false, true}) {
            List<Measured> series = measured.stream().filter(m -> m.flows() == flows && m.dexMb() > 0).toList();
            if (series.size() >= 2) {
                Measured small = series.get(0);
                Measured big = series.get(series.size() - 1);
                double size = big.dexMb() / small.dexMb();
                double time = big.minSeconds() / small.minSeconds();
                sb.append(String.format(Locale.ROOT, "%nScaling, %s: %.1f MB -> %.1f MB of DEX (x%.2f) takes x%.2f the time "
                                + "(time ~ size^%.2f; 1.00 is linear).%n", flows ? "with flows" : "inventory",
                        small.dexMb(), big.dexMb(), size, time, Math.log(time) / Math.log(size)));
            }
        }
        return sb.toString();
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
