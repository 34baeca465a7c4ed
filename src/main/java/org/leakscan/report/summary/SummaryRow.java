package org.leakscan.report.summary;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.analysis.findings.Summary;
import org.leakscan.analysis.findings.TrackerFinding;
import org.leakscan.report.ErrorEntry;
import org.leakscan.report.ExitCode;
import org.leakscan.report.rules.Issue;

/**
 * The summary row of one app: input, package and version, SHA-256, status, counts, trackers, the
 * data types that can leave, the destinations with owner and country, the built-in rules' findings,
 * time, errors and report files. Fields that need findings are absent when the app could not be
 * read at all.
 */
public final class SummaryRow {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private SummaryRow() {
    }

    /**
     * The row as one JSON line.
     *
     * @param input   the input as the run names it
     * @param f       the findings, or null when the app could not be read
     * @param errors  every error met on the app (analysis and writing)
     * @param exit    the app's exit code (see {@link ExitCode#worse})
     * @param issues  the built-in rules' findings on the app
     * @param reports the report files written for it
     * @param seconds how long it took
     */
    public static String line(String input, AppFindings f, List<ErrorEntry> errors, int exit, List<Issue> issues,
                              List<String> reports, double seconds) {
        return GSON.toJson(of(input, f, errors, exit, issues, reports, seconds));
    }

    /** The row as a JSON object, in column order (see {@link #line}). */
    public static JsonObject of(String input, AppFindings f, List<ErrorEntry> errors, int exit, List<Issue> issues,
                                List<String> reports, double seconds) {
        JsonObject o = new JsonObject();
        o.addProperty("input", input);
        if (f != null) {
            if (f.app().packageName() != null) {
                o.addProperty("package", f.app().packageName());
            }
            if (f.app().versionName() != null) {
                o.addProperty("versionName", f.app().versionName());
            }
            if (f.app().versionCode() != null) {
                o.addProperty("versionCode", f.app().versionCode());
            }
            o.addProperty("format", f.input().format());
            o.addProperty("sha256", f.input().sha256());
            o.addProperty("sizeBytes", f.input().sizeBytes());
        }
        o.addProperty("status", exit == ExitCode.OK.code() ? "ok" : f == null ? "failed"
                : exit == ExitCode.POLICY_VIOLATED.code() ? "policy-violated" : "errors");
        o.addProperty("exitCode", exit);
        if (f != null) {
            JsonObject counts = new JsonObject();
            counts.addProperty("permissions", f.permissions().size());
            counts.addProperty("components", f.components().size());
            counts.addProperty("trackers", f.trackers().size());
            counts.addProperty("endpoints", f.endpoints().size());
            counts.addProperty("dataAccess", f.dataAccess().size());
            counts.addProperty("flows", f.flows().size());
            counts.addProperty("classes", f.stats().classes());
            o.add("counts", counts);
            JsonArray trackers = new JsonArray();
            for (TrackerFinding t : f.trackers()) {
                trackers.add(t.id());
            }
            o.add("trackers", trackers);
            o.add("dataTypesLeaving", leaving(f.summary()));
            o.add("destinations", destinations(f.summary()));
            o.add("findings", findings(issues));
        }
        o.addProperty("seconds", Math.round(seconds * 1000) / 1000.0);
        JsonArray errs = new JsonArray();
        for (ErrorEntry e : errors) {
            errs.add(e.oneLine());
        }
        o.add("errors", errs);
        JsonArray files = new JsonArray();
        reports.forEach(files::add);
        o.add("reports", files);
        return o;
    }

    /** The data types some flow carries to a sink, in the summary's order (Play's Data safety form). */
    private static JsonArray leaving(Summary summary) {
        JsonArray out = new JsonArray();
        if (summary != null) {
            for (Summary.DataTypeSummary t : summary.dataTypes()) {
                if (!t.sinks().isEmpty()) {
                    out.add(t.id());
                }
            }
        }
        return out;
    }

    /** The hosts flows reach, each with its owner's entity id and name and its country. */
    private static JsonArray destinations(Summary summary) {
        JsonArray out = new JsonArray();
        if (summary != null) {
            for (Summary.DestinationSummary d : summary.destinations()) {
                if (Boolean.TRUE.equals(d.unresolved())) {
                    continue;
                }
                JsonObject o = new JsonObject();
                o.addProperty("host", d.host());
                o.addProperty("entity", d.entity());
                o.addProperty("owner", d.name());
                o.addProperty("country", d.country());
                out.add(o);
            }
        }
        return out;
    }

    /** One entry per rule with findings: its id, severity and how many. */
    private static JsonArray findings(List<Issue> issues) {
        Map<String, JsonObject> byRule = new TreeMap<>();
        for (Issue i : issues) {
            JsonObject o = byRule.computeIfAbsent(i.rule().id(), id -> {
                JsonObject r = new JsonObject();
                r.addProperty("rule", id);
                r.addProperty("severity", i.rule().severity().id());
                r.addProperty("count", 0);
                return r;
            });
            o.addProperty("count", o.get("count").getAsInt() + 1);
        }
        JsonArray out = new JsonArray();
        byRule.values().forEach(out::add);
        return out;
    }
}
