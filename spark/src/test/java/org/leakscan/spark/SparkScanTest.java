package org.leakscan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job on Spark {@code local[2]}, held to the CLI's batch mode app by app. */
class SparkScanTest {

    @Test
    void rowsEqualTheCliBatchSummaryAppByApp(@TempDir Path dir) throws IOException {
        SparkTesting.spark();
        List<Path> apps = new ArrayList<>(SparkTesting.fixtureApps());
        Path droidbench = SparkTesting.projectDir().resolve("../shared/droidbench/apk").normalize();
        if (Files.isDirectory(droidbench)) {
            apps.addAll(SparkTesting.apks(droidbench));
        }
        apps = SparkTesting.distinctContents(apps);
        String policy = SparkTesting.projectDir().resolve("examples/policy.json").toString();
        Map<String, JsonObject> cli = SparkTesting.cliBatch(apps, dir.resolve("cli"), "--policy", policy);

        Path out = dir.resolve("spark");
        SparkTesting.Run run = SparkTesting.job("-o", out.toString(), "--policy", policy,
                SparkTesting.listFile(dir, apps).toString());
        assertEquals(0, run.exitCode(), run.err());
        Map<String, JsonObject> rows = SparkTesting.byInput(SparkTesting.table(out.resolve(Tables.APPS_JSONL)));
        compare(cli, rows);
        assertTrue(cli.values().stream().anyMatch(o -> o.get("counts").getAsJsonObject().get("flows").getAsInt() > 0),
                "flows were analysed");
        assertTrue(cli.values().stream().anyMatch(o -> o.get("status").getAsString().equals("policy-violated")),
                "the policy was applied");

        // Parquet: the same rows, and every column a row has is in the schema (none dropped).
        SparkSession spark = SparkTesting.spark();
        Dataset<Row> parquet = spark.read().parquet(out.resolve(Tables.APPS_PARQUET).toString());
        assertEquals(rows.size(), parquet.count());
        assertEquals(Tables.APPS, parquet.schema().asNullable());
        for (JsonObject row : rows.values()) {
            assertCovered(row, Tables.APPS, "apps");
        }
        for (Row r : parquet.select("input", "sha256", "status", "counts.flows").collectAsList()) {
            JsonObject line = rows.get(r.getString(0));
            assertEquals(line.get("sha256").getAsString(), r.getString(1));
            assertEquals(line.get("status").getAsString(), r.getString(2));
            assertEquals(line.getAsJsonObject("counts").get("flows").getAsInt(), r.getInt(3));
        }
        String flows = SparkTesting.table(out.resolve(Tables.FLOWS_JSONL));
        for (JsonObject row : SparkTesting.byGroup(flows)) {
            assertCovered(row, Tables.FLOWS, "flows");
        }

        // A second run over the same apps analyses nothing and writes the same tables.
        String appsBefore = SparkTesting.table(out.resolve(Tables.APPS_JSONL));
        SparkTesting.Run again = SparkTesting.job("-o", out.toString(), "--policy", policy,
                SparkTesting.listFile(dir, apps).toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.err().contains(apps.size() + " already done, 0 analysed"), again.err());
        assertEquals(appsBefore, SparkTesting.table(out.resolve(Tables.APPS_JSONL)));
        assertEquals(flows, SparkTesting.table(out.resolve(Tables.FLOWS_JSONL)));
    }

    @Test
    void corpusInventoryEqualsTheCliAppByApp(@TempDir Path dir) throws IOException {
        Path corpus = SparkTesting.shared("corpus");
        SparkTesting.spark();
        List<Path> apps = SparkTesting.apks(corpus);
        Map<String, JsonObject> cli = SparkTesting.cliBatch(apps, dir.resolve("cli"), "--no-flows");
        Path out = dir.resolve("spark");
        // The folder itself as the input: the job finds the same apps as the CLI does.
        SparkTesting.Run run = SparkTesting.job("-o", out.toString(), "--no-flows", corpus.toString());
        assertEquals(0, run.exitCode(), run.err());
        compare(cli, SparkTesting.byInput(SparkTesting.table(out.resolve(Tables.APPS_JSONL))));
        assertTrue(cli.values().stream().anyMatch(o -> o.getAsJsonArray("trackers").size() > 0), "trackers found");
    }

