package org.leakscan.report.datasafety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.analysis.findings.DataSafety;
import org.leakscan.catalog.DataTypeCatalog;
import org.leakscan.report.Report;
import org.leakscan.report.ReportJson;
import org.leakscan.report.policy.Policy;
import org.leakscan.report.policy.PolicyException;
import org.leakscan.report.policy.PolicyReader;
import org.leakscan.report.policy.Receivers;
import org.leakscan.report.policy.Violation;
import org.leakscan.report.review.Review;
import org.leakscan.report.rules.Issue;
import org.leakscan.report.rules.IssueFinder;
import org.leakscan.report.rules.Rule;
import org.leakscan.report.rules.Severity;

/**
 * What counts as collection, sharing and cleartext, on a hand-written app (a report entry as the
 * contract gives it), and how the differences become rule findings, policy violations and the gate.
 */
class DataSafetyCheckTest {

    /** A flow as JSON: data type, sink kind, sending library (or null), destination URL (or null), implicit. */
    private static String flow(String dataType, String kind, String library, String url, String owner, boolean implicit) {
        String host = url == null ? null : url.replaceAll("^[a-z]+://([^/]+).*$", "$1");
        String dest = url == null ? "{\"unresolved\": true}" : "{\"host\": \"" + host + "\", \"url\": \"" + url
                + "\", \"owner\": " + (owner == null ? "{\"entity\": \"unknown\", \"country\": \"unknown\"}" : owner) + "}";
        return "{\"dataType\": \"" + dataType + "\", \"source\": {\"api\": \"A\", \"class\": \"com.shop.app.Main\", \"method\": \""
                + dataType + "()V\", \"occurrence\": 1}, \"sink\": {\"api\": \"S\", \"kind\": \"" + kind
                + "\", \"class\": \"com.shop.app.Net\", \"method\": \"" + kind + "()V\", \"occurrence\": 1},"
                + " \"destinations\": [" + (kind.equals("network") ? dest : "") + "], \"path\": [\"com.shop.app.Main.x()V\"]"
                + (library == null ? "" : ", \"library\": \"" + library + "\"") + (implicit ? ", \"implicit\": true" : "") + "}";
    }

    private static final String ADNET = "{\"entity\": \"adnet\", \"name\": \"AdNet Inc\", \"country\": \"US\"}";

    private static AppFindings app(String... flows) {
        return ReportJson.app(JsonParser.parseString("""
                {"input": {"path": "shop.apk"}, "app": {"package": "com.shop.app"},
                 "trackers": [{"id": "adnet", "name": "AdNet", "company": "AdNet Inc", "entity": "adnet", "country": "US",
                               "categories": ["advertising"]}],
                 "dataAccess": [{"dataType": "contacts", "category": "Contacts", "api": "C", "callSites": [{"class": "com.shop.app.Main", "method": "c()V"}]}],
                 "flows": [""" + String.join(",", flows) + "]}").getAsJsonObject());
    }

    private static DataSafety check(AppFindings app, String declaration) throws DataSafetyCsvException {
        return check(app, declaration, Policy.FirstParty.NONE);
    }

    private static DataSafety check(AppFindings app, String declaration, Policy.FirstParty firstParty)
            throws DataSafetyCsvException {
        return new DataSafetyCheck(DataTypeCatalog.loadDefault(), firstParty)
                .check(app, DataSafetyCsv.parse("d.csv", DataSafetyCsvTest.HEADER + declaration));
    }

    private static List<String> kinds(DataSafety d) {
        return d.findings().stream().map(f -> f.kind() + " " + (f.dataType() == null ? f.receiver().host() : f.dataType())
                + (f.kind().equals(DataSafety.UNDECLARED_SHARING) ? " " + f.receiver().basis() : "")).toList();
    }

