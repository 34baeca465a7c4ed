package org.leakscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.analysis.findings.DataSafety;
import org.leakscan.report.datasafety.DataSafetyCsv;
import org.leakscan.report.datasafety.Declaration;
import org.leakscan.report.datasafety.PlayDataType;
import org.leakscan.testing.FixtureApps;
import org.leakscan.testing.JsonSchemaAssert;

/**
 * {@code scan --data-safety FILE.csv} and {@code data-safety APP} through picocli's
 * {@code execute()}, on the Data safety fixture's declarations (complete, leaving out the SDK's
 * sharing, claiming encryption in transit, malformed) and on the sample app's own.
 */
class DataSafetyCommandTest {

    static final Path DECLARATIONS = JsonSchemaAssert.projectDir().resolve("testdata/datasafety");
    static final Path SCHEMA = JsonSchemaAssert.projectDir()
            .resolve("src/main/resources/org/leakscan/report/leakscan-report-1.schema.json");
    static final Path SARIF_SCHEMA = JsonSchemaAssert.projectDir().resolve("src/test/resources/sarif/sarif-schema-2.1.0.json");

    static String fixture() {
        return FixtureApps.get("datasafety").apk().toString();
    }

    static String csv(String name) {
        return DECLARATIONS.resolve(name).toString();
    }

    /** The JSON report's dataSafety section of the one app. */
    static JsonObject section(String json) throws IOException {
        JsonSchemaAssert.assertValid(SCHEMA, json);
        return JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("apps").get(0).getAsJsonObject()
                .getAsJsonObject("dataSafety");
    }

    static List<String> kinds(JsonObject section) {
        List<String> out = new ArrayList<>();
        for (JsonElement f : section.getAsJsonArray("findings")) {
            out.add(f.getAsJsonObject().get("kind").getAsString());
        }
        return out;
    }

    @Test
    void aCompleteDeclarationHasNoFindingsAndPasses() throws IOException {
        ScanCommandTest.Run r = ScanCommandTest.run("scan", fixture(), "--data-safety", csv("complete.csv"), "-f", "json", "-q");
        assertEquals(0, r.exitCode(), r.err());
        JsonObject section = section(r.out());
        assertEquals(List.of(), kinds(section));
        assertEquals(3, section.getAsJsonArray("dataTypes").size());
        assertEquals(csv("complete.csv"), section.get("declaration").getAsString());
        assertEquals(0, section.getAsJsonArray("unknownQuestions").size());
    }