    @Test
    void theFlowsTableAnswersWhichAppsSendWhatToWhichCountryThroughWhom(@TempDir Path dir) throws IOException {
        Path destinations = SparkTesting.projectDir().resolve("target/fixtures/destinations/destinations.apk");
        Assumptions.assumeTrue(Files.isRegularFile(destinations), "the root build's fixtures are absent (run mvn -B verify -Pspark)");
        Path sample = SparkTesting.projectDir().resolve("testdata/sample/weatherbuddy.apk");
        Path out = dir.resolve("out");
        SparkTesting.Run run = SparkTesting.job("-o", out.toString(), "--reports", destinations.toString(),
                sample.toString());
        assertEquals(0, run.exitCode(), run.err());
        SparkSession spark = SparkTesting.spark();
        spark.read().parquet(out.resolve(Tables.FLOWS_PARQUET).toString()).createOrReplaceTempView("flows");
        // The README's query, with the category and country of the fixture's expectations.
        List<Row> found = spark.sql("SELECT DISTINCT package, host, owner, coalesce(sdk, sentBy) AS via FROM flows"
                + " WHERE category = 'Device or other IDs' AND sinkKind = 'network' AND country = 'DE'"
                + " ORDER BY package, host").collectAsList();
        assertEquals(List.of("org.leakscan.fixture.destinations app.adjust.com app"),
                found.stream().map(r -> r.getString(0) + " " + r.getString(1) + " " + r.getString(3)).toList(),
                "UploadActivity sends the IMEI to Adjust (DE) in its own code");
        // The sample sends its location to the weather API only; its analytics SDK sends the device's
        // IDs and carrier (the event name it tracks after a forecast is a constant).
        List<Row> sample = spark.sql("SELECT package, category, host, sentBy, sum(flows) FROM flows"
                + " WHERE package = 'com.example.weatherbuddy' AND sinkKind = 'network'"
                + " GROUP BY package, category, host, sentBy ORDER BY category, host").collectAsList();
        assertEquals(List.of("com.example.weatherbuddy Device or other IDs collect.tinymetrics.io io.tinymetrics.sdk 2",
                        "com.example.weatherbuddy Location api.openweathermap.org app 2"),
                sample.stream().map(r -> r.getString(0) + " " + r.getString(1) + " " + r.getString(2) + " "
                        + r.getString(3) + " " + r.getLong(4)).toList());
        // --reports: each app's full report beside the tables, named in its row.
        for (JsonObject row : SparkTesting.byInput(SparkTesting.table(out.resolve(Tables.APPS_JSONL))).values()) {
            String report = row.getAsJsonArray("reports").get(0).getAsString();
            String text = Files.readString(out.resolve(report), StandardCharsets.UTF_8);
            assertTrue(text.contains("\"schema\": \"leakscan-report/1\"") || text.contains("\"schema\":\"leakscan-report/1\""),
                    report);
            assertTrue(text.contains(row.get("sha256").getAsString()), report);
        }
    }

