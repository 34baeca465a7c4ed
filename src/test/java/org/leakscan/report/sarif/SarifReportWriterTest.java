package org.leakscan.report.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leakscan.analysis.AppAnalyzer;
import org.leakscan.diagnostics.AnalysisError;
import org.leakscan.diagnostics.Stage;
import org.leakscan.report.ErrorEntry;
import org.leakscan.report.Report;
import org.leakscan.report.ReportJson;
import org.leakscan.report.policy.PolicyReader;
import org.leakscan.report.review.Baseline;
import org.leakscan.report.review.Review;
import org.leakscan.report.rules.Rule;
import org.leakscan.testing.FixtureApps;
import org.leakscan.testing.JsonSchemaAssert;
import org.leakscan.testing.Scans;

/**
 * SARIF output: valid against the official SARIF 2.1.0 schema, equal to the checked-in golden
 * file for the sample fixture (version, input path and hashes normalised), and located by class
 * and method. {@code -Dleakscan.updateGolden=true} rewrites the golden file.
 */
class SarifReportWriterTest {

    static final Path SARIF_SCHEMA = JsonSchemaAssert.projectDir().resolve("src/test/resources/sarif/sarif-schema-2.1.0.json");
    static final Path GOLDEN = JsonSchemaAssert.projectDir().resolve("src/test/resources/sarif/sample.sarif");

    private static Report sampleReport(List<ErrorEntry> errors) {
        AppAnalyzer.Result r = Scans.analyze(FixtureApps.get("sample").apk());
        return new Report(Report.SCHEMA, new Report.Tool("leakscan", "0.0.0-test"), List.of(r.findings()), errors);
    }

    private static String sarif(Report report, Review review) throws IOException {
        StringWriter out = new StringWriter();
        new SarifReportWriter(review).write(report, out);
        return out.toString();
    }

