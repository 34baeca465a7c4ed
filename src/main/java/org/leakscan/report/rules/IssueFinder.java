package org.leakscan.report.rules;

import static org.leakscan.report.ReportJson.bool;
import static org.leakscan.report.ReportJson.object;
import static org.leakscan.report.ReportJson.objects;
import static org.leakscan.report.ReportJson.string;
import static org.leakscan.report.ReportJson.strings;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leakscan.report.ApiNames;
import org.leakscan.report.ReportJson;

/**
 * Turns one app of a report (as a JSON tree, so reports of earlier runs read the same way) into
 * the findings of the built-in {@link Rule}s, sorted by rule and fingerprint.
 */
public final class IssueFinder {

    static final String MANIFEST = "AndroidManifest.xml";

    private IssueFinder() {
    }

    public static List<Issue> find(JsonObject app) {
        String key = ReportJson.appKey(app);
        List<Issue> out = new ArrayList<>();
        flows(app, key, out);
        permissions(app, key, out);
        trackers(app, key, out);
        endpoints(app, key, out);
        components(app, key, out);
        configuration(app, key, out);
        blindSpots(app, key, out);
        out.sort(Comparator.comparing((Issue i) -> i.rule().id()).thenComparing(Issue::fingerprint));
        return out;
    }

    private static void flows(JsonObject app, String key, List<Issue> out) {
        Map<String, String> names = new HashMap<>();
        for (JsonObject d : objects(object(app, "summary"), "dataTypes")) {
            names.put(string(d, "id"), string(d, "name"));
        }
        for (JsonObject flow : objects(app, "flows")) {
            JsonObject source = object(flow, "source");
            JsonObject sink = object(flow, "sink");
            String kind = string(sink, "kind");
            Rule rule = Rule.forSinkKind(kind);
            String dataType = string(flow, "dataType");
            String name = names.getOrDefault(dataType, "");
            StringBuilder m = new StringBuilder();
            m.append(name.isEmpty() ? dataType : name + " (" + dataType + ")")
                    .append(", read through ").append(ApiNames.shortApi(string(source, "api")))
                    .append(" in ").append(method(source))
                    .append(", can reach the ").append(kind).append(" sink ").append(ApiNames.shortApi(string(sink, "api")))
                    .append(" in ").append(method(sink));
            String library = string(flow, "library");
            if (!library.isEmpty()) {
                m.append(", sent by the library ").append(library);
            }
            List<String> to = new ArrayList<>();
            for (JsonObject d : objects(flow, "destinations")) {
                to.add(destination(d));
            }
            if (!to.isEmpty()) {
                m.append(", to ").append(String.join(", ", to));
            }
            m.append('.');
            String fingerprint = String.join("|", rule.id(), key, dataType, string(source, "api"), string(source, "class"),
                    string(source, "method"), string(source, "occurrence"), string(sink, "api"), string(sink, "class"),
                    string(sink, "method"), string(sink, "occurrence"));
            out.add(new Issue(rule, key, m.toString(), Issue.Where.code(string(sink, "class"), string(sink, "method")),
                    List.of(Issue.Where.code(string(source, "class"), string(source, "method"))), fingerprint, flow));
        }
    }

    private static void permissions(JsonObject app, String key, List<Issue> out) {
        for (JsonObject p : objects(app, "permissions")) {
            String name = string(p, "name");
            boolean declared = bool(p, "declared", true);
            List<String> usedBy = strings(p, "usedBy");
            if (declared && isDangerous(string(p, "protection"))) {
                out.add(new Issue(Rule.LS101, key, "Asks for the dangerous permission " + name
                        + (usedBy.isEmpty() ? " (no API call in the code needs it)" : " (needed by " + usedBy.size()
                        + " API" + (usedBy.size() == 1 ? "" : "s") + " the code calls)") + ".",
                        Issue.Where.file(MANIFEST), List.of(), Rule.LS101.id() + "|" + key + "|" + name, p));
            }
            // Reports that judged requirements by API level get LS102 from those, below.
            if (!declared && !PermissionRequirementIssues.judged(app)) {
                out.add(new Issue(Rule.LS102, key, "Code calls " + usedBy.stream().map(ApiNames::shortApi).toList()
                        + ", which need" + (usedBy.size() == 1 ? "s " : " ") + name + ", but the manifest does not ask for it.",
                        Issue.Where.file(MANIFEST), List.of(), Rule.LS102.id() + "|" + key + "|" + name, p));
            }
        }
        PermissionRequirementIssues.find(app, key, out);
    }

