package org.leakscan.report.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leakscan.analysis.findings.Flow;
import org.leakscan.report.rules.IssueFinder;

/**
 * Each policy rule type on a hand-written app (a JSON report entry, as the report contract
 * gives it, including trackers and destination owners), positive and negative.
 */
class PolicyEvaluatorTest {

    /** An app with flows to its own host, to a third party, from a library, and to nowhere known. */
    static final JsonObject APP = JsonParser.parseString("""
            {"input": {"path": "shop.apk"},
             "app": {"package": "com.shop.app", "debuggable": true, "allowBackup": false},
             "permissions": [
               {"name": "android.permission.CAMERA", "declared": true, "protection": "dangerous", "usedBy": []},
               {"name": "android.permission.READ_CONTACTS", "declared": true, "protection": "dangerous", "usedBy": []},
               {"name": "android.permission.INTERNET", "declared": true, "protection": "normal", "usedBy": []}],
             "trackers": [
               {"id": "adnet", "name": "AdNet", "company": "AdNet Inc", "entity": "adnet", "country": "US",
                "categories": ["Advertising"], "evidence": {"packages": [{"name": "com.adnet", "classes": 12}], "hosts": []}},
               {"id": "crashy", "name": "Crashy", "categories": ["crash-reporting"], "evidence": {"packages": [], "hosts": ["crashy.io"]}}],
             "endpoints": [
               {"kind": "url", "url": "http://shop.com/x", "host": "shop.com", "scheme": "http", "cleartext": true, "value": "http://shop.com/x",
                "foundIn": [{"class": "com.shop.app.Api", "method": "x()V"}]},
               {"kind": "url", "url": "https://shop.com/y", "host": "shop.com", "scheme": "https", "cleartext": false, "value": "https://shop.com/y", "foundIn": []}],
             "dataAccess": [{"dataType": "location.precise", "category": "Location", "api": "L;->a()V", "callSites": []}],
             "flows": [
               {"dataType": "device-id.android-id", "source": {"api": "A", "class": "com.shop.app.Main", "method": "a()V", "occurrence": 1},
                "sink": {"api": "S", "kind": "network", "class": "com.shop.app.Api", "method": "send()V", "occurrence": 1},
                "destinations": [{"host": "api.shop.com", "url": "https://api.shop.com/v1", "owner": {"entity": "unknown", "country": "unknown"}}], "path": []},
               {"dataType": "location.precise", "source": {"api": "A", "class": "com.shop.app.Main", "method": "b()V", "occurrence": 1},
                "sink": {"api": "S", "kind": "network", "class": "com.shop.app.Api", "method": "send()V", "occurrence": 2},
                "destinations": [{"host": "collect.metrics.cn", "url": "https://collect.metrics.cn/", "owner": {"entity": "metrics", "name": "Metrics Co", "country": "CN"}}], "path": []},
               {"dataType": "device-id.imei", "source": {"api": "A", "class": "com.adnet.Sdk", "method": "c()V", "occurrence": 1},
                "sink": {"api": "S", "kind": "network", "class": "com.adnet.Sdk", "method": "up()V", "occurrence": 1},
                "destinations": [{"unresolved": true}], "library": "com.adnet", "path": []},
               {"dataType": "device-id.serial", "source": {"api": "A", "class": "com.shop.app.Main", "method": "d()V", "occurrence": 1},
                "sink": {"api": "S", "kind": "network", "class": "com.shop.app.Api", "method": "raw()V", "occurrence": 1},
                "destinations": [{"unresolved": true}], "path": []},
               {"dataType": "device-id.imei", "source": {"api": "A", "class": "com.shop.app.Main", "method": "e()V", "occurrence": 1},
                "sink": {"api": "S", "kind": "log", "class": "com.shop.app.Main", "method": "e()V", "occurrence": 1},
                "destinations": [], "path": []}],
             "signing": [{"scheme": "v1", "sha256": "ab", "subject": "CN=Android Debug", "debugCertificate": true}],
             "components": [], "unanalysed": []}
            """).getAsJsonObject();

    private static List<Violation> violations(String rules) throws PolicyException {
        Policy p = PolicyReader.parse("t.json", "{\"schema\": \"leakscan-policy/1\", " + rules + "}");
        return new PolicyEvaluator(p).evaluate(APP, IssueFinder.find(APP));
    }

