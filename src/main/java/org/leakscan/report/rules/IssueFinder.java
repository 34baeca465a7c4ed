package org.leakscan.report.rules;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.analysis.findings.AppInfo;
import org.leakscan.analysis.findings.ComponentFinding;
import org.leakscan.analysis.findings.DataSafety;
import org.leakscan.analysis.findings.Endpoint;
import org.leakscan.analysis.findings.Flow;
import org.leakscan.analysis.findings.Owner;
import org.leakscan.analysis.findings.PermissionFinding;
import org.leakscan.analysis.findings.Signing;
import org.leakscan.analysis.findings.Summary;
import org.leakscan.analysis.findings.TrackerFinding;
import org.leakscan.analysis.findings.Unanalysed;
import org.leakscan.report.ApiNames;
import org.leakscan.report.ReportJson;

/**
 * Turns one app of a report (its typed records, whether just analysed or read back from a JSON
 * report by {@link ReportJson}) into the findings of the built-in {@link Rule}s, sorted by rule
 * and fingerprint.
 */
public final class IssueFinder {

    static final String MANIFEST = "AndroidManifest.xml";

    private IssueFinder() {
    }

    public static List<Issue> find(AppFindings app) {
        String key = ReportJson.appKey(app);
        List<Issue> out = new ArrayList<>();
        flows(app, key, out);
        permissions(app, key, out);
        trackers(app, key, out);
        endpoints(app, key, out);
        components(app, key, out);
        configuration(app, key, out);
        declaration(app, key, out);
        blindSpots(app, key, out);
        out.sort(Comparator.comparing((Issue i) -> i.rule().id()).thenComparing(Issue::fingerprint));
        return out;
    }

    /** One app of a report tree: read into the records first ({@link ReportJson#app}), then judged. */
    public static List<Issue> find(JsonObject app) {
        return find(ReportJson.app(app));
    }

    private static void flows(AppFindings app, String key, List<Issue> out) {
        Map<String, String> names = new HashMap<>();
        if (app.summary() != null) {
            for (Summary.DataTypeSummary d : app.summary().dataTypes()) {
                names.put(d.id(), text(d.name()));
            }
        }
        for (Flow flow : app.flows()) {
            Flow.Source source = source(flow);
            Flow.Sink sink = sink(flow);
            String kind = text(sink.kind());
            Rule rule = Rule.forSinkKind(kind);
            String dataType = text(flow.dataType());
            String name = names.getOrDefault(dataType, "");
            StringBuilder m = new StringBuilder();
            m.append(name.isEmpty() ? dataType : name + " (" + dataType + ")")
                    .append(", read through ").append(ApiNames.source(source))
                    .append(" in ").append(method(source.className(), source.method()))
                    .append(", can reach the ").append(kind).append(" sink ").append(ApiNames.shortApi(text(sink.api())))
                    .append(" in ").append(method(sink.className(), sink.method()));
            if (!text(flow.library()).isEmpty()) {
                m.append(", sent by the library ").append(flow.library());
            }
            List<String> to = new ArrayList<>();
            for (Flow.Destination d : flow.destinations()) {
                to.add(destination(d));
            }
            if (!to.isEmpty()) {
                m.append(", to ").append(String.join(", ", to));
            }
            m.append('.');
            String fingerprint = String.join("|", rule.id(), key, dataType, text(source.api()) + text(source.uri()), text(source.className()),
                    text(source.method()), Integer.toString(source.occurrence()), text(sink.api()),
                    text(sink.className()), text(sink.method()), Integer.toString(sink.occurrence()));
            out.add(new Issue(rule, key, m.toString(), Issue.Where.code(text(sink.className()), text(sink.method())),
                    List.of(Issue.Where.code(text(source.className()), text(source.method()))), fingerprint, flow));
        }
    }

    private static void permissions(AppFindings app, String key, List<Issue> out) {
        for (PermissionFinding p : app.permissions()) {
            String name = text(p.name());
            List<String> usedBy = p.usedBy();
            if (p.declared() && p.isDangerous()) {
                out.add(new Issue(Rule.LS101, key, "Asks for the dangerous permission " + name
                        + (usedBy.isEmpty() ? " (no API call in the code needs it)" : " (needed by " + usedBy.size()
                        + " API" + (usedBy.size() == 1 ? "" : "s") + " the code calls)") + ".",
                        Issue.Where.file(MANIFEST), List.of(), Rule.LS101.id() + "|" + key + "|" + name, p));
            }
            // Reports that judged requirements by API level get LS102 from those, below; a permission
            // held through another (grantedWith) needs none.
            if (!p.declared() && p.grantedWith() == null && !PermissionRequirementIssues.judged(app)) {
                out.add(new Issue(Rule.LS102, key, "Code calls " + usedBy.stream().map(ApiNames::shortApi).toList()
                        + ", which need" + (usedBy.size() == 1 ? "s " : " ") + name + ", but the manifest does not ask for it.",
                        Issue.Where.file(MANIFEST), List.of(), Rule.LS102.id() + "|" + key + "|" + name, p));
            }
        }
        PermissionRequirementIssues.find(app, key, out);
    }