    @Test
    void everyLeakscanDataTypeRollsUpToAPlayDataTypeOfTheForm() {
        DataTypeCatalog catalog = DataTypeCatalog.loadDefault();
        for (org.leakscan.catalog.DataType t : catalog.dataTypes()) {
            assertTrue(CodeEvidence.playType(catalog, t.id()).isPresent(), t.id() + " -> " + t.playType());
        }
        for (org.leakscan.catalog.DataCategory c : catalog.categories()) {
            for (String playType : c.playTypes()) {
                assertTrue(PlayDataType.byName(c.name(), playType).isPresent(), c.name() + " / " + playType);
            }
        }
    }

    @Test
    void onlyExplicitFlowsToOffDeviceSinksAreCollection() throws DataSafetyCsvException {
        DataSafety d = check(app(
                flow("location.precise", "network", null, "https://api.shop.com/at", null, true),
                flow("device-id.android-id", "log", null, null, null, false),
                flow("phone-number", "sms", null, null, null, false)), "");
        assertEquals(List.of("undeclared-collection PSL_PHONE"), kinds(d),
                "a branch on the location is not the location; a log line stays on the device; an SMS leaves it");
        DataSafety.DataTypeRow location = d.dataTypes().stream().filter(r -> r.id().equals("PSL_PRECISE_LOCATION"))
                .findFirst().orElseThrow();
        assertEquals(false, location.found().collected());
        assertEquals(List.of("location.precise"), location.found().dataTypes());
    }

    @Test
    void sharingIsAnSdkOrAHostThatIsNotTheAppsOwn() throws DataSafetyCsvException {
        AppFindings app = app(
                flow("device-id.android-id", "network", "adnet", null, null, false),
                flow("device-id.advertising-id", "network", "okhttp3", "https://api.shop.com/ids", null, false),
                flow("location.precise", "network", null, "https://maps.example.org/at", null, false),
                flow("location.approximate", "network", null, "https://ads.adnet.com/geo", ADNET, false));
        DataSafety d = check(app, "");
        assertEquals(List.of("undeclared-collection PSL_APPROX_LOCATION", "undeclared-sharing PSL_APPROX_LOCATION owner",
                "undeclared-collection PSL_PRECISE_LOCATION", "undeclared-sharing PSL_PRECISE_LOCATION unknown-owner",
                "undeclared-collection PSL_DEVICE_ID", "undeclared-sharing PSL_DEVICE_ID sdk"), kinds(d),
                "a library that carries data to the app's own host (api.shop.com) shares nothing");
        DataSafety.Finding sdk = d.findings().get(5);
        assertEquals("AdNet", sdk.receiver().sdk());
        assertTrue(sdk.message().contains("the SDK AdNet (adnet), by AdNet Inc (US), sends it to a destination the constants"
                + " do not give"), sdk.message());
        assertEquals(1, sdk.flowCount());
        assertEquals("device-id.android-id", sdk.flows().get(0).dataType());

        Policy.FirstParty ours = new Policy.FirstParty(List.of("example.org"), List.of("adnet"));
        assertEquals(List.of("undeclared-collection PSL_APPROX_LOCATION", "undeclared-collection PSL_PRECISE_LOCATION",
                        "undeclared-collection PSL_DEVICE_ID", "undeclared-sharing PSL_DEVICE_ID sdk"),
                kinds(check(app, "", ours)), "first-party domains and entities are not third parties; an SDK sending"
                        + " where the constants do not say still is one");
    }