    private static List<String> sinkMethods(List<Violation> vs) {
        return vs.stream().map(v -> ((Flow) v.issue().evidence()).source().method()).sorted().toList();
    }

    @Test
    void thirdPartyMeansALibrarySendsOrTheHostIsNotTheAppsOwn() throws PolicyException {
        List<Violation> vs = violations("""
                "rules": [{"id": "r", "type": "no-flow", "severity": "high", "dataTypes": ["device-id", "location"],
                           "sinks": ["network"], "to": "third-party"}]""");
        // a(): api.shop.com is com.shop's own; b(): metrics.cn is not; c(): a library sends;
        // d(): the app's own code to an unresolved host cannot be called third party; e(): a log sink.
        assertEquals(List.of("b()V", "c()V"), sinkMethods(vs));
        String messages = String.join("\n", vs.stream().map(Violation::message).toList());
        assertTrue(messages.contains("collect.metrics.cn (owned by Metrics Co) is not the app's own"), messages);
        assertTrue(messages.contains("the library com.adnet"), messages);
    }

    @Test
    void firstPartyEntitiesAndDomainsComeFromThePolicyToo() throws PolicyException {
        List<Violation> vs = violations("""
                "firstParty": {"entities": ["metrics"]},
                "rules": [{"id": "r", "type": "no-flow", "severity": "high", "to": "third-party"}]""");
        assertEquals(List.of("c()V"), sinkMethods(vs));
    }

    @Test
    void anyReceiverAndCategoryNamesMatch() throws PolicyException {
        assertEquals(List.of("b()V"), sinkMethods(violations("""
                "rules": [{"id": "r", "type": "no-flow", "severity": "high", "dataTypes": ["Location"]}]""")));
        assertEquals(List.of("e()V"), sinkMethods(violations("""
                "rules": [{"id": "r", "type": "no-flow", "severity": "high", "dataTypes": ["device-id.imei"], "sinks": ["log"]}]""")));
        assertEquals(5, violations("""
                "rules": [{"id": "r", "type": "no-flow", "severity": "low"}]""").size());
    }

    @Test
    void trackersByCategoryAnyCaseOrById() throws PolicyException {
        List<Violation> ads = violations("""
                "rules": [{"id": "r", "type": "no-tracker", "severity": "high", "categories": ["advertising"]}]""");
        assertEquals(1, ads.size());
        assertTrue(ads.get(0).message().contains("AdNet"), ads.get(0).message());
        assertEquals(2, violations("""
                "rules": [{"id": "r", "type": "no-tracker", "severity": "high"}]""").size());
        assertEquals(1, violations("""
                "rules": [{"id": "r", "type": "no-tracker", "severity": "high", "trackers": ["crashy"]}]""").size());
    }

    @Test
    void destinationCountries() throws PolicyException {
        List<Violation> vs = violations("""
                "rules": [{"id": "r", "type": "no-destination-country", "severity": "critical", "countries": ["cn"]}]""");
        assertEquals(List.of("b()V"), sinkMethods(vs));
        assertTrue(vs.get(0).message().contains("collect.metrics.cn is in CN"));
        assertEquals(0, violations("""
                "rules": [{"id": "r", "type": "no-destination-country", "severity": "critical", "countries": ["RU"]}]""").size());
    }

    @Test
    void cleartextPermissionsAndBuiltInRules() throws PolicyException {
        assertEquals(1, violations("""
                "rules": [{"id": "r", "type": "no-cleartext", "severity": "medium"}]""").size());
        List<Violation> perms = violations("""
                "rules": [{"id": "r", "type": "dangerous-permissions", "severity": "medium", "allow": ["android.permission.CAMERA"]}]""");
        assertEquals(1, perms.size());
        assertTrue(perms.get(0).message().contains("READ_CONTACTS"));
        List<Violation> release = violations("""
                "rules": [{"id": "r", "type": "no-finding", "severity": "critical", "rules": ["LS501", "LS503", "LS502"]}]""");
        assertEquals(List.of("LS501", "LS503"), release.stream().map(v -> v.issue().rule().id()).toList(),
                "allowBackup is false here, so LS502 has no finding");
    }
}
