package org.leakscan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.analysis.findings.AppInfo;
import org.leakscan.analysis.findings.InputInfo;
import org.leakscan.analysis.findings.TrackerFinding;
import org.leakscan.analysis.findings.Unanalysed;
import org.leakscan.testing.JsonSchemaAssert;

/**
 * The HTML page: a golden file of the destinations fixture, app strings that are markup shown as
 * text, and the Content-Security-Policy matching the page's own inline blocks.
 * {@code -Dleakscan.updateGolden=true} rewrites the golden file.
 */
class HtmlReportWriterTest {

    static final Path GOLDEN = JsonSchemaAssert.projectDir().resolve("testdata/golden/destinations.html");
    static final String EVIL = "<script>alert(1)</script>";
    static final String EVIL_AS_TEXT = "&lt;script&gt;alert(1)&lt;/script&gt;";

    @Test
    void destinationsFixtureMatchesTheGoldenFile() throws IOException {
        String html = HtmlReportWriter.render(FixtureReports.normalised("destinations"));
        if (Boolean.getBoolean("leakscan.updateGolden")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, html, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(GOLDEN), GOLDEN + " is missing: run with -Dleakscan.updateGolden=true");
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), html,
                "the HTML report changed: check the difference, then run with -Dleakscan.updateGolden=true");
    }

    @Test
    void destinationsPageAnswersFirst() {
        String html = HtmlReportWriter.render(FixtureReports.normalised("destinations"));
        int matrix = html.indexOf("<table class=\"matrix\">");
        int flows = html.indexOf("id=\"a0-flows\"");
        assertTrue(matrix > 0 && flows > matrix, "the matrix comes before the flows");
        for (String host : List.of("api.mixpanel.com", "app.adjust.com", "api2.amplitude.com", "www.facebook.com")) {
            assertTrue(html.indexOf(host) > 0 && html.indexOf(host) < flows, host + " in the matrix");
        }
        assertTrue(html.contains("destination not recovered"), "the unresolved column");
        assertTrue(html.contains("<svg class=\"chart\""), "the sink-kind chart");
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing is fetched");
    }

    @Test
    void hostileAppStringsAreShownAsText() {
        String html = HtmlReportWriter.render(FixtureReports.normalised("hostile"));
        assertFalse(html.contains(EVIL), "raw markup from the app");
        assertFalse(html.contains("<img"), "the label's <img onerror>");
        assertFalse(html.contains("</style><"), "the action's </style>");
        assertFalse(html.contains("\u202e"), "a right-to-left override is shown as an escape");
        assertTrue(html.contains("\\u202e"), "a right-to-left override is shown as an escape");
        assertEquals(2, count(html, "<script"), "only the page's own two scripts");
        assertEquals(1, count(html, "<style"), "only the page's own style");
        // Each place the fixture puts markup shows it as text.
        assertTrue(html.contains("1.0&quot;&#39;&amp;" + EVIL_AS_TEXT), "version name");
        assertTrue(html.contains("org.evil." + EVIL_AS_TEXT), "permission name");
        assertTrue(html.contains("&lt;/style&gt;" + EVIL_AS_TEXT), "intent action");
        assertTrue(html.contains("https://evil.example/" + EVIL_AS_TEXT), "flow URL");
        assertTrue(html.contains("<code>" + EVIL_AS_TEXT + "</code>"), "SMS target");
    }

    @Test
    void contentSecurityPolicyAllowsExactlyThePagesOwnBlocks() {
        String html = HtmlReportWriter.render(FixtureReports.normalised("destinations"));
        Matcher csp = Pattern.compile("http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"").matcher(html);
        assertTrue(csp.find(), "a CSP meta element");
        String policy = csp.group(1).replace("&#39;", "'");
        assertTrue(policy.startsWith("default-src 'none';"), policy);
        List<String> scripts = blocks(html, "script");
        assertEquals(2, scripts.size());
        for (String s : scripts) {
            assertTrue(policy.contains("'" + HtmlReportWriter.sha256(s) + "'"), "script hash in " + policy);
        }
        for (String s : blocks(html, "style")) {
            assertTrue(policy.contains("style-src '" + HtmlReportWriter.sha256(s) + "'"), "style hash in " + policy);
        }
        assertFalse(policy.contains("unsafe-inline"), policy);
    }

    @Test
    void trackersAndUnreadInputsAreRenderedAndEscaped() {
        TrackerFinding tracker = new TrackerFinding("evil", "Evil <b>SDK</b>", "Evil Corp", "evil", "US",
                List.of("analytics"), "https://evil.example", new TrackerFinding.Evidence(
                        List.of(new TrackerFinding.PackageCount("com.evil.sdk", 42)), List.of("t.evil.example"),
                        List.of(EVIL), List.of()));
        AppFindings app = new AppFindings(new InputInfo("x.apk", "0".repeat(64), 0, "apk"), AppInfo.NONE,
                List.of(), null, null, List.of(), List.of(), List.of(tracker), List.of(), List.of(), List.of(), null,
                List.of(Unanalysed.notRun("--no-flows")), new AppFindings.Stats(1, 0, 1, 1, 1));
        String html = HtmlReportWriter.render(new Report(Report.SCHEMA, new Report.Tool("leakscan", "TEST"),
                List.of(app), List.of(new ErrorEntry("bad.apk", "not a zip <b>", "input", null, null, null, null))));
        assertTrue(html.contains("Evil &lt;b&gt;SDK&lt;/b&gt;"), "tracker name");
        assertTrue(html.contains("<code>com.evil.sdk</code> (42 classes)"), "package evidence");
        assertTrue(html.contains("strings: <code>" + EVIL_AS_TEXT + "</code>"), "other evidence");
        assertTrue(html.contains("Not analysed: the data-flow analysis did not run"), "no-flows answer");
        assertTrue(html.contains("not a zip &lt;b&gt;"), "errors of unread inputs");
        assertFalse(html.contains(EVIL));
    }

    @Test
    void escapeCoversTextAttributesAndInvisibleCharacters() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;", HtmlMarkup.escape("<a href=\"x\" title='y'>&amp;"));
        assertEquals("a\\u0000b\\u202ec\\ud800", HtmlMarkup.escape("a\u0000b\u202ec\ud800"));
        assertEquals("\ud83d\ude00 tab\tok", HtmlMarkup.escape("\ud83d\ude00 tab\tok"), "pairs and tabs stay");
        assertEquals("<p title=\"&quot;&gt;&lt;x\">&lt;/p&gt;</p>",
                new HtmlMarkup().element("p", "</p>", "title", "\"><x").toString());
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static List<String> blocks(String html, String tag) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<" + tag + ">(.*?)</" + tag + ">", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