    /** {@code dangerous}, {@code dangerous|instant}: the base level is the first part. */
    static boolean isDangerous(String protection) {
        return protection.split("\\|")[0].equals("dangerous");
    }

    private static void trackers(JsonObject app, String key, List<Issue> out) {
        for (JsonObject t : objects(app, "trackers")) {
            String id = string(t, "id");
            String name = string(t, "name").isEmpty() ? id : string(t, "name");
            String company = string(t, "company");
            List<String> categories = strings(t, "categories");
            JsonObject evidence = object(t, "evidence");
            List<JsonObject> packages = objects(evidence, "packages");
            List<String> hosts = strings(evidence, "hosts");
            StringBuilder m = new StringBuilder("Contains the tracker ").append(name);
            if (!company.isEmpty()) {
                m.append(" (").append(company).append(')');
            }
            if (!categories.isEmpty()) {
                m.append(", categories: ").append(String.join(", ", categories));
            }
            List<String> seen = new ArrayList<>();
            for (JsonObject p : packages) {
                seen.add("code in " + string(p, "name"));
            }
            for (String h : hosts) {
                seen.add("host " + h);
            }
            for (String e : strings(evidence, "manifest")) {
                seen.add("manifest entry " + e);
            }
            if (!strings(evidence, "strings").isEmpty()) {
                seen.add(strings(evidence, "strings").size() + " distinctive string"
                        + (strings(evidence, "strings").size() == 1 ? "" : "s"));
            }
            if (!seen.isEmpty()) {
                m.append("; found by ").append(String.join(", ", seen));
            }
            m.append('.');
            Issue.Where where = packages.isEmpty() ? Issue.Where.file(MANIFEST)
                    : Issue.Where.namespace(string(packages.get(0), "name"));
            out.add(new Issue(Rule.LS201, key, m.toString(), where, List.of(),
                    Rule.LS201.id() + "|" + key + "|" + (id.isEmpty() ? name : id), t));
        }
    }

    private static void endpoints(JsonObject app, String key, List<Issue> out) {
        for (JsonObject e : objects(app, "endpoints")) {
            if (!bool(e, "cleartext", false)) {
                continue;
            }
            String value = string(e, "value").isEmpty() ? string(e, "url") : string(e, "value");
            List<Issue.Where> places = new ArrayList<>();
            for (JsonObject l : objects(e, "foundIn")) {
                places.add(where(l));
            }
            Issue.Where first = places.isEmpty() ? Issue.Where.file(MANIFEST) : places.get(0);
            String owner = ownerText(object(e, "owner"));
            out.add(new Issue(Rule.LS301, key, "Names the cleartext endpoint " + value + owner + " in "
                    + (places.size() == 1 ? first.display() : places.size() + " places, first " + first.display()) + ".",
                    first, places.size() > 1 ? places.subList(1, places.size()) : List.of(),
                    Rule.LS301.id() + "|" + key + "|" + value, e));
        }
    }

    private static Issue.Where where(JsonObject location) {
        String file = string(location, "file");
        if (!file.isEmpty()) {
            return Issue.Where.file(file);
        }
        return Issue.Where.code(string(location, "class"), ReportJson.stringOrNull(location, "method"));
    }

