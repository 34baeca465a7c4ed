package org.leakscan.report.rules;

import static org.leakscan.report.ReportJson.bool;
import static org.leakscan.report.ReportJson.objects;
import static org.leakscan.report.ReportJson.string;
import static org.leakscan.report.ReportJson.strings;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.leakscan.report.ApiNames;

/**
 * The LS102 and LS103 findings of one app, from its judged permission requirements
 * ({@code permissionRequirements} in the report): one LS102 per plain requirement the manifest
 * does not meet ("needs one of …" once for alternatives), one LS103 per requirement that only
 * privileged apps can meet. Conditional requirements are not findings. Fingerprints of a single
 * missing permission stay {@code LS102|app|permission}, as in reports before the requirements
 * were judged.
 */
final class PermissionRequirementIssues {

    private static final String SHORT = "android.permission.";

    private PermissionRequirementIssues() {
    }

    /** True when the report judged the requirements (reports of earlier runs did not). */
    static boolean judged(JsonObject app) {
        return app.has("permissionRequirements");
    }

    static void find(JsonObject app, String key, List<Issue> out) {
        for (JsonObject r : objects(app, "permissionRequirements")) {
            switch (string(r, "status")) {
                case "not-declared" -> out.add(notDeclared(r, key));
                case "privileged-only" -> out.add(privilegedOnly(r, key));
                default -> {
                }
            }
        }
    }

    private static Issue notDeclared(JsonObject r, String key) {
        List<String> apis = strings(r, "apis");
        List<JsonObject> unmet = objects(r, "unmet");
        StringBuilder m = new StringBuilder("Code ").append(doing(apis)).append(where(r)).append(", which need")
                .append(apis.size() == 1 ? "s " : " ").append(unmetText(unmet)).append(", but the manifest ");
        boolean alternatives = unmet.size() == 1 && strings(unmet.get(0), "allOf").isEmpty()
                && strings(unmet.get(0), "anyOf").size() > 1;
        boolean single = unmet.size() == 1 && permissionCount(unmet.get(0)) == 1;
        m.append(alternatives ? "asks for none of them" : single ? "does not ask for it" : "does not ask for them").append('.');
        String fingerprint;
        if (single && strings(unmet.get(0), "anyOf").isEmpty()) {
            fingerprint = Rule.LS102.id() + "|" + key + "|" + strings(unmet.get(0), "allOf").get(0);
        } else {
            List<String> parts = new ArrayList<>();
            for (JsonObject u : unmet) {
                parts.add(String.join("+", strings(u, "allOf"))
                        + (strings(u, "anyOf").isEmpty() ? "" : "|anyOf:" + String.join("|", strings(u, "anyOf"))));
            }
            fingerprint = Rule.LS102.id() + "|" + key + "|" + String.join(",", parts);
        }
        return new Issue(Rule.LS102, key, m.toString(), Issue.Where.file(IssueFinder.MANIFEST), List.of(), fingerprint, r);
    }

    private static Issue privilegedOnly(JsonObject r, String key) {
        List<String> apis = strings(r, "apis");
        List<JsonObject> unmet = objects(r, "unmet");
        List<String> names = new ArrayList<>();
        List<String> needs = new ArrayList<>();
        for (JsonObject u : unmet) {
            names.addAll(strings(u, "allOf"));
            names.addAll(strings(u, "anyOf"));
            needs.add(levels(objects(u, "levels")) + " (it needs " + requirement(strings(u, "allOf"), strings(u, "anyOf"))
                    + ")");
        }
        StringBuilder m = new StringBuilder("Code ").append(doing(apis)).append(where(r))
                .append(", which only privileged or system apps can use on ").append(String.join(" and on ", needs));
        List<String> notes = strings(r, "notes");
        if (!notes.isEmpty()) {
            m.append(": ").append(notes.get(0));
        } else {
            m.append('.');
        }
        List<Issue.Where> places = new ArrayList<>();
        for (JsonObject c : objects(r, "callers")) {
            places.add(Issue.Where.code(string(c, "class"), string(c, "method").isEmpty() ? null : string(c, "method")));
        }
        Issue.Where first = places.isEmpty() ? Issue.Where.file(IssueFinder.MANIFEST) : places.get(0);
        String fingerprint = Rule.LS103.id() + "|" + key + "|" + String.join("+", names) + "|" + String.join(",", apis);
        return new Issue(Rule.LS103, key, m.toString(), first, places.size() > 1 ? places.subList(1, places.size()) : List.of(),
                fingerprint, r);
    }

