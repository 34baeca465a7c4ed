package org.leakscan.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.analysis.findings.AppInfo;
import org.leakscan.analysis.findings.CodeLocation;
import org.leakscan.analysis.findings.ComponentFinding;
import org.leakscan.analysis.findings.DataAccess;
import org.leakscan.analysis.findings.Endpoint;
import org.leakscan.analysis.findings.Flow;
import org.leakscan.analysis.findings.Owner;
import org.leakscan.analysis.findings.PermissionFinding;
import org.leakscan.analysis.findings.Signing;
import org.leakscan.analysis.findings.Summary;
import org.leakscan.analysis.findings.TrackerFinding;
import org.leakscan.analysis.findings.Unanalysed;

/**
 * A terminal summary: per app, the personal data its code reads and by whose code, permissions
 * (dangerous first), exported components, endpoints (cleartext first), and a count of problems.
 * The JSON report has everything; this shows what a person reads first.
 */
public final class TextReportWriter implements ReportWriter {

    /** Call sites listed per data access before "... and N more". */
    private static final int MAX_SITES = 3;
    private static final int MAX_FLOWS = 40;

    @Override
    public void write(Report report, Writer writer) throws IOException {
        PrintWriter out = new PrintWriter(writer);
        out.printf("%s %s: %d app%s, %d error%s%n", report.tool().name(), report.tool().version(),
                report.apps().size(), plural(report.apps().size()), report.errors().size(),
                plural(report.errors().size()));
        for (AppFindings app : report.apps()) {
            out.println();
            writeApp(app, out);
        }
        if (!report.errors().isEmpty()) {
            out.println();
            out.println("Problems (" + report.errors().size() + "):");
            for (ErrorEntry e : report.errors()) {
                out.println("  " + e.oneLine());
            }
        }
        out.flush();
    }