    @Test
    void declaredTypesAreCompared() throws DataSafetyCsvException {
        AppFindings app = app(flow("device-id.android-id", "network", "adnet", "https://ads.adnet.com/x", ADNET, false));
        String collectedAndShared = """
                PSL_DATA_TYPES_IDENTIFIERS,PSL_DEVICE_ID,true,MULTIPLE_CHOICE,x
                PSL_DATA_USAGE_RESPONSES:PSL_DEVICE_ID:PSL_DATA_USAGE_COLLECTION_AND_SHARING,PSL_DATA_USAGE_ONLY_COLLECTED,true,MULTIPLE_CHOICE,x
                PSL_DATA_USAGE_RESPONSES:PSL_DEVICE_ID:PSL_DATA_USAGE_COLLECTION_AND_SHARING,PSL_DATA_USAGE_ONLY_SHARED,true,MULTIPLE_CHOICE,x
                """;
        assertEquals(List.of(), kinds(check(app, collectedAndShared)));
        DataSafety onlyCollected = check(app, collectedAndShared.replace("ONLY_SHARED,true", "ONLY_SHARED,false"));
        assertEquals(List.of("undeclared-sharing PSL_DEVICE_ID sdk"), kinds(onlyCollected));
        assertTrue(onlyCollected.findings().get(0).message().contains("sends it to ads.adnet.com (AdNet Inc, US)"),
                onlyCollected.findings().get(0).message());
    }

    @Test
    void declaredWithoutEvidenceIsInformationSayingWhetherTheCodeReadsIt() throws DataSafetyCsvException {
        DataSafety d = check(app(), """
                PSL_DATA_TYPES_CONTACTS,PSL_CONTACTS,true,MULTIPLE_CHOICE,x
                PSL_DATA_TYPES_CALENDAR,PSL_CALENDAR,true,MULTIPLE_CHOICE,x
                """);
        assertEquals(List.of("declared-without-evidence PSL_CONTACTS", "declared-without-evidence PSL_CALENDAR"), kinds(d),
                "in the form's order");
        assertTrue(d.findings().get(0).message().contains("(it reads it at 1 call site)"), d.findings().get(0).message());
        assertTrue(d.findings().get(1).message().contains("nor reads it through an API leakscan knows. Static analysis"
                + " cannot prove absence"), d.findings().get(1).message());
        List<Issue> issues = IssueFinder.find(app().withDataSafety(d)).stream().filter(i -> i.rule().isDeclarationRule())
                .toList();
        assertEquals(List.of(Rule.LS604, Rule.LS604), issues.stream().map(Issue::rule).toList());
        assertEquals("d.csv", issues.get(0).where().file(), "no flow: the declaration is the place");
        assertEquals(List.of(), Review.none(report(app().withDataSafety(d))).failures(), "information never fails by default");
    }

    @Test
    void cleartextCountsOnlyAgainstADeclaredEncryptionOnePerHost() throws DataSafetyCsvException {
        AppFindings app = app(
                flow("location.precise", "network", null, "http://api.shop.com/at", null, false),
                flow("phone-number", "network", null, "http://api.shop.com/me", null, false),
                flow("device-id.android-id", "network", null, "https://api.shop.com/id", null, false));
        String declared = """
                PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT,,%s,MAYBE_REQUIRED,x
                PSL_DATA_TYPES_LOCATION,PSL_PRECISE_LOCATION,true,MULTIPLE_CHOICE,x
                PSL_DATA_TYPES_PERSONAL,PSL_PHONE,true,MULTIPLE_CHOICE,x
                PSL_DATA_TYPES_IDENTIFIERS,PSL_DEVICE_ID,true,MULTIPLE_CHOICE,x
                """;
        assertEquals(List.of(), kinds(check(app, declared.formatted("false"))));
        DataSafety d = check(app, declared.formatted("true"));
        assertEquals(List.of("cleartext-despite-declaration api.shop.com"), kinds(d));
        DataSafety.Finding f = d.findings().get(0);
        assertEquals("Phone number, Precise location", f.name());
        assertEquals(2, f.flowCount());
        assertTrue(f.message().contains("can be sent in cleartext to http://api.shop.com/"), f.message());
    }