    @Test
    void aBrokenMissingOrSlowAppIsARowNeverAFailedStage(@TempDir Path dir) throws IOException {
        SparkTesting.spark();
        Path sample = SparkTesting.projectDir().resolve("testdata/sample/weatherbuddy.apk");
        Path broken = dir.resolve("broken.apk");
        Files.write(broken, "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1));
        Path missing = dir.resolve("missing.apk");
        Path list = SparkTesting.listFile(dir, List.of(sample, broken, missing));
        Path out = dir.resolve("out");

        SparkTesting.Run run = SparkTesting.job("-o", out.toString(), "--timeout", "0.001", list.toString());
        assertEquals(0, run.exitCode(), run.err());
        Map<String, JsonObject> rows = SparkTesting.byInput(SparkTesting.table(out.resolve(Tables.APPS_JSONL)));
        assertEquals(3, rows.size(), rows.keySet().toString());
        assertEquals("failed", rows.get(sample.toString()).get("status").getAsString());
        assertTrue(rows.get(sample.toString()).getAsJsonArray("errors").get(0).getAsString()
                .contains("analysis timed out after 0.001 s"), rows.get(sample.toString()).toString());
        assertEquals("failed", rows.get(broken.toString()).get("status").getAsString());
        assertEquals(missing + ": no such file", rows.get(missing.toString()).getAsJsonArray("errors").get(0).getAsString());

        // The next run tries the unread input again (it may be back), keeps the others' rows, and with
        // --redo-failed analyses the timed-out app again.
        Files.write(missing, "PK\u0003\u0004 broken too".getBytes(StandardCharsets.ISO_8859_1));
        SparkTesting.Run redo = SparkTesting.job("-o", out.toString(), "--redo-failed", list.toString());
        assertEquals(0, redo.exitCode(), redo.err());
        rows = SparkTesting.byInput(SparkTesting.table(out.resolve(Tables.APPS_JSONL)));
        assertEquals(3, rows.size(), rows.keySet().toString());
        assertEquals("ok", rows.get(sample.toString()).get("status").getAsString(), rows.toString());
        assertEquals("failed", rows.get(broken.toString()).get("status").getAsString());
        String retried = rows.get(missing.toString()).getAsJsonArray("errors").get(0).getAsString();
        assertTrue(retried.startsWith(missing + ": ") && !retried.endsWith("no such file"), retried);
    }

    @Test
    void theSameAppUnderTwoPathsIsAnalysedOnceAndHasOneRow(@TempDir Path dir) throws IOException {
        SparkTesting.spark();
        Path sample = SparkTesting.projectDir().resolve("testdata/sample/weatherbuddy.apk");
        Files.createDirectories(dir.resolve("apps/a"));
        Files.createDirectories(dir.resolve("apps/b"));
        Files.copy(sample, dir.resolve("apps/a/one.apk"));
        Files.copy(sample, dir.resolve("apps/b/two.apk"));
        Path out = dir.resolve("out");
        SparkTesting.Run run = SparkTesting.job("-o", out.toString(), dir.resolve("apps").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("2 inputs: 0 already done, 1 analysed, 0 failed, 1 duplicate,"), run.err());
        Map<String, JsonObject> rows = SparkTesting.byInput(SparkTesting.table(out.resolve(Tables.APPS_JSONL)));
        assertEquals(1, rows.size(), rows.keySet().toString());
        assertTrue(rows.containsKey(dir.resolve("apps/a/one.apk").toString())
                || rows.containsKey(dir.resolve("apps/b/two.apk").toString()), rows.keySet().toString());
    }

    /** The job's rows equal the CLI's for the same apps, column by column, apart from time and report files. */
    private static void compare(Map<String, JsonObject> cli, Map<String, JsonObject> spark) {
        assertEquals(new TreeSet<>(cli.keySet()), new TreeSet<>(spark.keySet()), "the same apps, one row each");
        for (Map.Entry<String, JsonObject> e : cli.entrySet()) {
            assertEquals(SparkTesting.deterministic(e.getValue()), SparkTesting.deterministic(spark.get(e.getKey())),
                    e.getKey());
            assertEquals(List.copyOf(e.getValue().keySet()), List.copyOf(spark.get(e.getKey()).keySet()),
                    "same columns in the same order: " + e.getKey());
        }
    }

    /** Every field of {@code row}, at any depth, has a column in {@code schema}. */
    private static void assertCovered(JsonObject row, StructType schema, String where) {
        for (Map.Entry<String, JsonElement> f : row.entrySet()) {
            assertTrue(List.of(schema.fieldNames()).contains(f.getKey()), where + "." + f.getKey() + " has no column");
            DataType type = schema.apply(f.getKey()).dataType();
            JsonElement v = f.getValue();
            if (v.isJsonObject()) {
                assertCovered(v.getAsJsonObject(), (StructType) type, where + "." + f.getKey());
            } else if (v.isJsonArray()) {
                DataType element = ((ArrayType) type).elementType();
                for (JsonElement item : v.getAsJsonArray()) {
                    if (item.isJsonObject()) {
                        assertCovered(item.getAsJsonObject(), (StructType) element, where + "." + f.getKey() + "[]");
                    }
                }
            }
        }
    }
}
