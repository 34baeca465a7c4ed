package org.leakscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.testing.FixtureApps;
import org.leakscan.testing.JsonSchemaAssert;

/** {@code --policy}, {@code --fail-on} and {@code --baseline} through picocli's {@code execute()}. */
class PolicyGateTest {

    static final String POLICY = JsonSchemaAssert.projectDir()
            .resolve("testdata/policies/no-personal-data-to-third-parties.json").toString();
    static final Path SARIF_SCHEMA = JsonSchemaAssert.projectDir().resolve("src/test/resources/sarif/sarif-schema-2.1.0.json");

    static String sample() {
        return FixtureApps.get("sample").apk().toString();
    }

    @Test
    void aViolatingAppExitsWithOneAfterEveryReportIsWritten(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("reports");
        ScanCommandTest.Run r = ScanCommandTest.run("scan", sample(), "--policy", POLICY, "-f", "json", "-f", "sarif",
                "-f", "text", "-o", out.toString(), "-q");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("violation: com.example.weatherbuddy: [high] Policy rule 'no-ids-or-location-to-third-parties'"),
                r.err());
        assertTrue(r.err().contains("the sending code is the library io.tinymetrics.sdk"), r.err());
        assertTrue(Files.readString(out.resolve("report.json")).contains("\"schema\": \"leakscan-report/1\""));
        assertTrue(Files.readString(out.resolve("report.txt")).contains("com.example.weatherbuddy"));
        String sarif = Files.readString(out.resolve("report.sarif"));
        JsonSchemaAssert.assertValid(SARIF_SCHEMA, sarif);
        assertTrue(sarif.contains("\"policyViolations\""), "SARIF marks the findings that break the policy");
    }

    @Test
    void aCleanAppExitsWithZero() {
        ScanCommandTest.Run r = ScanCommandTest.run("scan", FixtureApps.get("inventory").apk().toString(), "--policy", POLICY,
                "-f", "json", "-q");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.err().contains("violation"), r.err());
    }

    @Test
    void trackersFoundInAnAppBreakATrackerRule(@TempDir Path dir) throws IOException {
        Path policy = dir.resolve("no-trackers.json");
        Files.writeString(policy, "{\"schema\": \"leakscan-policy/1\", \"rules\": [{\"id\": \"no-attribution-sdks\","
                + " \"type\": \"no-tracker\", \"severity\": \"medium\", \"trackers\": [\"adjust\"]}]}");
        Path sarif = dir.resolve("t.sarif");
        ScanCommandTest.Run r = ScanCommandTest.run("scan", FixtureApps.get("trackers").apk().toString(), "--policy",
                policy.toString(), "-f", "sarif", "-o", sarif.toString(), "-q");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("Policy rule 'no-attribution-sdks' (no-tracker): Contains the tracker Adjust"), r.err());
        String text = Files.readString(sarif);
        JsonSchemaAssert.assertValid(SARIF_SCHEMA, text);
        assertTrue(text.contains("\"ruleId\": \"LS201\""), "trackers are LS201 results");
        assertEquals(0, ScanCommandTest.run("scan", FixtureApps.get("sample").apk().toString(), "--policy", policy.toString(),
                "-f", "json", "-q").exitCode(), "the sample has no Adjust");
    }

    @Test
    void failOnRaisesTheBar() {
        // The sample's violations of this policy are all 'high'.
        assertEquals(0, ScanCommandTest.run("scan", sample(), "--policy", POLICY, "--fail-on", "critical", "-f", "json", "-q").exitCode());
        assertEquals(1, ScanCommandTest.run("scan", sample(), "--policy", POLICY, "--fail-on", "HIGH", "-f", "json", "-q").exitCode());
    }

    @Test
    void withoutAPolicyFailOnGatesTheBuiltInRules() {
        ScanCommandTest.Run high = ScanCommandTest.run("scan", sample(), "--fail-on", "high", "-f", "json", "-q");
        assertEquals(1, high.exitCode());
        assertTrue(high.err().contains("[high] LS001 "), high.err());
        assertEquals(0, ScanCommandTest.run("scan", sample(), "--fail-on", "critical", "-f", "json", "-q").exitCode());
        assertEquals(0, ScanCommandTest.run("scan", sample(), "-f", "json", "-q").exitCode(), "no gate without --fail-on or --policy");
    }

    @Test
    void aBaselineSuppressesOldFindingsAndGatesOnlyNewOnes(@TempDir Path dir) throws IOException {
        Path previous = dir.resolve("previous.json");
        assertEquals(1, ScanCommandTest.run("scan", sample(), "-f", "json", "-o", previous.toString(), "--policy", POLICY, "-q").exitCode());

        ScanCommandTest.Run same = ScanCommandTest.run("scan", sample(), "--policy", POLICY, "--baseline", previous.toString(),
                "-f", "sarif");
        assertEquals(0, same.exitCode(), same.err());
        assertTrue(same.err().contains("already there, 0 new"), same.err());
        JsonObject run = JsonParser.parseString(same.out()).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
        assertEquals(0, run.getAsJsonArray("results").size());

        // An older version without the tracker SDK's location flow: that flow is new, and only it fails.
        JsonObject report = JsonParser.parseString(Files.readString(previous)).getAsJsonObject();
        JsonArray flows = report.getAsJsonArray("apps").get(0).getAsJsonObject().getAsJsonArray("flows");
        for (int i = flows.size() - 1; i >= 0; i--) {
            JsonObject f = flows.get(i).getAsJsonObject();
            if (f.get("dataType").getAsString().equals("device-id.android-id")) {
                flows.remove(i);
            }
        }
        Path older = dir.resolve("older.json");
        Files.writeString(older, report.toString());
        ScanCommandTest.Run newer = ScanCommandTest.run("scan", sample(), "--policy", POLICY, "--baseline", older.toString(),
                "-f", "json", "-q");
        assertEquals(1, newer.exitCode(), newer.err());
        assertTrue(newer.err().contains("Android ID"), newer.err());
        assertFalse(newer.err().contains("Precise location"), "old violations stay quiet: " + newer.err());
    }

    @Test
    void badPolicyOrBaselineIsAUsageErrorInOneLine(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"schema\": \"leakscan-policy/1\", \"rules\": [{\"id\": \"x\", \"type\": \"nope\", \"severity\": \"low\"}]}");
        ScanCommandTest.Run r = ScanCommandTest.run("scan", sample(), "--policy", bad.toString(), "-q");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("unknown type \"nope\""), r.err());

        Files.writeString(bad, "[1, 2]");
        ScanCommandTest.Run b = ScanCommandTest.run("scan", sample(), "--baseline", bad.toString(), "-q");
        assertEquals(2, b.exitCode());
        assertTrue(b.err().contains("not a leakscan JSON report"), b.err());

        assertEquals(2, ScanCommandTest.run("scan", sample(), "--fail-on", "severe").exitCode());
    }
}