    @Test
    void differencesBecomeRuleFindingsThatGateByThemselves() throws DataSafetyCsvException, PolicyException {
        AppFindings app = app(flow("device-id.android-id", "network", "adnet", "https://ads.adnet.com/x", ADNET, false));
        AppFindings checked = app.withDataSafety(check(app, ""));
        List<Issue> issues = IssueFinder.find(checked).stream().filter(i -> i.rule().isDeclarationRule()).toList();
        assertEquals(List.of("LS601|com.shop.app|PSL_DEVICE_ID", "LS602|com.shop.app|PSL_DEVICE_ID|adnet"),
                issues.stream().map(Issue::fingerprint).toList());
        assertEquals("com.shop.app.Net", issues.get(0).where().className(), "located at the sink of the first flow");

        Report report = report(checked);
        List<String> failures = Review.none(report).failures();
        assertEquals(2, failures.size(), failures.toString());
        assertTrue(failures.get(0).startsWith("com.shop.app: [high] LS601 Device or other IDs can leave the device"),
                failures.get(0));
        assertEquals(List.of(), Review.of(report, null, null, Severity.CRITICAL).failures(), "--fail-on tunes it");

        Policy policy = PolicyReader.parse("p.json", """
                {"schema": "leakscan-policy/1", "rules": [
                  {"id": "declare-what-you-share", "type": "no-undeclared-data", "severity": "critical", "aspects": ["sharing"]},
                  {"id": "declare-locations", "type": "no-undeclared-data", "severity": "low", "dataTypes": ["Location"]}]}""");
        Review review = Review.of(report, policy, null, null);
        List<Violation> violations = review.apps().get(0).violations();
        assertEquals(List.of("declare-what-you-share LS602"),
                violations.stream().map(v -> v.rule().id() + " " + v.issue().rule().id()).toList());
        List<String> lines = review.failures();
        assertEquals(2, lines.size(), "the violation once, and LS601 by itself: " + lines);
        assertTrue(lines.get(0).startsWith("com.shop.app: [critical] Policy rule 'declare-what-you-share'"), lines.get(0));
        assertTrue(lines.get(1).startsWith("com.shop.app: [high] LS601 "), lines.get(1));
    }

    @Test
    void analysisErrorsAreNotedSinceFlowsMayBeMissing() throws DataSafetyCsvException {
        Report withError = new Report(Report.SCHEMA, new Report.Tool("leakscan", "TEST"), List.of(app()),
                List.of(new org.leakscan.report.ErrorEntry("shop.apk", "[data-flow] pass failed", null, null, null, null, null)));
        DataSafety d = new DataSafetyCheck(DataTypeCatalog.loadDefault(), Policy.FirstParty.NONE)
                .apply(withError, DataSafetyCsv.parse("d.csv", DataSafetyCsvTest.HEADER)).apps().get(0).dataSafety();
        assertEquals(List.of("the analysis met 1 error (see errors): flows, and so collection and sharing, may be missing"),
                d.notes());
        assertTrue(new DataSafetyDraft(DataTypeCatalog.loadDefault(), Policy.FirstParty.NONE).draft(app(), "TEST", 2)
                .evidence().contains("> The analysis met 2 errors (see errors)"));
    }

    @Test
    void receiversDescribeThemselvesAsPoliciesDid() {
        assertEquals("the sending code is the library com.adnet",
                Receivers.describe(new DataSafety.Receiver("com.adnet", null, null, null, Receivers.SDK)));
        assertEquals("x.cn (owned by Metrics Co) is not the app's own", Receivers.describe(new DataSafety.Receiver(
                null, null, "x.cn", new org.leakscan.analysis.findings.Owner("metrics", "Metrics Co", "CN"), Receivers.OWNER)));
        assertEquals("y.io (owner unknown) is not the app's own", Receivers.describe(new DataSafety.Receiver(
                null, null, "y.io", org.leakscan.analysis.findings.Owner.NONE, Receivers.UNKNOWN_OWNER)));
    }

    private static Report report(AppFindings app) {
        return new Report(Report.SCHEMA, new Report.Tool("leakscan", "TEST"), List.of(app), List.of());
    }
}
