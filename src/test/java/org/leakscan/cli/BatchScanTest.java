package org.leakscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.testing.FixtureApps;
import org.leakscan.testing.JsonSchemaAssert;

/** Batch mode of {@code leakscan scan}, through picocli's {@code execute()}. */
class BatchScanTest {

    /** A folder of apps: two copies of the sample (in two subfolders), the flows AAR, and a broken APK. */
    private static Path appFolder(Path dir) throws IOException {
        Path apps = dir.resolve("apps");
        Files.createDirectories(apps.resolve("a"));
        Files.createDirectories(apps.resolve("b"));
        Files.copy(FixtureApps.get("sample").apk(), apps.resolve("a/sample.apk"));
        Files.copy(FixtureApps.get("sample").apk(), apps.resolve("b/sample.apk"));
        Files.copy(FixtureApps.get("flows").aar(), apps.resolve("b/flows.aar"));
        Files.write(apps.resolve("broken.apk"), "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(apps.resolve("notes.txt"), "not an app");
        return apps;
    }

    /** The summary lines without their {@code seconds}, the one thing that changes from run to run. */
    private static List<JsonObject> withoutTimes(String jsonl) {
        List<JsonObject> out = lines(jsonl);
        out.forEach(o -> assertTrue(o.remove("seconds").getAsDouble() >= 0));
        return out;
    }

    private static List<JsonObject> lines(String jsonl) {
        return jsonl.lines().filter(l -> !l.isBlank()).map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
    }

    @Test
    void aFolderOfAppsGivesOneReportPerAppAndASummaryLineEach(@TempDir Path dir) throws IOException {
        Path apps = appFolder(dir);
        Path out = dir.resolve("out");
        ScanCommandTest.Run r = ScanCommandTest.run("scan", apps.toString(), "-f", "json", "-f", "text",
                "-o", out.toString(), "-j", "2");
        assertEquals(3, r.exitCode(), "the broken app makes it 3; the others still ran: " + r.err());
        assertEquals("", r.out(), "reports go to the folder");

        List<JsonObject> summary = lines(Files.readString(out.resolve("summary.jsonl")));
        assertEquals(List.of(apps.resolve("a/sample.apk").toString(), apps.resolve("b/flows.aar").toString(),
                        apps.resolve("b/sample.apk").toString(), apps.resolve("broken.apk").toString()),
                summary.stream().map(o -> o.get("input").getAsString()).toList(), "input order, sorted by path");
        JsonObject sample = summary.get(0);
        assertEquals("com.example.weatherbuddy", sample.get("package").getAsString());
        assertEquals("ok", sample.get("status").getAsString());
        assertEquals(0, sample.get("exitCode").getAsInt());
        assertEquals(64, sample.get("sha256").getAsString().length());
        assertTrue(sample.getAsJsonObject("counts").get("dataAccess").getAsInt() > 0);
        assertEquals("[\"sample.json\",\"sample.txt\"]", sample.getAsJsonArray("reports").toString());
        assertEquals("[\"sample-2.json\",\"sample-2.txt\"]", summary.get(2).getAsJsonArray("reports").toString(),
                "two apps of one name get distinct reports");
        assertTrue(summary.get(1).getAsJsonObject("counts").get("flows").getAsInt() > 0, "flows ran on the AAR");
        JsonObject broken = summary.get(3);
        assertEquals("failed", broken.get("status").getAsString());
        assertEquals(3, broken.get("exitCode").getAsInt());
        assertTrue(broken.getAsJsonArray("errors").get(0).getAsString().contains("broken.apk"), broken.toString());

        for (String name : List.of("sample", "sample-2", "flows", "broken")) {
            JsonSchemaAssert.assertValid(ScanCommandTest.SCHEMA, Files.readString(out.resolve(name + ".json")));
            assertTrue(Files.exists(out.resolve(name + ".txt")), name + ".txt");
        }
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(9, files.count(), "4 apps x 2 formats + summary, no temporary files left");
        }
        assertTrue(r.err().contains("[4/4]"), "plain progress lines when stderr is not a terminal: " + r.err());
    }

    @Test
    void aBatchReportEqualsTheSingleScanOfThatAppWhateverTheThreadCount(@TempDir Path dir) throws IOException {
        Path apps = appFolder(dir);
        ScanCommandTest.Run one = ScanCommandTest.run("scan", apps.toString(), "-f", "json", "-o",
                dir.resolve("one").toString(), "-j", "1", "-q");
        ScanCommandTest.Run two = ScanCommandTest.run("scan", apps.toString(), "-f", "json", "-o",
                dir.resolve("two").toString(), "-j", "2", "-q");
        assertEquals(one.exitCode(), two.exitCode());
        assertEquals(withoutTimes(Files.readString(dir.resolve("one/summary.jsonl"))),
                withoutTimes(Files.readString(dir.resolve("two/summary.jsonl"))), "summary apart from times");
        for (String f : List.of("sample.json", "flows.json", "broken.json")) {
            assertEquals(Files.readString(dir.resolve("one").resolve(f)), Files.readString(dir.resolve("two").resolve(f)), f);
        }
        ScanCommandTest.Run single = ScanCommandTest.run("scan", apps.resolve("b/flows.aar").toString(), "-f", "json", "-q");
        assertEquals(single.out(), Files.readString(dir.resolve("one/flows.json")));
    }

    @Test
    void batchWithoutOutputPrintsOnlyTheSummary(@TempDir Path dir) {
        ScanCommandTest.Run r = ScanCommandTest.run("scan", "--batch", FixtureApps.get("sample").apk().toString(),
                FixtureApps.get("inventory").apk().toString(), dir.resolve("missing.apk").toString(), "-q");
        assertEquals(3, r.exitCode(), r.err());
        List<JsonObject> summary = lines(r.out());
        assertEquals(3, summary.size(), r.out());
        assertEquals("ok", summary.get(0).get("status").getAsString());
        assertEquals("ok", summary.get(1).get("status").getAsString());
        assertEquals("failed", summary.get(2).get("status").getAsString());
        assertEquals(0, summary.get(0).getAsJsonArray("reports").size());
    }

    @Test
    void severalInputsWithoutBatchStillGiveOneReport() {
        ScanCommandTest.Run r = ScanCommandTest.run("scan", FixtureApps.get("sample").apk().toString(),
                FixtureApps.get("inventory").apk().toString(), "-f", "json", "-q");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2, JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("apps").size());
    }

    @Test
    void aFolderOfClassesIsStillOneApp(@TempDir Path dir) throws IOException {
        Path classes = dir.resolve("classes");
        Path compiled = FixtureApps.get("inventory").jar().getParent().resolve("classes");
        try (Stream<Path> walk = Files.walk(compiled)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path target = classes.resolve(compiled.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
        ScanCommandTest.Run r = ScanCommandTest.run("scan", classes.toString(), "-f", "json", "-q");
        assertEquals(0, r.exitCode(), r.err());
        JsonObject report = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(1, report.getAsJsonArray("apps").size());
        assertEquals("directory", report.getAsJsonArray("apps").get(0).getAsJsonObject()
                .getAsJsonObject("input").get("format").getAsString());
        assertFalse(Files.exists(classes.resolve("summary.jsonl")));
    }

    @Test
    void batchOutputMustBeAFolder(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("report.json"), "{}");
        ScanCommandTest.Run r = ScanCommandTest.run("scan", "--batch", FixtureApps.get("sample").apk().toString(),
                "-o", file.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("must be a folder"), r.err());
    }
}
