package org.leakscan.report.diff;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.analysis.findings.AppInfo;
import org.leakscan.analysis.findings.Flow;
import org.leakscan.analysis.findings.PermissionFinding;
import org.leakscan.report.Report;
import org.leakscan.report.ReportJson;
import org.leakscan.report.rules.IssueFinder;

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

    public static ReportDiff of(String oldFile, Report older, String newFile, Report newer) {
        List<AppFindings> olds = older.apps();
        List<AppFindings> news = newer.apps();
        List<AppDiff> out = new ArrayList<>();
        if (olds.size() == 1 && news.size() == 1) {
            out.add(diff(olds.get(0), news.get(0)));
        } else {
            Map<String, AppFindings> byKey = new LinkedHashMap<>();
            for (AppFindings a : olds) {
                byKey.putIfAbsent(ReportJson.appKey(a), a);
            }
            List<String> paired = new ArrayList<>();
            for (AppFindings n : news) {
                String key = ReportJson.appKey(n);
                AppFindings o = byKey.get(key);
                out.add(o == null ? diff(null, n) : diff(o, n));
                paired.add(key);
            }
            for (Map.Entry<String, AppFindings> e : byKey.entrySet()) {
                if (!paired.contains(e.getKey())) {
                    out.add(diff(e.getValue(), null));
                }
            }
        }
        return new ReportDiff(SCHEMA, oldFile, newFile, out);
    }

    /** Two report trees: read into the records first ({@link ReportJson#fromTree}). */
    public static ReportDiff of(String oldFile, JsonObject older, String newFile, JsonObject newer) {
        return of(oldFile, ReportJson.fromTree(older), newFile, ReportJson.fromTree(newer));
    }

    private static AppDiff diff(AppFindings older, AppFindings newer) {
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

    private static Version version(AppFindings app) {
        if (app == null) {
            return null;
        }
        AppInfo a = app.app() != null ? app.app() : AppInfo.NONE;
        return new Version(a.versionName(), a.versionCode(), app.input() == null ? null : app.input().sha256());
    }

    /** The keys of one aspect of an app; empty for a missing app. */
    static TreeSet<String> keys(AppFindings app, String aspect) {
        TreeSet<String> out = new TreeSet<>();
        if (app == null) {
            return out;
        }
        switch (aspect) {
            case "dataTypes" -> {
                app.dataAccess().forEach(d -> out.add(text(d.dataType())));
                app.flows().forEach(f -> out.add(text(f.dataType())));
            }
            case "destinations" -> {
                for (Flow f : app.flows()) {
                    for (Flow.Destination d : f.destinations()) {
                        if (!text(d.host()).isEmpty()) {
                            out.add(d.host() + IssueFinder.ownerText(d.owner()));
                        }
                    }
                }
            }
            case "trackers" -> app.trackers().forEach(t -> out.add(text(t.id()).isEmpty()
                    ? text(t.name()) : t.id() + (text(t.name()).isEmpty() ? "" : " (" + t.name() + ")")));
            case "permissions" -> app.permissions().stream()
                    .filter(PermissionFinding::declared).forEach(p -> out.add(text(p.name())));
            case "flows" -> {
                for (Flow f : app.flows()) {
                    List<String> hosts = new ArrayList<>();
                    for (Flow.Destination d : f.destinations()) {
                        hosts.add(d.isUnresolved() ? "?" : text(d.host()).isEmpty() ? text(d.target()) : d.host());
                    }
                    Flow.Source source = f.source() != null ? f.source() : new Flow.Source(null, null, null, 0);
                    Flow.Sink sink = f.sink() != null ? f.sink() : new Flow.Sink(null, null, null, null, null, 0);
                    out.add(text(f.dataType()) + " -> " + text(sink.kind()) + ": " + method(source.className(), source.method())
                            + " -> " + method(sink.className(), sink.method())
                            + (hosts.isEmpty() ? "" : " to " + String.join(", ", new TreeSet<>(hosts))));
                }
            }
            case "endpoints" -> app.endpoints().forEach(e -> out.add(text(e.value())));
            default -> throw new IllegalArgumentException(aspect);
        }
        out.remove("");
        return out;
    }

    private static String method(String className, String method) {
        String m = text(method);
        int paren = m.indexOf('(');
        return text(className) + "." + (paren < 0 ? m : m.substring(0, paren));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** True when some app changed, appeared or disappeared. */
    public boolean hasChanges() {
        return apps.stream().anyMatch(a -> !a.status().equals("unchanged"));
    }
}