    @Test
    void leavingOutAnSdksSharingNamesTheSdkHostOwnerAndCountryAndFails(@TempDir Path dir) throws IOException {
        ScanCommandTest.Run r = ScanCommandTest.run("scan", fixture(), "--data-safety", csv("omits-sdk-sharing.csv"),
                "-f", "json", "-f", "sarif", "-f", "html", "-f", "text", "-o", dir.toString(), "-q");
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("leakscan: violation: ")).count(), r.err());
        assertTrue(r.err().contains("[high] LS602 Device or other IDs can reach a third party, and the declaration does"
                + " not say it is shared: the SDK Mixpanel (mixpanel), by Mixpanel (US), sends it to api.mixpanel.com"
                + " (Mixpanel, US)"), r.err());
        JsonObject section = section(Files.readString(dir.resolve("report.json")));
        assertEquals(List.of("undeclared-sharing"), kinds(section));
        JsonObject finding = section.getAsJsonArray("findings").get(0).getAsJsonObject();
        JsonObject receiver = finding.getAsJsonObject("receiver");
        assertEquals("mixpanel", receiver.get("library").getAsString());
        assertEquals("Mixpanel", receiver.get("sdk").getAsString());
        assertEquals("api.mixpanel.com", receiver.get("host").getAsString());
        assertEquals("US", receiver.getAsJsonObject("owner").get("country").getAsString());
        JsonObject evidence = finding.getAsJsonArray("flows").get(0).getAsJsonObject();
        assertEquals("device-id.android-id", evidence.get("dataType").getAsString());
        assertEquals("https://api.mixpanel.com/track", evidence.getAsJsonArray("destinations").get(0).getAsJsonObject()
                .get("url").getAsString());
        assertTrue(evidence.getAsJsonArray("path").size() >= 2, "the evidence carries the path");

        String sarif = Files.readString(dir.resolve("report.sarif"));
        JsonSchemaAssert.assertValid(SARIF_SCHEMA, sarif);
        assertTrue(sarif.contains("\"ruleId\": \"LS602\""), "SARIF has the finding");
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("Data safety declaration against the code"), "HTML has the section");
        assertTrue(html.contains("<td class=\"bad\">collected</td><td>collected, shared (1 flow)"),
                "declared beside found for the device IDs");
        assertTrue(Files.readString(dir.resolve("report.txt")).contains("UNDECLARED-SHARING: Device or other IDs"));
    }

    @Test
    void declaringEncryptionInTransitWhileThePhoneNumberGoesOverHttp() throws IOException {
        ScanCommandTest.Run r = ScanCommandTest.run("scan", fixture(), "--data-safety", csv("encrypted-but-http.csv"),
                "-f", "json", "-q");
        assertEquals(0, r.exitCode(), "LS603 is medium: below the default bar for declarations: " + r.err());
        JsonObject section = section(r.out());
        assertEquals(List.of("cleartext-despite-declaration"), kinds(section));
        String message = section.getAsJsonArray("findings").get(0).getAsJsonObject().get("message").getAsString();
        assertTrue(message.contains("Phone number can be sent in cleartext to http://api.leakscan.org/v1/profile"), message);
        ScanCommandTest.Run tuned = ScanCommandTest.run("scan", fixture(), "--data-safety", csv("encrypted-but-http.csv"),
                "--fail-on", "medium", "-f", "json", "-q");
        assertEquals(1, tuned.exitCode(), tuned.err());
        assertTrue(tuned.err().contains("[medium] LS603 The declaration says all user data is encrypted in transit"), tuned.err());
    }

    @Test
    void aMalformedDeclarationIsOneUsageErrorNamingItsLine() {
        ScanCommandTest.Run r = ScanCommandTest.run("scan", fixture(), "--data-safety", csv("malformed.csv"));
        assertEquals(2, r.exitCode());
        assertEquals(List.of("leakscan: --data-safety " + csv("malformed.csv") + ": line 5: a quoted field is not closed"
                + " where the field ends (its closing quote is on line 6): text follows the closing quote"),
                r.err().lines().toList());
        assertEquals("", r.out(), "nothing was scanned");
    }

    @Test
    void theSampleAppsDeclarationLeavesOutItsSdk() {
        Path sampleCsv = JsonSchemaAssert.projectDir().resolve("testdata/sample/weatherbuddy-data-safety.csv");
        Path sampleApk = JsonSchemaAssert.projectDir().resolve("testdata/sample/weatherbuddy.apk");
        ScanCommandTest.Run r = ScanCommandTest.run("scan", sampleApk.toString(), "--data-safety", sampleCsv.toString(), "-q");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("LS601 Device or other IDs can leave the device"), r.err());
        assertTrue(r.err().contains("LS602 Device or other IDs can reach a third party, and the declaration does not say it"
                + " is shared: the SDK io.tinymetrics.sdk sends it to collect.tinymetrics.io (owner unknown)"), r.err());
        assertTrue(r.out().contains("CLEARTEXT-DESPITE-DECLARATION"), r.out());
    }

    @Test
    void aPolicyCanRequireADeclaredDataSafety(@TempDir Path dir) throws IOException {
        Path policy = dir.resolve("p.json");
        Files.writeString(policy, "{\"schema\": \"leakscan-policy/1\", \"rules\": [{\"id\": \"declared\", \"type\":"
                + " \"no-undeclared-data\", \"severity\": \"critical\", \"aspects\": [\"sharing\", \"encryption\"]}]}");
        ScanCommandTest.Run without = ScanCommandTest.run("scan", fixture(), "--policy", policy.toString(), "-q");
        assertEquals(2, without.exitCode());
        assertTrue(without.err().contains("rule 'declared' (no-undeclared-data) checks the Data safety declaration: give it"
                + " with --data-safety FILE.csv"), without.err());
        ScanCommandTest.Run with = ScanCommandTest.run("scan", fixture(), "--policy", policy.toString(), "--data-safety",
                csv("encrypted-but-http.csv"), "-f", "json", "-q");
        assertEquals(1, with.exitCode(), with.err());
        assertTrue(with.err().contains("[critical] Policy rule 'declared' (no-undeclared-data): The declaration says all"
                + " user data is encrypted"), with.err());
        assertEquals(2, ScanCommandTest.run("scan", fixture(), fixture(), "--data-safety", csv("complete.csv")).exitCode(),
                "a declaration is one app's");
    }

    @Test
    void theDraftOfAnAppReImportsWithNoUndeclaredFindings(@TempDir Path dir) throws Exception {
        Path draft = dir.resolve("out/data-safety.csv");
        ScanCommandTest.Run d = ScanCommandTest.run("data-safety", fixture(), "-o", draft.toString());
        assertEquals(0, d.exitCode(), d.err());
        assertTrue(d.err().contains("drafted 3 data types (Phone number: collected; Precise location: collected;"
                + " Device or other IDs: collected, shared)"), d.err());
        String text = Files.readString(draft);
        assertTrue(text.startsWith("Question ID (machine readable),Response ID (machine readable),Response value,"
                + "Answer requirement,Human-friendly question label\r\n"), "Play Console's header");
        assertEquals(1 + 22 + 38 + 38 * 19, text.split("\r\n").length, "every row of the form, as an export has");
        Declaration read = DataSafetyCsv.read(draft);
        assertEquals(List.of(), read.unknown());
        assertEquals(Boolean.FALSE, read.encryptedInTransit(), "the phone number goes over http");
        assertEquals(new DataSafety.Declared(true, true), read.declared(PlayDataType.DEVICE_IDS));
        String evidence = Files.readString(dir.resolve("out/data-safety-evidence.md"));
        assertTrue(evidence.contains("the SDK Mixpanel (mixpanel), by Mixpanel (US), sends it to api.mixpanel.com"), evidence);
        assertTrue(evidence.contains("http://api.leakscan.org/v1/profile: phone-number"), evidence);

        ScanCommandTest.Run check = ScanCommandTest.run("scan", fixture(), "--data-safety", draft.toString(), "-f", "json",
                "--fail-on", "info", "-q");
        JsonObject section = section(check.out());
        assertEquals(List.of(), kinds(section), "the draft declares what the code shows, no more and no less");

        // From a JSON report instead of the app: the same draft.
        Path report = dir.resolve("r.json");
        assertEquals(0, ScanCommandTest.run("scan", fixture(), "-f", "json", "-o", report.toString(), "-q").exitCode());
        ScanCommandTest.Run fromReport = ScanCommandTest.run("data-safety", report.toString(), "-q");
        assertEquals(0, fromReport.exitCode(), fromReport.err());
        assertEquals(text, fromReport.out());
    }

    @Test
    void draftingOptionsAndErrors(@TempDir Path dir) throws IOException {
        Path policy = dir.resolve("p.json");
        Files.writeString(policy, "{\"schema\": \"leakscan-policy/1\", \"firstParty\": {\"entities\": [\"mixpanel\"]},"
                + " \"rules\": []}");
        ScanCommandTest.Run ours = ScanCommandTest.run("data-safety", fixture(), "--policy", policy.toString(), "-q");
        assertEquals(0, ours.exitCode(), ours.err());
        assertFalse(ours.out().contains("PSL_DATA_USAGE_RESPONSES:PSL_DEVICE_ID:PSL_DATA_USAGE_COLLECTION_AND_SHARING,"
                + "PSL_DATA_USAGE_ONLY_SHARED,true"), "Mixpanel named as the app maker's own: nothing shared");
        assertTrue(ours.out().contains("PSL_DATA_USAGE_RESPONSES:PSL_DEVICE_ID:PSL_DATA_USAGE_COLLECTION_AND_SHARING,"
                + "PSL_DATA_USAGE_ONLY_COLLECTED,true"));
        assertEquals(3, ScanCommandTest.run("data-safety", dir.resolve("missing.apk").toString()).exitCode());
        Path notReport = dir.resolve("x.json");
        Files.writeString(notReport, "[]");
        ScanCommandTest.Run bad = ScanCommandTest.run("data-safety", notReport.toString());
        assertEquals(3, bad.exitCode());
        assertTrue(bad.err().contains("not a leakscan JSON report"), bad.err());
        assertEquals(Path.of("a/b/ds-evidence.md"), DataSafetyCommand.evidenceBeside(Path.of("a/b/ds.csv")));
    }

}