    private static int permissionCount(JsonObject unmet) {
        return strings(unmet, "allOf").size() + strings(unmet, "anyOf").size();
    }

    /** {@code READ_PHONE_STATE on API 16–28}, {@code X on API 18–27 and one of X, Y on API 28+}. */
    private static String unmetText(List<JsonObject> unmet) {
        List<String> parts = new ArrayList<>();
        for (JsonObject u : unmet) {
            parts.add(requirement(strings(u, "allOf"), strings(u, "anyOf")) + " on " + levels(objects(u, "levels")));
        }
        return String.join(" and ", parts);
    }

    /** {@code calls TelephonyManager.getDeviceId()}, {@code reads content://sms}, … */
    private static String doing(List<String> apis) {
        List<String> calls = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String a : apis) {
            if (a.startsWith("content://")) {
                int space = a.indexOf(' ');
                String uri = space < 0 ? a : a.substring(0, space);
                other.add((a.endsWith("(write)") ? "writes " : "reads ") + uri);
            } else if (a.startsWith("intent ")) {
                other.add("starts the intent " + a.substring("intent ".length()));
            } else if (a.startsWith("receiver ")) {
                other.add("receives the broadcast " + a.substring("receiver ".length()));
            } else {
                calls.add(ApiNames.shortApi(a));
            }
        }
        if (!calls.isEmpty()) {
            other.add(0, "calls " + String.join(", ", calls));
        }
        return String.join(" and ", other);
    }

    /** {@code  (in com.x.A.b(), and 3 other places; also in androidx.core)}. */
    private static String where(JsonObject r) {
        List<JsonObject> callers = objects(r, "callers");
        String total = string(r, "callerCount");
        int count = Math.max(callers.size(), total.isEmpty() ? 0 : Integer.parseInt(total));
        if (callers.isEmpty()) {
            return "";
        }
        JsonObject first = callers.get(0);
        String method = string(first, "method");
        int paren = method.indexOf('(');
        StringBuilder w = new StringBuilder(" (in ").append(string(first, "class"));
        if (!method.isEmpty()) {
            w.append('.').append(paren < 0 ? method : method.substring(0, paren)).append("()");
        }
        if (count > 1) {
            w.append(" and ").append(count - 1).append(count == 2 ? " other place" : " other places");
        }
        List<String> libraries = strings(r, "libraries");
        if (!libraries.isEmpty()) {
            w.append(bool(r, "inAppCode", false) ? "; also in " : "; code of ").append(String.join(", ", libraries));
        }
        return w.append(')').toString();
    }

    /** {@code READ_PHONE_STATE}, {@code one of A, B}, {@code A and B}. */
    static String requirement(List<String> allOf, List<String> anyOf) {
        List<String> parts = new ArrayList<>();
        if (!allOf.isEmpty()) {
            parts.add(String.join(" and ", allOf.stream().map(PermissionRequirementIssues::shortName).toList()));
        }
        if (!anyOf.isEmpty()) {
            parts.add(anyOf.size() == 1 ? shortName(anyOf.get(0))
                    : "one of " + String.join(", ", anyOf.stream().map(PermissionRequirementIssues::shortName).toList()));
        }
        return String.join(" and ", parts);
    }

    private static String shortName(String permission) {
        return permission.startsWith(SHORT) ? permission.substring(SHORT.length()) : permission;
    }

    /** {@code API 29+}, {@code API 16–28}, {@code API 16–22 and API 31+}. */
    private static String levels(List<JsonObject> spans) {
        List<String> out = new ArrayList<>();
        for (JsonObject l : spans) {
            String from = string(l, "from");
            String to = string(l, "to");
            out.add(to.isEmpty() ? "API " + from + "+" : from.equals(to) ? "API " + from : "API " + from + "–" + to);
        }
        return out.isEmpty() ? "some API levels" : String.join(" and ", out);
    }
}