    private static void components(JsonObject app, String key, List<Issue> out) {
        for (JsonObject c : objects(app, "components")) {
            if (!bool(c, "exported", false) || !string(c, "permission").isEmpty()
                    || strings(c, "actions").contains("android.intent.action.MAIN")) {
                continue;
            }
            String name = string(c, "name");
            String reason = string(c, "exportedReason");
            out.add(new Issue(Rule.LS401, key, "The " + string(c, "type") + " " + name + " is exported"
                    + (reason.isEmpty() ? "" : " (" + reason + ")") + " and needs no permission"
                    + (strings(c, "actions").isEmpty() ? "" : "; it handles " + String.join(", ", strings(c, "actions"))) + ".",
                    Issue.Where.code(name, null), List.of(), Rule.LS401.id() + "|" + key + "|" + name, c));
        }
    }

    private static void configuration(JsonObject app, String key, List<Issue> out) {
        JsonObject a = object(app, "app");
        boolean hasManifest = !string(a, "package").isEmpty();
        if (bool(a, "usesCleartextTraffic", false)) {
            out.add(new Issue(Rule.LS302, key, "The manifest sets android:usesCleartextTraffic=\"true\".",
                    Issue.Where.file(MANIFEST), List.of(), Rule.LS302.id() + "|" + key, a));
        }
        if (bool(a, "debuggable", false)) {
            out.add(new Issue(Rule.LS501, key, "The manifest sets android:debuggable=\"true\".",
                    Issue.Where.file(MANIFEST), List.of(), Rule.LS501.id() + "|" + key, a));
        }
        if (hasManifest && bool(a, "allowBackup", true)) {
            out.add(new Issue(Rule.LS502, key, a.has("allowBackup") ? "The manifest sets android:allowBackup=\"true\"."
                    : "The manifest does not set android:allowBackup, which defaults to true.",
                    Issue.Where.file(MANIFEST), List.of(), Rule.LS502.id() + "|" + key, a));
        }
        for (JsonObject s : objects(app, "signing")) {
            if (bool(s, "debugCertificate", false)) {
                out.add(new Issue(Rule.LS503, key, "Signed (" + string(s, "scheme") + ") with the Android SDK debug certificate "
                        + string(s, "subject") + ".", Issue.Where.file("META-INF/"), List.of(),
                        Rule.LS503.id() + "|" + key + "|" + string(s, "sha256"), s));
            }
        }
    }

    private static void blindSpots(JsonObject app, String key, List<Issue> out) {
        for (JsonObject u : objects(app, "unanalysed")) {
            String kind = string(u, "kind");
            List<String> where = strings(u, "where");
            String message = kind.equals("data-flow-not-run")
                    ? "The data-flow analysis was not run (--no-flows): no flows were looked for."
                    : "The analysis could not follow " + kind + " in " + string(u, "count") + " place"
                    + ("1".equals(string(u, "count")) ? "" : "s") + (where.isEmpty() ? "" : ", e.g. " + where.get(0)) + ".";
            out.add(new Issue(Rule.LS901, key, message, Issue.Where.file(MANIFEST), List.of(),
                    Rule.LS901.id() + "|" + key + "|" + kind, u));
        }
    }

    /** {@code https://x/y (Example Inc, US)}, a target, or "an unresolved destination". */
    static String destination(JsonObject d) {
        if (bool(d, "unresolved", false)) {
            return "an unresolved destination";
        }
        if (!string(d, "target").isEmpty()) {
            return string(d, "target");
        }
        String where = string(d, "url").isEmpty() ? string(d, "host") : string(d, "url");
        return where + ownerText(object(d, "owner"));
    }

    private static String ownerText(JsonObject owner) {
        String name = string(owner, "name");
        String country = string(owner, "country");
        boolean knownCountry = !country.isEmpty() && !country.equals("unknown");
        if (!name.isEmpty()) {
            return " (" + name + (knownCountry ? ", " + country : "") + ")";
        }
        return knownCountry ? " (" + country + ")" : "";
    }

    private static String method(JsonObject site) {
        String m = string(site, "method");
        int paren = m.indexOf('(');
        return string(site, "class") + "." + (paren < 0 ? m : m.substring(0, paren)) + "()";
    }

}