    private static void trackers(AppFindings app, String key, List<Issue> out) {
        for (TrackerFinding t : app.trackers()) {
            String id = text(t.id());
            String name = text(t.name()).isEmpty() ? id : t.name();
            String company = text(t.company());
            TrackerFinding.Evidence evidence = t.evidence() != null ? t.evidence()
                    : new TrackerFinding.Evidence(List.of(), List.of(), List.of(), List.of());
            StringBuilder m = new StringBuilder("Contains the tracker ").append(name);
            if (!company.isEmpty()) {
                m.append(" (").append(company).append(')');
            }
            if (!t.categories().isEmpty()) {
                m.append(", categories: ").append(String.join(", ", t.categories()));
            }
            List<String> seen = new ArrayList<>();
            for (TrackerFinding.PackageCount p : evidence.packages()) {
                seen.add("code in " + p.name());
            }
            for (String h : evidence.hosts()) {
                seen.add("host " + h);
            }
            for (String e : evidence.manifest()) {
                seen.add("manifest entry " + e);
            }
            int strings = evidence.strings().size();
            if (strings > 0) {
                seen.add(strings + " distinctive string" + (strings == 1 ? "" : "s"));
            }
            if (!seen.isEmpty()) {
                m.append("; found by ").append(String.join(", ", seen));
            }
            m.append('.');
            Issue.Where where = evidence.packages().isEmpty() ? Issue.Where.file(MANIFEST)
                    : Issue.Where.namespace(evidence.packages().get(0).name());
            out.add(new Issue(Rule.LS201, key, m.toString(), where, List.of(),
                    Rule.LS201.id() + "|" + key + "|" + (id.isEmpty() ? name : id), t));
        }
    }

    private static void endpoints(AppFindings app, String key, List<Issue> out) {
        for (Endpoint e : app.endpoints()) {
            if (!e.cleartext()) {
                continue;
            }
            String value = text(e.value()).isEmpty() ? text(e.url()) : e.value();
            List<Issue.Where> places = new ArrayList<>();
            for (Endpoint.Location l : e.foundIn()) {
                places.add(l.file() != null && !l.file().isEmpty() ? Issue.Where.file(l.file())
                        : Issue.Where.code(text(l.className()), l.method()));
            }
            Issue.Where first = places.isEmpty() ? Issue.Where.file(MANIFEST) : places.get(0);
            out.add(new Issue(Rule.LS301, key, "Names the cleartext endpoint " + value + ownerText(e.owner()) + " in "
                    + (places.size() == 1 ? first.display() : places.size() + " places, first " + first.display()) + ".",
                    first, places.size() > 1 ? places.subList(1, places.size()) : List.of(),
                    Rule.LS301.id() + "|" + key + "|" + value, e));
        }
    }

    private static void components(AppFindings app, String key, List<Issue> out) {
        for (ComponentFinding c : app.components()) {
            if (!c.exported() || !text(c.permission()).isEmpty() || c.actions().contains("android.intent.action.MAIN")) {
                continue;
            }
            String name = text(c.name());
            String reason = text(c.exportedReason());
            out.add(new Issue(Rule.LS401, key, "The " + text(c.type()) + " " + name + " is exported"
                    + (reason.isEmpty() ? "" : " (" + reason + ")") + " and needs no permission"
                    + (c.actions().isEmpty() ? "" : "; it handles " + String.join(", ", c.actions())) + ".",
                    Issue.Where.code(name, null), List.of(), Rule.LS401.id() + "|" + key + "|" + name, c));
        }
    }

    private static void configuration(AppFindings app, String key, List<Issue> out) {
        AppInfo a = app.app() != null ? app.app() : AppInfo.NONE;
        boolean hasManifest = !text(a.packageName()).isEmpty();
        if (Boolean.TRUE.equals(a.usesCleartextTraffic())) {
            out.add(new Issue(Rule.LS302, key, "The manifest sets android:usesCleartextTraffic=\"true\".",
                    Issue.Where.file(MANIFEST), List.of(), Rule.LS302.id() + "|" + key, a));
        }
        if (Boolean.TRUE.equals(a.debuggable())) {
            out.add(new Issue(Rule.LS501, key, "The manifest sets android:debuggable=\"true\".",
                    Issue.Where.file(MANIFEST), List.of(), Rule.LS501.id() + "|" + key, a));
        }
        if (hasManifest && !Boolean.FALSE.equals(a.allowBackup())) {
            out.add(new Issue(Rule.LS502, key, a.allowBackup() != null ? "The manifest sets android:allowBackup=\"true\"."
                    : "The manifest does not set android:allowBackup, which defaults to true.",
                    Issue.Where.file(MANIFEST), List.of(), Rule.LS502.id() + "|" + key, a));
        }
        for (Signing s : app.signing()) {
            if (s.debugCertificate()) {
                out.add(new Issue(Rule.LS503, key, "Signed (" + text(s.scheme()) + ") with the Android SDK debug certificate "
                        + text(s.subject()) + ".", Issue.Where.file("META-INF/"), List.of(),
                        Rule.LS503.id() + "|" + key + "|" + text(s.sha256()), s));
            }
        }
    }

