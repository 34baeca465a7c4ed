package org.leakscan.report.rules;

import java.util.ArrayList;
import java.util.List;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.analysis.findings.CodeLocation;
import org.leakscan.analysis.findings.PermissionRequirementFinding;
import org.leakscan.analysis.findings.PermissionRequirementFinding.LevelSpan;
import org.leakscan.analysis.findings.PermissionRequirementFinding.Unmet;
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

    /**
     * True when the report judged the requirements and found some unmet. Reports of earlier runs
     * have none, and get LS102 from {@code permissions[]}: in a report that judged them, a
     * permission used and neither declared nor granted with another is always one of these.
     */
    static boolean judged(AppFindings app) {
        return app.permissionRequirements() != null && !app.permissionRequirements().isEmpty();
    }

    static void find(AppFindings app, String key, List<Issue> out) {
        if (app.permissionRequirements() == null) {
            return;
        }
        for (PermissionRequirementFinding r : app.permissionRequirements()) {
            switch (text(r.status())) {
                case PermissionRequirementFinding.NOT_DECLARED -> out.add(notDeclared(r, key));
                case PermissionRequirementFinding.PRIVILEGED_ONLY -> out.add(privilegedOnly(r, key));
                default -> {
                }
            }
        }
    }

    private static Issue notDeclared(PermissionRequirementFinding r, String key) {
        List<String> apis = r.apis();
        List<Unmet> unmet = r.unmet();
        StringBuilder m = new StringBuilder("Code ").append(doing(apis)).append(where(r)).append(", which need")
                .append(apis.size() == 1 ? "s " : " ").append(unmetText(unmet)).append(", but the manifest ");
        boolean alternatives = unmet.size() == 1 && unmet.get(0).allOf().isEmpty() && unmet.get(0).anyOf().size() > 1;
        boolean single = unmet.size() == 1 && permissionCount(unmet.get(0)) == 1;
        m.append(alternatives ? "asks for none of them" : single ? "does not ask for it" : "does not ask for them").append('.');
        String fingerprint;
        if (single && unmet.get(0).anyOf().isEmpty()) {
            fingerprint = Rule.LS102.id() + "|" + key + "|" + unmet.get(0).allOf().get(0);
        } else {
            List<String> parts = new ArrayList<>();
            for (Unmet u : unmet) {
                parts.add(String.join("+", u.allOf()) + (u.anyOf().isEmpty() ? "" : "|anyOf:" + String.join("|", u.anyOf())));
            }
            fingerprint = Rule.LS102.id() + "|" + key + "|" + String.join(",", parts);
        }
        return new Issue(Rule.LS102, key, m.toString(), Issue.Where.file(IssueFinder.MANIFEST), List.of(), fingerprint, r);
    }

    private static Issue privilegedOnly(PermissionRequirementFinding r, String key) {
        List<String> names = new ArrayList<>();
        List<String> needs = new ArrayList<>();
        for (Unmet u : r.unmet()) {
            names.addAll(u.allOf());
            names.addAll(u.anyOf());
            needs.add(levels(u.levels()) + " (it needs " + requirement(u.allOf(), u.anyOf()) + ")");
        }
        StringBuilder m = new StringBuilder("Code ").append(doing(r.apis())).append(where(r))
                .append(", which only privileged or system apps can use on ").append(String.join(" and on ", needs));
        if (!r.notes().isEmpty()) {
            m.append(": ").append(r.notes().get(0));
        } else {
            m.append('.');
        }
        List<Issue.Where> places = new ArrayList<>();
        for (CodeLocation c : r.callers()) {
            places.add(Issue.Where.code(text(c.className()), c.method() == null || c.method().isEmpty() ? null : c.method()));
        }
        Issue.Where first = places.isEmpty() ? Issue.Where.file(IssueFinder.MANIFEST) : places.get(0);
        String fingerprint = Rule.LS103.id() + "|" + key + "|" + String.join("+", names) + "|" + String.join(",", r.apis());
        return new Issue(Rule.LS103, key, m.toString(), first, places.size() > 1 ? places.subList(1, places.size()) : List.of(),
                fingerprint, r);
    }

    private static int permissionCount(Unmet unmet) {
        return unmet.allOf().size() + unmet.anyOf().size();
    }

    /** {@code READ_PHONE_STATE on API 16–28}, {@code X on API 18–27 and one of X, Y on API 28+}. */
    private static String unmetText(List<Unmet> unmet) {
        List<String> parts = new ArrayList<>();
        for (Unmet u : unmet) {
            parts.add(requirement(u.allOf(), u.anyOf()) + " on " + levels(u.levels()));
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
    private static String where(PermissionRequirementFinding r) {
        List<CodeLocation> callers = r.callers();
        int count = Math.max(callers.size(), r.callerCount());
        if (callers.isEmpty()) {
            return "";
        }
        CodeLocation first = callers.get(0);
        String method = text(first.method());
        int paren = method.indexOf('(');
        StringBuilder w = new StringBuilder(" (in ").append(text(first.className()));
        if (!method.isEmpty()) {
            w.append('.').append(paren < 0 ? method : method.substring(0, paren)).append("()");
        }
        if (count > 1) {
            w.append(" and ").append(count - 1).append(count == 2 ? " other place" : " other places");
        }
        if (!r.libraries().isEmpty()) {
            w.append(r.inAppCode() ? "; also in " : "; code of ").append(String.join(", ", r.libraries()));
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
    private static String levels(List<LevelSpan> spans) {
        List<String> out = new ArrayList<>();
        for (LevelSpan l : spans) {
            out.add(l.to() == null ? "API " + l.from() + "+" : l.from() == l.to() ? "API " + l.from()
                    : "API " + l.from() + "–" + l.to());
        }
        return out.isEmpty() ? "some API levels" : String.join(" and ", out);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