    /** Version, input paths and input hashes vary between builds and machines; nothing else may (rule docs are checked apart). */
    static String normalise(String sarif) {
        JsonObject log = JsonParser.parseString(sarif).getAsJsonObject();
        JsonObject run = log.getAsJsonArray("runs").get(0).getAsJsonObject();
        JsonObject driver = run.getAsJsonObject("tool").getAsJsonObject("driver");
        driver.addProperty("version", "VERSION");
        if (driver.has("semanticVersion")) {
            driver.addProperty("semanticVersion", "VERSION");
        }
        // Rule documentation is checked by RuleDocumentationTest; here only that it is there.
        for (JsonElement r : driver.getAsJsonArray("rules")) {
            JsonObject help = r.getAsJsonObject().getAsJsonObject("help");
            help.addProperty("markdown", help.get("markdown").getAsString().isEmpty() ? "" : "DOC");
        }
        for (JsonElement a : run.getAsJsonArray("artifacts")) {
            JsonObject artifact = a.getAsJsonObject();
            artifact.getAsJsonObject("location").addProperty("uri", "INPUT");
            artifact.remove("hashes");
            artifact.remove("length");
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(log) + "\n";
    }

    @Test
    void sampleMatchesTheGoldenFileAndTheSchema() throws IOException {
        String sarif = sarif(sampleReport(List.of()), null);
        JsonSchemaAssert.assertValid(SARIF_SCHEMA, sarif);
        String normalised = normalise(sarif);
        if (Boolean.getBoolean("leakscan.updateGolden")) {
            Files.writeString(GOLDEN, normalised);
        }
        assertEquals(Files.readString(GOLDEN), normalised,
                "SARIF differs from " + GOLDEN + "; if the change is intended, rerun with -Dleakscan.updateGolden=true and review the diff");
    }

    @Test
    void everyRuleIsDescribedAndResultsPointAtTheirRule() throws IOException {
        JsonObject run = run(sarif(sampleReport(List.of()), null));
        JsonArray rules = run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules");
        assertEquals(Rule.values().length, rules.size());
        JsonArray results = run.getAsJsonArray("results");
        assertTrue(results.size() > 5, "the sample has flows, permissions, endpoints: " + results.size());
        Set<String> ruleIds = new HashSet<>();
        for (JsonElement e : results) {
            JsonObject r = e.getAsJsonObject();
            int index = r.get("ruleIndex").getAsInt();
            assertEquals(r.get("ruleId").getAsString(), rules.get(index).getAsJsonObject().get("id").getAsString());
            ruleIds.add(r.get("ruleId").getAsString());
            assertTrue(r.getAsJsonObject("partialFingerprints").get("leakscan/v1").getAsString().matches("[0-9a-f]{64}"));
        }
        assertTrue(ruleIds.containsAll(List.of("LS001", "LS101", "LS301", "LS302", "LS502")), ruleIds.toString());
        JsonObject help = rules.get(0).getAsJsonObject().getAsJsonObject("help");
        assertTrue(help.get("markdown").getAsString().startsWith("# LS001:"), "help is docs/rules/LS001.md");
    }

    @Test
    void flowsAreLocatedByClassAndMethod() throws IOException {
        JsonObject run = run(sarif(sampleReport(List.of()), null));
        JsonObject flow = null;
        for (JsonElement e : run.getAsJsonArray("results")) {
            JsonObject r = e.getAsJsonObject();
            if (r.get("ruleId").getAsString().equals("LS001") && r.getAsJsonObject("message").get("text").getAsString()
                    .contains("ForecastClient.fetch()")) {
                flow = r;
            }
        }
        assertTrue(flow != null, "the sample's own code sends location to the weather API");
        JsonObject location = flow.getAsJsonArray("locations").get(0).getAsJsonObject();
        assertEquals("com/example/weatherbuddy/ForecastClient.class", location.getAsJsonObject("physicalLocation")
                .getAsJsonObject("artifactLocation").get("uri").getAsString());
        JsonObject logical = location.getAsJsonArray("logicalLocations").get(0).getAsJsonObject();
        assertEquals("function", logical.get("kind").getAsString());
        assertEquals("fetch", logical.get("name").getAsString());
        assertTrue(logical.get("fullyQualifiedName").getAsString().startsWith("com.example.weatherbuddy.ForecastClient.fetch("));
        JsonObject source = flow.getAsJsonArray("relatedLocations").get(0).getAsJsonObject();
        assertTrue(source.getAsJsonArray("logicalLocations").get(0).getAsJsonObject().get("fullyQualifiedName")
                .getAsString().startsWith("com.example.weatherbuddy.MainActivity."), source.toString());
    }

    @Test
    void analysisErrorsAreToolExecutionNotifications() throws IOException {
        ErrorEntry error = ErrorEntry.of(new AnalysisError(Stage.BYTECODE, "broken.apk", "classes2.dex",
                "com.x.Y", "z()V", null, "bad instruction at 0x10"));
        String sarif = sarif(sampleReport(List.of(error)), null);
        JsonSchemaAssert.assertValid(SARIF_SCHEMA, sarif);
        JsonObject invocation = run(sarif).getAsJsonArray("invocations").get(0).getAsJsonObject();
        assertFalse(invocation.get("executionSuccessful").getAsBoolean());
        JsonObject n = invocation.getAsJsonArray("toolExecutionNotifications").get(0).getAsJsonObject();
        assertEquals("error", n.get("level").getAsString());
        assertTrue(n.getAsJsonObject("message").get("text").getAsString().contains("bad instruction at 0x10"));
        JsonObject loc = n.getAsJsonArray("locations").get(0).getAsJsonObject();
        assertEquals("broken.apk", loc.getAsJsonObject("physicalLocation").getAsJsonObject("artifactLocation").get("uri").getAsString());
        assertEquals("com.x.Y.z()V", loc.getAsJsonArray("logicalLocations").get(0).getAsJsonObject()
                .get("fullyQualifiedName").getAsString());
    }

    @Test
    void withABaselineOnlyNewFindingsAreResults() throws Exception {
        Report report = sampleReport(List.of());
        JsonObject tree = ReportJson.toTree(report);
        // The baseline: the same report without the sample's first flow, as an older version would be.
        JsonObject older = tree.deepCopy();
        JsonObject app = older.getAsJsonArray("apps").get(0).getAsJsonObject();
        JsonArray flows = app.getAsJsonArray("flows");
        JsonObject removed = flows.remove(0).getAsJsonObject();
        Review review = Review.of(tree, PolicyReader.read(JsonSchemaAssert.projectDir()
                .resolve("testdata/policies/no-personal-data-to-third-parties.json")), Baseline.of("old.json", older), null);
        String sarif = sarif(report, review);
        JsonSchemaAssert.assertValid(SARIF_SCHEMA, sarif);
        JsonArray results = run(sarif).getAsJsonArray("results");
        assertEquals(1, results.size(), results.toString());
        JsonObject result = results.get(0).getAsJsonObject();
        assertEquals("new", result.get("baselineState").getAsString());
        assertTrue(result.getAsJsonObject("message").get("text").getAsString()
                .contains(removed.getAsJsonObject("sink").get("class").getAsString()));
        assertEquals("no-ids-or-location-to-third-parties", result.getAsJsonObject("properties")
                .getAsJsonArray("policyViolations").get(0).getAsJsonObject().get("rule").getAsString());
        assertEquals("error", result.get("level").getAsString());
    }

    @Test
    void severalAppsInOneRunStayValid() throws IOException {
        AppAnalyzer.Result sample = Scans.analyze(FixtureApps.get("sample").apk());
        AppAnalyzer.Result inventory = Scans.analyze(FixtureApps.get("inventory").apk());
        Report report = new Report(Report.SCHEMA, new Report.Tool("leakscan", "dev"),
                List.of(sample.findings(), inventory.findings(), sample.findings()), List.of());
        String sarif = sarif(report, null);
        JsonSchemaAssert.assertValid(SARIF_SCHEMA, sarif);
        JsonObject run = run(sarif);
        assertEquals(2, run.getAsJsonArray("artifacts").size(), "one artifact per distinct input");
        Set<String> apps = new HashSet<>();
        for (JsonElement e : run.getAsJsonArray("results")) {
            apps.add(e.getAsJsonObject().getAsJsonObject("properties").get("app").getAsString());
        }
        assertEquals(Set.of("com.example.weatherbuddy", "org.leakscan.fixture.inventory"), apps);
        assertFalse(run.getAsJsonObject("tool").getAsJsonObject("driver").has("semanticVersion"), "'dev' is no semantic version");
    }

    @Test
    void inputPathsBecomeUriReferences() {
        assertEquals("reports/my%20app.apk", SarifReportWriter.uriOf("reports/my app.apk"));
        assertEquals("file:///tmp/a.apk", SarifReportWriter.uriOf("/tmp/a.apk"));
        assertEquals("com/x/Y$1.class", SarifReportWriter.uriOf("com/x/Y$1.class"));
    }

    private static JsonObject run(String sarif) {
        return JsonParser.parseString(sarif).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
    }
}