    /** The differences between the app's Data safety declaration and its code (LS601 to LS604). */
    private static void declaration(AppFindings app, String key, List<Issue> out) {
        DataSafety checked = app.dataSafety();
        if (checked == null) {
            return;
        }
        for (DataSafety.Finding f : checked.findings()) {
            Rule rule = switch (text(f.kind())) {
                case DataSafety.UNDECLARED_COLLECTION -> Rule.LS601;
                case DataSafety.UNDECLARED_SHARING -> Rule.LS602;
                case DataSafety.CLEARTEXT -> Rule.LS603;
                case DataSafety.NO_EVIDENCE -> Rule.LS604;
                default -> null;
            };
            if (rule == null) {
                continue;
            }
            // What makes the finding the same in another run: the data type and, for sharing, who
            // receives it; for cleartext, the host.
            String what = switch (rule) {
                case LS602 -> text(f.dataType()) + "|" + receiverKey(f.receiver());
                case LS603 -> receiverKey(f.receiver());
                default -> text(f.dataType());
            };
            Issue.Where where = Issue.Where.file(text(checked.declaration()));
            List<Issue.Where> related = List.of();
            if (!f.flows().isEmpty()) {
                Flow first = f.flows().get(0);
                where = Issue.Where.code(text(sink(first).className()), text(sink(first).method()));
                related = List.of(Issue.Where.code(text(source(first).className()), text(source(first).method())));
            }
            out.add(new Issue(rule, key, text(f.message()), where, related, rule.id() + "|" + key + "|" + what, f));
        }
    }

    private static String receiverKey(DataSafety.Receiver r) {
        if (r == null) {
            return "";
        }
        return text(r.library()).isEmpty() ? text(r.host()) : r.library();
    }

    private static void blindSpots(AppFindings app, String key, List<Issue> out) {
        for (Unanalysed u : app.unanalysed()) {
            String kind = text(u.kind());
            List<String> where = u.where();
            String message = kind.equals(Unanalysed.NOT_RUN)
                    ? "The data-flow analysis was not run (--no-flows): no flows were looked for."
                    : "The analysis could not follow " + kind + " in " + u.count() + " place"
                    + (u.count() == 1 ? "" : "s") + (where.isEmpty() ? "" : ", e.g. " + where.get(0)) + ".";
            out.add(new Issue(Rule.LS901, key, message, Issue.Where.file(MANIFEST), List.of(),
                    Rule.LS901.id() + "|" + key + "|" + kind, u));
        }
    }

    /** {@code https://x/y (Example Inc, US)}, a target, or "an unresolved destination". */
    public static String destination(Flow.Destination d) {
        if (d.isUnresolved()) {
            return "an unresolved destination";
        }
        if (!text(d.target()).isEmpty()) {
            return d.target();
        }
        String where = text(d.url()).isEmpty() ? text(d.host()) : d.url();
        return where + ownerText(d.owner());
    }

    /** {@code " (Example Inc, US)"}, {@code " (US)"} or nothing, as far as the owner is known. */
    public static String ownerText(Owner owner) {
        String name = owner == null ? "" : text(owner.name());
        String country = owner == null ? "" : text(owner.country());
        boolean knownCountry = !country.isEmpty() && !country.equals(Owner.UNKNOWN);
        if (!name.isEmpty()) {
            return " (" + name + (knownCountry ? ", " + country : "") + ")";
        }
        return knownCountry ? " (" + country + ")" : "";
    }

    /** {@code com.x.Cls.method()}: where a flow starts or ends, for messages. */
    public static String method(String className, String method) {
        String m = text(method);
        int paren = m.indexOf('(');
        return text(className) + "." + (paren < 0 ? m : m.substring(0, paren)) + "()";
    }

    private static Flow.Source source(Flow f) {
        return f.source() != null ? f.source() : new Flow.Source(null, null, null, 0);
    }

    private static Flow.Sink sink(Flow f) {
        return f.sink() != null ? f.sink() : new Flow.Sink(null, null, null, null, null, 0);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
