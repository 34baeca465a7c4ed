package org.leakscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.testing.FixtureApps;
import org.leakscan.testing.JsonSchemaAssert;
import picocli.CommandLine;

/** {@code leakscan scan} as a user runs it, through picocli's {@code execute()}. */
class ScanCommandTest {

    static final Path SCHEMA = JsonSchemaAssert.projectDir()
            .resolve("src/main/resources/org/leakscan/report/leakscan-report-1.schema.json");

    /** Output, error and exit code of one run. */
    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = LeakscanCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonGoesToStdoutAndValidatesAgainstTheReportSchema() throws IOException {
        Path apk = FixtureApps.get("sample").apk();
        Run r = run("scan", apk.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonSchemaAssert.assertValid(SCHEMA, r.out());
        JsonObject report = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("leakscan-report/1", report.get("schema").getAsString());
        assertEquals("com.example.weatherbuddy",
                report.getAsJsonArray("apps").get(0).getAsJsonObject().getAsJsonObject("app").get("package").getAsString());
        assertTrue(r.err().contains("1 app reported"), "summary on stderr: " + r.err());
        assertFalse(r.out().contains("1 app reported"), "stdout holds only the report");
    }

    @Test
    void reportIsByteStableWhateverTheThreadCount() {
        Path apk = FixtureApps.get("inventory").apk();
        Run one = run("scan", apk.toString(), "-f", "json", "-j", "1", "-q");
        Run four = run("scan", apk.toString(), "-f", "json", "-j", "4", "-q");
        assertEquals(0, one.exitCode());
        assertEquals(one.out(), four.out());
    }

    @Test
    void severalFormatsGoToAFolder(@TempDir Path dir) throws IOException {
        Path apk = FixtureApps.get("sample").apk();
        Run r = run("scan", apk.toString(), "-f", "json", "-f", "text", "-o", dir.resolve("out").toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(dir.resolve("out/report.json")).startsWith("{"));
        assertTrue(Files.readString(dir.resolve("out/report.txt")).contains("com.example.weatherbuddy"));
        assertEquals("", r.out());
    }

    @Test
    void htmlGoesBesideJsonInAFolder(@TempDir Path dir) throws IOException {
        Path apk = FixtureApps.get("sample").apk();
        Run r = run("scan", apk.toString(), "-f", "json", "-f", "HTML", "-o", dir.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, Math.min(80, html.length())));
        assertTrue(html.contains("com.example.weatherbuddy") && html.contains("collect.tinymetrics.io"), "the answer");
    }

    @Test
    void oneFormatToAFile(@TempDir Path dir) throws IOException {
        Path apk = FixtureApps.get("sample").apk();
        Path file = dir.resolve("nested/report.json");
        Run r = run("scan", apk.toString(), "-f", "json", "-o", file.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        JsonSchemaAssert.assertValid(SCHEMA, Files.readString(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void textReportShowsTheAnswer() {
        Run r = run("scan", FixtureApps.get("sample").apk().toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("device-id.android-id"), r.out());
        assertTrue(r.out().contains("by io.tinymetrics.sdk"), r.out());
        assertTrue(r.out().contains("CLEAR url    http://collect.tinymetrics.io/v2/events"), r.out());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("scan").exitCode(), "no input");
        assertEquals(2, run("scan", "x.apk", "-f", "xml").exitCode(), "unknown format");
        Run several = run("scan", "x.apk", "-f", "json", "-f", "text");
        assertEquals(2, several.exitCode());
        assertTrue(several.err().contains("several formats need --output DIR"), several.err());
        assertEquals(2, run("frobnicate").exitCode(), "unknown command");
        assertEquals(2, run("scan", "x.apk", "--signatures", "/nonexistent-dir").exitCode());
    }

    @Test
    void helpTeachesAndListsExitCodes() {
        Run r = run("scan", "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("Exit codes:"), r.out());
        assertTrue(r.out().contains("--no-flows"), r.out());
        assertTrue(r.out().contains("Examples:"), r.out());
        assertTrue(run("--version").out().startsWith("leakscan "));
    }

    @Test
    void missingFileIsAnInputErrorWithOneLine(@TempDir Path dir) {
        Run r = run("scan", dir.resolve("nope.apk").toString(), "-f", "json", "-q");
        assertEquals(3, r.exitCode());
        assertTrue(r.err().contains("nope.apk: no such file"), r.err());
        JsonObject report = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(1, report.getAsJsonArray("errors").size());
        assertEquals(0, report.getAsJsonArray("apps").size());
    }
}