    private void writeApp(AppFindings f, PrintWriter out) {
        AppInfo a = f.app();
        String title = a.packageName() != null ? a.packageName() : f.input().path();
        StringBuilder head = new StringBuilder("== ").append(title);
        if (a.versionName() != null) {
            head.append(' ').append(a.versionName());
        }
        if (a.versionCode() != null) {
            head.append(" (").append(a.versionCode()).append(')');
        }
        head.append("  [").append(f.input().format()).append(", ").append(f.input().path()).append(']');
        out.println(head);
        List<String> facts = new ArrayList<>();
        if (a.minSdk() != null) {
            facts.add("minSdk " + a.minSdk());
        }
        if (a.targetSdk() != null) {
            facts.add("targetSdk " + a.targetSdk());
        }
        if (Boolean.TRUE.equals(a.debuggable())) {
            facts.add("DEBUGGABLE");
        }
        if (Boolean.TRUE.equals(a.usesCleartextTraffic())) {
            facts.add("cleartext traffic allowed");
        }
        if (!Boolean.FALSE.equals(a.allowBackup()) && a.packageName() != null) {
            facts.add("backup allowed");
        }
        facts.add(f.stats().classes() + " classes");
        out.println("   " + String.join(" · ", facts));
        if (f.input().parts() != null) {
            List<String> parts = new ArrayList<>();
            for (org.leakscan.analysis.findings.InputInfo.Part p : f.input().parts()) {
                parts.add(p.name() + (p.role().equals("base") ? " (base)" : ""));
            }
            out.println("   " + f.input().parts().size() + " parts: " + String.join(", ", parts));
        }
        for (Signing s : f.signing()) {
            out.println("   signed (" + s.scheme() + ") by " + s.subject() + ", SHA-256 " + s.sha256()
                    + ", valid " + day(s.notBefore()) + " to " + day(s.notAfter())
                    + (s.debugCertificate() ? "  DEBUG CERTIFICATE" : ""));
        }
        writeNetworkSecurity(out, f.networkSecurity());
        if (f.nativeCode() != null) {
            out.println("   native code: " + f.nativeCode().libraries().size() + " librar"
                    + (f.nativeCode().libraries().size() == 1 ? "y" : "ies") + " for "
                    + String.join(", ", f.nativeCode().abis()));
        }

        out.println();
        out.println("   Personal data its code reads (" + f.dataAccess().size() + "):");
        if (f.dataAccess().isEmpty()) {
            out.println("     none found");
        }
        for (DataAccess d : f.dataAccess()) {
            out.printf("     %-28s %s%n", d.dataType(), ApiNames.shortApi(d.api()));
            List<String> sites = new ArrayList<>();
            for (CodeLocation c : d.callSites()) {
                sites.add(c.className() + "." + c.method().substring(0, c.method().indexOf('(')));
            }
            String more = sites.size() > MAX_SITES ? " ... and " + (sites.size() - MAX_SITES) + " more" : "";
            out.printf("       by %s in %s%s%n", d.library() == null ? "the app" : d.library(),
                    String.join(", ", sites.subList(0, Math.min(MAX_SITES, sites.size()))), more);
        }

        writeFlows(out, f);
        CountryAnswer.writeText(out, f.summary());
        if (f.dataSafety() != null) {
            DataSafetyText.write(out, f.dataSafety());
        }

        out.println();
        out.println("   Trackers and SDKs (" + f.trackers().size() + "):");
        if (f.trackers().isEmpty()) {
            out.println("     none found");
        }
        for (TrackerFinding t : f.trackers()) {
            out.printf("     %-30s %s, %s  [%s]%n", t.name(), t.company(), t.country(), String.join(", ", t.categories()));
            List<String> evidence = new ArrayList<>();
            for (TrackerFinding.PackageCount p : t.evidence().packages()) {
                evidence.add(p.name() + " (" + p.classes() + " class" + (p.classes() == 1 ? "" : "es") + ")");
            }
            evidence.addAll(t.evidence().manifest());
            evidence.addAll(t.evidence().hosts());
            evidence.addAll(t.evidence().strings().stream().map(x -> "\"" + x + "\"").toList());
            out.println("       seen: " + String.join(", ", evidence.subList(0, Math.min(6, evidence.size())))
                    + (evidence.size() > 6 ? " ..." : ""));
        }

        List<PermissionFinding> perms = new ArrayList<>(f.permissions());
        perms.sort((x, y) -> Boolean.compare(y.isDangerous(), x.isDangerous()));
        long dangerous = perms.stream().filter(p -> p.declared() && p.isDangerous()).count();
        out.println();
        out.println("   Permissions (" + perms.stream().filter(PermissionFinding::declared).count() + " declared, "
                + dangerous + " dangerous):");
        for (PermissionFinding p : perms) {
            String mark = p.isDangerous() ? "!" : " ";
            String state = p.declared() ? (p.usedBy().isEmpty() ? "declared" : "declared, used")
                    : p.grantedWith() != null ? "used, granted with " + p.grantedWith() : "USED BUT NOT DECLARED";
            out.printf("   %s %-50s %-20s %s%n", mark, p.name(), p.protection() == null ? "-" : p.protection(), state);
        }

        List<ComponentFinding> exported = f.components().stream().filter(ComponentFinding::exported).toList();
        out.println();
        out.println("   Components (" + f.components().size() + ", " + exported.size() + " exported):");
        for (ComponentFinding c : exported) {
            out.printf("     exported %-14s %s (%s)%n", c.type(), c.name(), c.exportedReason());
        }

        List<Endpoint> endpoints = new ArrayList<>(f.endpoints());
        endpoints.sort((x, y) -> Boolean.compare(y.cleartext(), x.cleartext()));
        long clear = endpoints.stream().filter(Endpoint::cleartext).count();
        out.println();
        out.println("   Endpoints (" + endpoints.size() + ", " + clear + " cleartext):");
        Map<String, Integer> kinds = new TreeMap<>();
        for (Endpoint e : endpoints) {
            kinds.merge(e.kind(), 1, Integer::sum);
            String where = e.foundIn().size() == 1 ? where(e.foundIn().get(0)) : e.foundIn().size() + " places";
            out.printf("     %-5s %-6s %s  (%s)%n", e.cleartext() ? "CLEAR" : "", e.kind(), e.value(), where);
        }
    }

    /** The date part of an ISO 8601 instant. */
    private static String day(String instant) {
        return instant == null || instant.length() < 10 ? String.valueOf(instant) : instant.substring(0, 10);
    }

