package org.leakscan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.leakscan.cli.LeakscanCommand;
import picocli.CommandLine;

/**
 * What the Spark tests share: one {@code local[2]} session for the test JVM (the tests are skipped,
 * with the reason, where Spark cannot start), the apps to run on (the root build's fixture apps,
 * DroidBench and the corpus from {@code ../shared}, each skipped cleanly when absent), and runs of
 * the CLI's batch mode and of the job over the same apps.
 */
final class SparkTesting {

    private static SparkSession spark;
    private static Throwable sparkFailure;

    private SparkTesting() {
    }

    /** The session, or the test is skipped saying why Spark could not start here. */
    static synchronized SparkSession spark() {
        if (spark == null && sparkFailure == null) {
            try {
                spark = SparkSession.builder().master("local[2]").appName("leakscan-test")
                        .config("spark.ui.enabled", "false")
                        .config("spark.ui.showConsoleProgress", "false")
                        .config("spark.driver.host", "127.0.0.1")
                        .config("spark.driver.bindAddress", "127.0.0.1")
                        .config("spark.sql.shuffle.partitions", "4")
                        .getOrCreate();
                spark.sparkContext().setLogLevel("WARN");
            } catch (Throwable t) {
                sparkFailure = t;
            }
        }
        Assumptions.assumeTrue(spark != null, () -> "Spark cannot start here: " + sparkFailure);
        return spark;
    }

    /** The root project's folder. */
    static Path projectDir() {
        return Path.of(System.getProperty("leakscan.projectDir", "..")).toAbsolutePath().normalize();
    }

    /** {@code ../shared/<sub>} beside the project, or the test is skipped. */
    static Path shared(String sub) {
        Path p = projectDir().resolve("../shared").resolve(sub).normalize();
        Assumptions.assumeTrue(Files.isDirectory(p), () -> p + " is absent");
        return p;
    }

    /** The fixture apps the root build's tests made ({@code target/fixtures/<name>/<name>.apk}) and the sample app. */
    static List<Path> fixtureApps() {
        List<Path> out = new ArrayList<>();
        Path fixtures = projectDir().resolve("target/fixtures");
        if (Files.isDirectory(fixtures)) {
            try (Stream<Path> s = Files.list(fixtures)) {
                s.map(d -> d.resolve(d.getFileName() + ".apk")).filter(Files::isRegularFile).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.add(projectDir().resolve("testdata/sample/weatherbuddy.apk"));
        return out;
    }

    /**
     * The apps with distinct contents, first path of each kept: the job analyses an app once, however
     * many paths name it (the root build's sample fixture is the checked-in sample app, byte for byte).
     */
    static List<Path> distinctContents(List<Path> apps) throws IOException {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Path> out = new ArrayList<>();
        for (Path a : apps) {
            if (seen.add(ResultStore.sha256(Files.readAllBytes(a)))) {
                out.add(a);
            }
        }
        return out;
    }

    /** The APKs below a folder, sorted. */
    static List<Path> apks(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".apk")).map(p -> p.toAbsolutePath().normalize()).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A list file naming the apps, one a line (the job's third kind of input). */
    static Path listFile(Path dir, List<Path> apps) throws IOException {
        Files.createDirectories(dir);
        Path list = Files.createTempFile(dir, "apps-", ".txt");
        StringBuilder text = new StringBuilder("# apps for the test\n");
        apps.forEach(a -> text.append(a).append('\n'));
        Files.writeString(list, text);
        return list;
    }

    /** Runs {@code leakscan scan --batch} in this JVM; returns its summary lines by input. */
    static Map<String, JsonObject> cliBatch(List<Path> apps, Path out, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("scan", "--batch", "-q", "-j", "2", "-f", "json", "-o", out.toString()));
        args.addAll(List.of(options));
        apps.forEach(a -> args.add(a.toString()));
        StringWriter err = new StringWriter();
        CommandLine cl = LeakscanCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args.toArray(String[]::new));
        assertEquals(true, code != 2 && code != 70, "CLI batch ran: exit " + code + " " + err);
        return byInput(Files.readString(out.resolve("summary.jsonl")));
    }

    /** Runs the job through its command line in the test's session; returns the exit code and standard error. */
    static Run job(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new SparkScan(spark()));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, err.toString());
    }

    record Run(int exitCode, String err) {
    }

    /** The rows of a JSON Lines table folder ({@code part-*} files) or file, by input. */
    static Map<String, JsonObject> byInput(String jsonl) {
        Map<String, JsonObject> out = new LinkedHashMap<>();
        for (String line : jsonl.lines().filter(l -> !l.isBlank()).toList()) {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            JsonObject before = out.put(o.get("input").getAsString(), o);
            assertEquals(null, before, "one row per input: " + o.get("input"));
        }
        return out;
    }

    /** The text of a table folder written by Spark: its part files in order. */
    static String table(Path dir) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path part : s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                out.append(Files.readString(part));
            }
        }
        return out.toString();
    }

    /** A row without what differs between two runs of the same analysis: the time, and where reports went. */
    static JsonObject deterministic(JsonObject row) {
        JsonObject o = row.deepCopy();
        o.remove("seconds");
        o.remove("reports");
        return o;
    }

    /** The rows of a JSON Lines table, in order. */
    static List<JsonObject> byGroup(String jsonl) {
        return jsonl.lines().filter(l -> !l.isBlank()).map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
    }
}
