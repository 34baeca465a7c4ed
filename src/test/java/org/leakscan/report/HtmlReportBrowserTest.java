package org.leakscan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.testing.JsonSchemaAssert;

/**
 * Loads HTML reports in a real browser: headless Chromium (Debian's {@code chromium}, which
 * {@code .ci/run} installs) dumps the DOM after the page's scripts ran, and logs console messages
 * to standard error. The page's first script writes script errors and CSP violations onto
 * {@code <html>}, and its last marks {@code data-js="ready"}, so the dumped DOM says whether the
 * page ran cleanly. Skipped when no Chromium is installed.
 */
class HtmlReportBrowserTest {

    static final Path OUT = JsonSchemaAssert.projectDir().resolve("target/html-reports");

    private static String chromium;

    @TempDir
    static Path profile;

    @BeforeAll
    static void findChromium() {
        chromium = onPath("chromium", "chromium-browser", "google-chrome");
        Assumptions.assumeTrue(chromium != null, "no chromium on PATH: the browser test is skipped");
    }

    /** What the browser made of a page. */
    record Load(String dom, String log) {

        String htmlTag() {
            Matcher m = Pattern.compile("<html[^>]*>").matcher(dom);
            return m.find() ? m.group() : "";
        }
    }

    @Test
    void harnessSeesScriptErrors() throws Exception {
        // The checks below are only worth something if a broken page fails them.
        Path page = profile.resolve("broken.html");
        String errors = new String(HtmlReportWriter.class.getResourceAsStream("report-errors.js").readAllBytes(),
                StandardCharsets.UTF_8);
        Files.writeString(page, "<!DOCTYPE html><html><head><script>" + errors + "</script></head><body>"
                + "<script>null.x = 1;</script><script>console.error('boom');</script></body></html>");
        Load load = load(page, "");
        assertTrue(load.htmlTag().contains("data-js-errors"), load.htmlTag());
        assertTrue(load.log().contains("boom"), "console messages reach the log: " + load.log());
    }

    @Test
    void destinationsReportRunsCleanlyWithMatrixAndFlows() throws Exception {
        Load load = load(write("destinations"), "");
        assertCleanRun(load);
        assertTrue(load.dom().contains("<table class=\"matrix\">"), "the matrix");
        assertTrue(load.dom().contains("id=\"a0-flows\""), "the flows section");
        assertEquals(6, count(load.dom(), "<tr data-r="), "six flows, all shown");
        assertTrue(load.dom().contains("<svg class=\"chart\""), "the chart");
    }

    @Test
    void trackersReportRunsCleanlyWithItsTrackers() throws Exception {
        Load load = load(write("trackers"), "");
        assertCleanRun(load);
        int section = load.dom().indexOf("id=\"a0-trackers\"");
        int next = load.dom().indexOf("id=\"a0-permissions\"");
        assertTrue(section > 0 && next > section, "the trackers section");
        assertTrue(load.dom().substring(section, next).contains("<tbody>"), "trackers listed");
    }

    @Test
    void searchFromTheAddressFiltersRowsInTheBrowser() throws Exception {
        Load load = load(write("destinations"), "#q=mixpanel");
        assertCleanRun(load);
        assertEquals(1, visibleFlows(load.dom()), "one flow matches mixpanel");
        assertTrue(load.dom().contains("1 of 6 shown"), "the count says so");
    }

    @Test
    void hostileStringsAreTextInTheBrowser() throws Exception {
        Load load = load(write("hostile"), "");
        assertCleanRun(load);
        assertEquals(2, count(load.dom(), "<script"), "only the page's own scripts are elements");
        assertFalse(load.dom().contains("<img"), "the label's <img onerror> is not an element");
        assertTrue(load.dom().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the markup is shown as text");
        assertTrue(load.dom().contains("https://evil.example/&lt;script&gt;alert(1)&lt;/script&gt;"), "flow URL");
    }

    private static void assertCleanRun(Load load) {
        String tag = load.htmlTag();
        assertTrue(tag.contains("data-js=\"ready\""), "the page's script ran to its end: " + tag);
        assertFalse(tag.contains("data-js-errors"), "script errors: " + tag);
        assertFalse(tag.contains("data-csp-violations"), "CSP violations: " + tag);
        List<String> console = new ArrayList<>();
        for (String line : load.log().split("\n")) {
            if (line.contains("CONSOLE") || line.contains("Uncaught") || line.contains("Refused to")) {
                console.add(line);
            }
        }
        assertEquals(List.of(), console, "console messages");
    }

    private static int visibleFlows(String dom) {
        Matcher m = Pattern.compile("<tr data-r=\"[^\"]*\" data-c=\"[^\"]*\"([^>]*)>").matcher(dom);
        int shown = 0;
        while (m.find()) {
            if (!m.group(1).contains("hidden")) {
                shown++;
            }
        }
        return shown;
    }

    private static Path write(String fixture) throws IOException {
        Files.createDirectories(OUT);
        Path page = OUT.resolve(fixture + ".html");
        Files.writeString(page, HtmlReportWriter.render(FixtureReports.normalised(fixture)), StandardCharsets.UTF_8);
        return page;
    }

    private static Load load(Path page, String fragment) throws Exception {
        Path log = Files.createTempFile(profile, "chromium-", ".log");
        Path dom = Files.createTempFile(profile, "dom-", ".html");
        Process p = new ProcessBuilder(chromium, "--headless", "--disable-gpu", "--no-sandbox",
                "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile.resolve("profile"),
                "--enable-logging=stderr", "--v=0", "--dump-dom", page.toUri() + fragment)
                .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s");
        }
        String out = Files.readString(dom, StandardCharsets.UTF_8);
        String err = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "chromium failed: " + err);
        assertTrue(out.contains("</html>"), "a DOM was dumped: " + err);
        return new Load(out, err);
    }

    private static String onPath(String... names) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                File f = new File(dir, name);
                if (f.isFile() && f.canExecute()) {
                    return f.getPath();
                }
            }
        }
        return null;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
