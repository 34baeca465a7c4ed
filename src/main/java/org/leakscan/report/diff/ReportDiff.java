package org.leakscan.report.diff;

import static org.leakscan.report.ReportJson.object;
import static org.leakscan.report.ReportJson.objects;
import static org.leakscan.report.ReportJson.string;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.leakscan.report.ReportJson;

/**
 * What changed between two reports of an app (two versions, or two runs): the data types its
 * code reads, where data goes, trackers, declared permissions, flows and endpoints, each as sets
 * of stable keys added and removed. Apps are paired by package (or input file name); two reports
 * of one app each are paired whatever their keys.
 *
 * @param schema  {@value #SCHEMA}
 * @param oldFile the older report, as named
 * @param newFile the newer report, as named
 * @param apps    one entry per app found in either report
 */
public record ReportDiff(String schema, String oldFile, String newFile, List<AppDiff> apps) {

    public static final String SCHEMA = "leakscan-diff/1";

    /** The aspects compared, in output order. */
    public static final List<String> ASPECTS = List.of("dataTypes", "destinations", "trackers", "permissions", "flows",
            "endpoints");

    public ReportDiff {
        apps = List.copyOf(apps);
    }

    /**
     * One app: its identity in each report ({@code old}/{@code new} null when it is only in one),
     * {@code status} ({@code changed}, {@code unchanged}, {@code added}, {@code removed}), and per
     * aspect what was added and removed (aspects without change are left out).
     */
    public record AppDiff(String app, Version old, @com.google.gson.annotations.SerializedName("new") Version current,
                          String status, Map<String, Change> changes) {
    }

    /** Which build of the app a report describes. */
    public record Version(String versionName, Long versionCode, String sha256) {
    }

    /** Keys only in the newer report, and keys only in the older one, sorted. */
    public record Change(List<String> added, List<String> removed) {
    }

    public static ReportDiff of(String oldFile, JsonObject older, String newFile, JsonObject newer) {
        List<JsonObject> olds = ReportJson.apps(older);
        List<JsonObject> news = ReportJson.apps(newer);
        List<AppDiff> out = new ArrayList<>();
        if (olds.size() == 1 && news.size() == 1) {
            out.add(diff(olds.get(0), news.get(0)));
        } else {
            Map<String, JsonObject> byKey = new LinkedHashMap<>();
            for (JsonObject a : olds) {
                byKey.putIfAbsent(ReportJson.appKey(a), a);
            }
            List<String> paired = new ArrayList<>();
            for (JsonObject n : news) {
                String key = ReportJson.appKey(n);
                JsonObject o = byKey.get(key);
                out.add(o == null ? diff(null, n) : diff(o, n));
                paired.add(key);
            }
            for (Map.Entry<String, JsonObject> e : byKey.entrySet()) {
                if (!paired.contains(e.getKey())) {
                    out.add(diff(e.getValue(), null));
                }
            }
        }
        return new ReportDiff(SCHEMA, oldFile, newFile, out);
    }

    private static AppDiff diff(JsonObject older, JsonObject newer) {
        String key = ReportJson.appKey(newer != null ? newer : older);
        Map<String, Change> changes = new LinkedHashMap<>();
        for (String aspect : ASPECTS) {
            TreeSet<String> before = keys(older, aspect);
            TreeSet<String> after = keys(newer, aspect);
            List<String> added = after.stream().filter(k -> !before.contains(k)).toList();
            List<String> removed = before.stream().filter(k -> !after.contains(k)).toList();
            if (!added.isEmpty() || !removed.isEmpty()) {
                changes.put(aspect, new Change(added, removed));
            }
        }
        String status = older == null ? "added" : newer == null ? "removed" : changes.isEmpty() ? "unchanged" : "changed";
        return new AppDiff(key, version(older), version(newer), status, changes);
    }

    private static Version version(JsonObject app) {
        if (app == null) {
            return null;
        }
        JsonObject a = object(app, "app");
        Long code = a.has("versionCode") && a.get("versionCode").isJsonPrimitive() ? a.get("versionCode").getAsLong() : null;
        return new Version(ReportJson.stringOrNull(a, "versionName"), code,
                ReportJson.stringOrNull(object(app, "input"), "sha256"));
    }

    /** The keys of one aspect of an app; empty for a missing app. */
    static TreeSet<String> keys(JsonObject app, String aspect) {
        TreeSet<String> out = new TreeSet<>();
        if (app == null) {
            return out;
        }
        switch (aspect) {
            case "dataTypes" -> {
                objects(app, "dataAccess").forEach(d -> out.add(string(d, "dataType")));
                objects(app, "flows").forEach(f -> out.add(string(f, "dataType")));
            }
            case "destinations" -> {
                for (JsonObject f : objects(app, "flows")) {
                    for (JsonObject d : objects(f, "destinations")) {
                        if (!string(d, "host").isEmpty()) {
                            out.add(string(d, "host") + owner(object(d, "owner")));
                        }
                    }
                }
            }
            case "trackers" -> objects(app, "trackers").forEach(t -> out.add(string(t, "id").isEmpty()
                    ? string(t, "name") : string(t, "id") + (string(t, "name").isEmpty() ? "" : " (" + string(t, "name") + ")")));
            case "permissions" -> objects(app, "permissions").stream()
                    .filter(p -> ReportJson.bool(p, "declared", true)).forEach(p -> out.add(string(p, "name")));
            case "flows" -> {
                for (JsonObject f : objects(app, "flows")) {
                    JsonObject sink = object(f, "sink");
                    JsonObject source = object(f, "source");
                    List<String> hosts = new ArrayList<>();
                    for (JsonObject d : objects(f, "destinations")) {
                        hosts.add(ReportJson.bool(d, "unresolved", false) ? "?" : string(d, "host").isEmpty()
                                ? string(d, "target") : string(d, "host"));
                    }
                    out.add(string(f, "dataType") + " -> " + string(sink, "kind") + ": " + method(source) + " -> "
                            + method(sink) + (hosts.isEmpty() ? "" : " to " + String.join(", ", new TreeSet<>(hosts))));
                }
            }
            case "endpoints" -> objects(app, "endpoints").forEach(e -> out.add(string(e, "value")));
            default -> throw new IllegalArgumentException(aspect);
        }
        out.remove("");
        return out;
    }

    private static String owner(JsonObject owner) {
        String name = string(owner, "name");
        String country = string(owner, "country");
        boolean known = !country.isEmpty() && !"unknown".equals(country);
        return name.isEmpty() ? (known ? " (" + country + ")" : "") : " (" + name + (known ? ", " + country : "") + ")";
    }

    private static String method(JsonObject site) {
        String m = string(site, "method");
        int paren = m.indexOf('(');
        return string(site, "class") + "." + (paren < 0 ? m : m.substring(0, paren));
    }

    /** True when some app changed, appeared or disappeared. */
    public boolean hasChanges() {
        return apps.stream().anyMatch(a -> !a.status().equals("unchanged"));
    }
}