    /** One line per network security config fact that weakens or hardens transport security. */
    private static void writeNetworkSecurity(PrintWriter out, org.leakscan.analysis.findings.NetworkSecurity n) {
        if (n == null) {
            return;
        }
        List<String> facts = new ArrayList<>();
        if (n.cleartextPermitted() != null) {
            facts.add(n.cleartextPermitted() ? "CLEARTEXT permitted by default" : "no cleartext by default");
        }
        if (!n.cleartextDomains().isEmpty()) {
            facts.add("CLEARTEXT to " + String.join(", ", n.cleartextDomains()));
        }
        if (!n.userCertificates().isEmpty()) {
            facts.add("USER CAs trusted in " + String.join(", ", n.userCertificates()));
        }
        for (org.leakscan.analysis.findings.NetworkSecurity.PinSet p : n.pinning()) {
            facts.add("pins " + String.join(", ", p.domains()) + " (" + p.pins().size() + " pin"
                    + plural(p.pins().size()) + (p.expiration() == null ? "" : ", until " + p.expiration()) + ")");
        }
        out.println("   network security config " + n.file() + ": "
                + (facts.isEmpty() ? "nothing set" : String.join(" · ", facts)));
    }

    /** Flows, one line pair each (the JSON has the full path), then where the analysis was blind. */
    private static void writeFlows(PrintWriter out, AppFindings f) {
        out.println();
        if (f.unanalysed().stream().anyMatch(u -> u.kind().equals(Unanalysed.NOT_RUN))) {
            out.println("   Personal data that can leave: not analysed (--no-flows)");
            return;
        }
        // The data itself first; flows where only a test of the data reaches a sink after them.
        List<Flow> flows = new ArrayList<>(f.flows());
        flows.sort(java.util.Comparator.comparing(Flow::isImplicit));
        long implicit = flows.stream().filter(Flow::isImplicit).count();
        out.println("   Personal data that can leave (" + flows.size() + " flow" + plural(flows.size())
                + (implicit == 0 ? "" : ", " + implicit + " of them implicit: a test of the data, not the data") + "):");
        if (flows.isEmpty()) {
            out.println("     none found");
        }
        int shown = 0;
        for (Flow flow : flows) {
            if (shown++ == MAX_FLOWS) {
                out.println("     ... and " + (flows.size() - MAX_FLOWS) + " more (see --format json)");
                break;
            }
            Flow.Sink sink = flow.sink();
            out.printf("     %-28s -> %-9s %s in %s%s%n", flow.dataType(), sink.kind(), ApiNames.shortApi(sink.api()),
                    method(sink.className(), sink.method()), flow.isImplicit() ? " (implicit)" : "");
            List<String> to = new ArrayList<>();
            for (Flow.Destination d : flow.destinations()) {
                to.add(destination(d));
            }
            out.printf("       from %s in %s, %d method%s%s%s%n", ApiNames.source(flow.source()),
                    method(flow.source().className(), flow.source().method()), flow.path().size(),
                    plural(flow.path().size()), flow.library() == null ? "" : ", sent by " + flow.library(),
                    to.isEmpty() ? "" : ", to " + String.join(" ", to));
        }
        if (f.summary() != null && !f.summary().destinations().isEmpty()) {
            out.println("   Where it can go:");
            for (Summary.DestinationSummary d : f.summary().destinations()) {
                String who = Boolean.TRUE.equals(d.unresolved()) ? "(unresolved: the URL is not a constant)"
                        : d.host() + (d.name() != null ? " (" + d.name() + ", " + d.country() + ")"
                        : Owner.UNKNOWN.equals(d.country()) ? "" : " (" + d.country() + ")");
                out.printf("     %-60s %s  by %s%n", who, String.join(", ", d.dataTypes()), String.join(", ", d.sentBy()));
            }
        }
        if (!f.unanalysed().isEmpty()) {
            List<String> blind = new ArrayList<>();
            for (Unanalysed u : f.unanalysed()) {
                blind.add(u.kind() + " " + u.count());
            }
            out.println("     not followed (the analysis is blind here): " + String.join(", ", blind));
        }
    }

    /** {@code https://x.example/path (Example Inc, US)}, a target, or "an unresolved destination". */
    static String destination(Flow.Destination d) {
        if (d.isUnresolved()) {
            return "an unresolved destination";
        }
        if (d.target() != null) {
            return d.target();
        }
        String where = d.url() != null ? d.url() : d.host();
        String owner = d.owner() == null ? null : d.owner().label();
        return owner == null ? where : where + " (" + owner + ")";
    }

    private static String method(String className, String method) {
        int paren = method.indexOf('(');
        return className + "." + (paren < 0 ? method : method.substring(0, paren));
    }

    private static String where(Endpoint.Location l) {
        if (l.file() != null) {
            return l.resource() != null ? l.file() + " " + l.resource() : l.file();
        }
        return l.method() == null ? l.className() : l.className() + "." + l.method().substring(0, l.method().indexOf('('));
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
