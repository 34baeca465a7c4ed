package org.leakscan.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
 * One self-contained HTML page: styles, script and charts are inline, nothing is fetched, so it
 * reads offline and prints. Per app the answer comes first (which data types can leave, to which
 * hosts, owners and countries, by whose code, as a matrix), then trackers, permissions, flows with
 * their evidence, endpoints, components, signing and what the analysis could not see.
 *
 * <p>Every string from the app goes through {@link HtmlMarkup}, which escapes it; on top of that
 * the page's Content-Security-Policy allows only its own two scripts (by hash) and no fetching, so
 * markup that slipped through could still not run or call out. Output is byte-stable: no clock, no
 * random ids (ids are {@code a<app index>-<section>}).
 */
public final class HtmlReportWriter implements ReportWriter {

    private static final String CSS = resource("report.css");
    /** Runs first: records script errors and CSP violations on {@code <html>} for the browser test. */
    private static final String ERRORS_JS = resource("report-errors.js");
    private static final String JS = resource("report.js");
    private static final String CSP = "default-src 'none'; img-src data:; style-src '" + sha256(CSS) + "'; "
            + "script-src '" + sha256(ERRORS_JS) + "' '" + sha256(JS) + "'; base-uri 'none'; form-action 'none'";

    /** Methods of a flow's path shown before the rest is folded. */
    private static final int PATH_SHOWN = 6;
    /** Matrix columns beyond which host names are written upwards, to keep the table on the page. */
    private static final int MANY_COLUMNS = 8;
    /** Places listed per endpoint or unanalysed entry before the rest is folded. */
    private static final int PLACES_SHOWN = 3;

    @Override
    public void write(Report report, Writer out) throws IOException {
        out.write(render(report));
        out.flush();
    }

    /** The page as a string. */
    public static String render(Report report) {
        HtmlMarkup h = new HtmlMarkup();
        h.raw("<!DOCTYPE html>\n").open("html", "lang", "en").newline();
        h.open("head").newline();
        h.empty("meta", "charset", "utf-8").newline();
        h.empty("meta", "http-equiv", "Content-Security-Policy", "content", CSP).newline();
        h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").newline();
        h.empty("meta", "name", "generator", "content", report.tool().name() + " " + report.tool().version()).newline();
        h.element("title", "leakscan report: " + titleOf(report)).newline();
        h.open("script").raw(ERRORS_JS).close("script").newline();
        h.open("style").raw(CSS).close("style").newline();
        h.close("head").newline();
        h.open("body").newline();

        h.open("header", "class", "top");
        h.element("h1", "leakscan report: " + titleOf(report));
        h.open("div", "class", "meta").text(report.tool().name() + " " + report.tool().version() + " · " + report.schema()
                + " · " + report.apps().size() + " app" + plural(report.apps().size()) + ", " + report.errors().size()
                + " error" + plural(report.errors().size()) + " · static analysis: what the code can do, not what it did")
                .close("div");
        h.close("header").newline();

        h.open("main").newline();
        h.open("div", "class", "controls");
        h.open("label").text("Search ").empty("input", "type", "search", "id", "q",
                "placeholder", "data type, host, class, permission…", "autocomplete", "off").close("label");
        h.open("nav", "class", "toc", "aria-label", "Contents");
        for (int i = 0; i < report.apps().size(); i++) {
            AppFindings app = report.apps().get(i);
            h.element("a", report.apps().size() > 1 ? appName(app) : "Answer", "href", "#a" + i);
            if (report.apps().size() == 1) {
                for (String[] s : sections(i)) {
                    h.element("a", s[1], "href", "#" + s[0]);
                }
            }
        }
        if (!report.errors().isEmpty()) {
            h.element("a", "Errors", "href", "#errors");
        }
        h.close("nav");
        h.close("div").newline();

        if (report.apps().isEmpty()) {
            h.element("p", "No app could be read.", "class", "empty");
        }
        for (int i = 0; i < report.apps().size(); i++) {
            new AppPage(h, i, report.apps().get(i), errorsOf(report, report.apps().get(i))).write();
        }
        writeUnmatchedErrors(h, report);
        h.close("main").newline();
        h.open("script").raw(JS).close("script").newline();
        h.close("body").newline().close("html").newline();
        return h.toString();
    }

    private static String[][] sections(int app) {
        String p = "a" + app + "-";
        return new String[][] {{p + "trackers", "Trackers"}, {p + "permissions", "Permissions"}, {p + "flows", "Flows"},
            {p + "data", "Data read"}, {p + "endpoints", "Endpoints"}, {p + "components", "Components"},
            {p + "signing", "Signing"}, {p + "problems", "Analysis problems"}};
    }

    private static String titleOf(Report report) {
        if (report.apps().size() == 1) {
            return appName(report.apps().get(0));
        }
        return report.apps().size() + " apps";
    }

    private static String appName(AppFindings app) {
        return app.app().packageName() != null ? app.app().packageName() : app.input().path();
    }

    private static List<ErrorEntry> errorsOf(Report report, AppFindings app) {
        List<ErrorEntry> out = new ArrayList<>();
        for (ErrorEntry e : report.errors()) {
            if (e.input() != null && e.input().equals(app.input().path())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Errors of inputs that gave no app (unreadable files) or that name no input. */
    private static void writeUnmatchedErrors(HtmlMarkup h, Report report) {
        Set<String> inputs = new java.util.HashSet<>();
        for (AppFindings a : report.apps()) {
            inputs.add(a.input().path());
        }
        List<ErrorEntry> rest = report.errors().stream().filter(e -> e.input() == null || !inputs.contains(e.input()))
                .toList();
        if (rest.isEmpty()) {
            return;
        }
        h.open("section", "id", "errors").newline();
        h.element("h2", "Inputs that could not be read (" + rest.size() + ")");
        errorTable(h, rest);
        h.close("section").newline();
    }

    static void errorTable(HtmlMarkup h, List<ErrorEntry> errors) {
        h.open("table").open("thead").open("tr").element("th", "Input").element("th", "Stage")
                .element("th", "Where").element("th", "Message").close("tr").close("thead").open("tbody");
        for (ErrorEntry e : errors) {
            String where = e.className() == null ? e.unit()
                    : e.className() + (e.method() == null ? "" : "." + e.method());
            h.open("tr").open("td").element("code", e.input()).close("td").element("td", e.stage())
                    .open("td").element("code", where).close("td").element("td", e.message()).close("tr");
        }
        h.close("tbody").close("table").newline();
    }

    /** One app's part of the page. */
    private static final class AppPage {

        private final HtmlMarkup h;
        private final int index;
        private final String id;
        private final AppFindings f;
        private final List<ErrorEntry> errors;
        private final FlowMatrix matrix;
        private final boolean flowsRun;

        AppPage(HtmlMarkup h, int index, AppFindings f, List<ErrorEntry> errors) {
            this.h = h;
            this.index = index;
            this.id = "a" + index;
            this.f = f;
            this.errors = errors;
            this.matrix = FlowMatrix.of(f);
            this.flowsRun = f.unanalysed().stream().noneMatch(u -> u.kind().equals(Unanalysed.NOT_RUN));
        }

        void write() {
            h.open("article", "class", "app", "id", id).newline();
            writeHeader();
            writeAnswer();
            if (f.dataSafety() != null) {
                DataSafetyHtml.write(h, id, index, f.dataSafety());
            }
            writeTrackers();
            writePermissions();
            writeFlows();
            writeDataRead();
            writeEndpoints();
            writeComponents();
            writeSigning();
            writeProblems();
            h.close("article").newline();
        }

        private void writeHeader() {
            AppInfo a = f.app();
            h.open("h2").text(appName(f));
            if (a.versionName() != null || a.versionCode() != null) {
                h.open("span", "class", "muted").text(" " + (a.versionName() == null ? "" : a.versionName())
                        + (a.versionCode() == null ? "" : " (" + a.versionCode() + ")")).close("span");
            }
            h.close("h2").newline();
            List<String> facts = new ArrayList<>();
            facts.add(f.input().format() + ", " + f.input().sizeBytes() + " bytes");
            if (a.minSdk() != null) {
                facts.add("minSdk " + a.minSdk());
            }
            if (a.targetSdk() != null) {
                facts.add("targetSdk " + a.targetSdk());
            }
            facts.add(f.stats().classes() + " classes, " + f.stats().methods() + " methods");
            h.open("p", "class", "meta").text("Input ").element("code", f.input().path()).text(" · " + String.join(" · ", facts))
                    .raw("<br>").text("SHA-256 ").element("code", f.input().sha256()).close("p").newline();
            List<String[]> flags = new ArrayList<>();
            if (Boolean.TRUE.equals(a.debuggable())) {
                flags.add(new String[] {"bad", "debuggable"});
            }
            if (Boolean.TRUE.equals(a.usesCleartextTraffic())) {
                flags.add(new String[] {"bad", "cleartext traffic allowed"});
            }
            if (!Boolean.FALSE.equals(a.allowBackup()) && a.packageName() != null) {
                flags.add(new String[] {"warn", "backup allowed"});
            }
            if (f.signing().stream().anyMatch(Signing::debugCertificate)) {
                flags.add(new String[] {"bad", "debug certificate"});
            }
            if (!flags.isEmpty()) {
                h.open("p");
                for (String[] flag : flags) {
                    h.element("span", flag[1], "class", "badge " + flag[0]).text(" ");
                }
                h.close("p").newline();
            }
        }

        // ---- The answer ------------------------------------------------------------------

        private void writeAnswer() {
            h.open("section", "id", id + "-answer").newline();
            h.element("h3", "Which personal data can leave the device, and where to");
            if (!flowsRun) {
                h.element("p", "Not analysed: the data-flow analysis did not run (--no-flows). The data the code "
                        + "reads is listed below.", "class", "answer");
                h.close("section").newline();
                return;
            }
            if (f.flows().isEmpty()) {
                h.element("p", "No flow of personal data to a sink was found" + (f.unanalysed().isEmpty() ? "."
                        : " where the analysis could see (see Analysis problems)."), "class", "answer");
                h.close("section").newline();
                return;
            }
            h.element("p", answerSentence(), "class", "answer");
            writeMatrix();
            writeDestinations();
            CountryAnswer.writeHtml(h, f.summary(), index);
            h.element("h3", "Flows per data type, by sink kind");
            SinkKindChart.write(h, matrix, f.flows());
            List<String> readOnly = readButNotLeaving();
            if (!readOnly.isEmpty()) {
                h.open("p").text("Read by the code, but no flow to a sink found: ").text(String.join(", ", readOnly))
                        .text(".").close("p").newline();
            }
            h.close("section").newline();
        }

        private String answerSentence() {
            Set<String> hosts = new TreeSet<>();
            Set<String> owners = new TreeSet<>();
            Set<String> countries = new TreeSet<>();
            int unresolved = 0;
            for (FlowMatrix.Column c : matrix.columns()) {
                if (c.kind() == FlowMatrix.ColumnKind.HOST) {
                    hosts.add(c.host());
                    if (c.owner() != null && c.owner().isKnown()) {
                        owners.add(c.owner().name() != null ? c.owner().name() : c.owner().entity());
                    }
                    if (c.owner() != null && !Owner.UNKNOWN.equals(c.owner().country())) {
                        countries.add(c.owner().country());
                    }
                } else if (c.kind() == FlowMatrix.ColumnKind.UNRESOLVED) {
                    unresolved += c.flows();
                }
            }
            Set<String> senders = new TreeSet<>();
            for (FlowMatrix.Row r : matrix.rows()) {
                senders.addAll(r.sentBy());
            }
            StringBuilder s = new StringBuilder();
            int types = matrix.rows().size();
            s.append(types).append(" data type").append(plural(types)).append(" can leave the device in ")
                    .append(f.flows().size()).append(" flow").append(plural(f.flows().size()));
            if (!hosts.isEmpty()) {
                s.append(", to ").append(hosts.size()).append(" host").append(plural(hosts.size()));
                if (!owners.isEmpty()) {
                    s.append(" of ").append(String.join(", ", owners));
                }
                if (!countries.isEmpty()) {
                    s.append(" (").append(String.join(", ", countries)).append(')');
                }
            }
            if (unresolved > 0) {
                s.append(hosts.isEmpty() ? ", " : "; ").append(unresolved).append(" network flow")
                        .append(plural(unresolved)).append(" to a destination the code does not give as a constant");
            }
            List<String> by = new ArrayList<>();
            if (senders.remove(FlowMatrix.APP)) {
                by.add("the app's own code");
            }
            if (!senders.isEmpty()) {
                by.add("librar" + (senders.size() == 1 ? "y " : "ies ") + String.join(", ", senders));
            }
            s.append(". Sent by ").append(String.join(" and ", by)).append('.');
            return s.toString();
        }

        private void writeMatrix() {
            List<FlowMatrix.Column> cols = matrix.columns();
            int max = 1;
            for (int r = 0; r < matrix.rows().size(); r++) {
                for (int c = 0; c < cols.size(); c++) {
                    max = Math.max(max, matrix.count(r, c));
                }
            }
            h.open("p", "class", "muted noprint").text("Flows per data type (rows) and destination (columns). "
                    + "Click a number, a data type or a destination to list its flows.").close("p");
            h.open("div", "class", "scroll").open("table", "class", cols.size() > MANY_COLUMNS ? "matrix many" : "matrix")
                    .open("thead");
            // Header row 1: owners (company and country) over their hosts; sink kinds without a host.
            h.open("tr").open("th", "rowspan", "2").text("Data type").close("th");
            h.open("th", "rowspan", "2").text("Sent by").close("th");
            for (int c = 0; c < cols.size(); ) {
                FlowMatrix.Column col = cols.get(c);
                int span = 1;
                while (c + span < cols.size() && sameOwnerGroup(col, cols.get(c + span))) {
                    span++;
                }
                h.open("th", "class", "owner", "colspan", span == 1 ? null : Integer.toString(span))
                        .text(ownerLabel(col)).close("th");
                c += span;
            }
            h.close("tr");
            h.open("tr", "class", "hosts");
            for (int c = 0; c < cols.size(); c++) {
                FlowMatrix.Column col = cols.get(c);
                h.open("th").open("button", "type", "button", "class", "link", "data-app", Integer.toString(index),
                        "data-c", Integer.toString(c), "data-label", "to " + columnLabel(col))
                        .open("span");
                breakableHost(columnLabel(col));
                h.close("span").close("button").close("th");
            }
            h.close("tr").close("thead").open("tbody");
            for (int r = 0; r < matrix.rows().size(); r++) {
                FlowMatrix.Row row = matrix.rows().get(r);
                h.open("tr").open("th").open("button", "type", "button", "class", "link", "data-app",
                        Integer.toString(index), "data-r", Integer.toString(r), "data-label", row.name())
                        .text(row.name()).close("button");
                if (!row.name().equals(row.id())) {
                    h.raw("<br>").element("code", row.id(), "class", "muted");
                }
                h.close("th");
                h.element("td", senders(row.sentBy()));
                for (int c = 0; c < cols.size(); c++) {
                    int n = matrix.count(r, c);
                    if (n == 0) {
                        h.open("td", "class", "cell").close("td");
                        continue;
                    }
                    int heat = 1 + (int) Math.min(3, Math.floor(4.0 * (n - 1) / max));
                    h.open("td", "class", "cell h" + heat).open("button", "type", "button",
                            "data-app", Integer.toString(index), "data-r", Integer.toString(r), "data-c",
                            Integer.toString(c), "data-label", row.name() + " to " + columnLabel(cols.get(c)),
                            "title", n + " flow" + plural(n) + ": " + row.name() + " → " + columnLabel(cols.get(c)))
                            .number(n).close("button").close("td");
                }
                h.close("tr");
            }
            h.close("tbody").close("table").close("div").newline();
        }

        /** A host name that may wrap after its dots: escaped labels with the writer's own {@code <wbr>}. */
        private void breakableHost(String host) {
            String[] labels = host.split("\\.", -1);
            for (int i = 0; i < labels.length; i++) {
                h.text(labels[i]);
                if (i < labels.length - 1) {
                    h.text(".").raw("<wbr>");
                }
            }
        }

        private static boolean sameOwnerGroup(FlowMatrix.Column a, FlowMatrix.Column b) {
            if (a.kind() != FlowMatrix.ColumnKind.HOST || b.kind() != FlowMatrix.ColumnKind.HOST) {
                return a.kind() != FlowMatrix.ColumnKind.HOST && a.kind() == b.kind();
            }
            return ownerLabel(a).equals(ownerLabel(b));
        }

        private static String ownerLabel(FlowMatrix.Column c) {
            return switch (c.kind()) {
                case HOST -> {
                    Owner o = c.owner();
                    String label = o == null ? null : o.label();
                    yield label == null ? "owner unknown" : label;
                }
                case UNRESOLVED -> "destination not recovered";
                case SINK -> "no network destination";
            };
        }

        private static String columnLabel(FlowMatrix.Column c) {
            return switch (c.kind()) {
                case HOST -> c.host();
                case UNRESOLVED -> c.sinkKind() + ", unresolved";
                case SINK -> c.sinkKind();
            };
        }

        /** The summary's destinations: host, owner, country, data types, whose code. */
        private void writeDestinations() {
            Summary s = f.summary();
            if (s == null || s.destinations().isEmpty()) {
                return;
            }
            h.element("h3", "Destinations (" + s.destinations().size() + ")");
            h.open("table", "class", "filterable", "data-app", Integer.toString(index)).open("thead").open("tr")
                    .element("th", "Host").element("th", "Owner").element("th", "Country")
                    .element("th", "Data types").element("th", "Sent by").close("tr").close("thead").open("tbody");
            for (Summary.DestinationSummary d : s.destinations()) {
                boolean unresolved = Boolean.TRUE.equals(d.unresolved());
                h.open("tr", "data-flags", unresolved ? "unresolved" : null).open("td");
                if (unresolved) {
                    h.element("span", "unresolved", "class", "badge warn")
                            .text(" the URL is not a constant in the code");
                } else {
                    h.element("code", d.host());
                }
                h.close("td");
                h.element("td", unresolved ? "" : d.name() != null ? d.name() : "unknown" + entitySuffix(d.entity()));
                h.element("td", unresolved ? "" : d.country());
                h.element("td", d.dataTypes() == null ? "" : String.join(", ", d.dataTypes()));
                h.element("td", d.sentBy() == null ? "" : senders(d.sentBy()));
                h.close("tr");
            }
            h.close("tbody").close("table").newline();
        }

        private static String entitySuffix(String entity) {
            return entity == null || Owner.UNKNOWN.equals(entity) ? "" : " (" + entity + ")";
        }

        private List<String> readButNotLeaving() {
            List<String> out = new ArrayList<>();
            if (f.summary() == null) {
                return out;
            }
            Set<String> leaving = new java.util.HashSet<>();
            for (FlowMatrix.Row r : matrix.rows()) {
                leaving.add(r.id());
            }
            for (Summary.DataTypeSummary d : f.summary().dataTypes()) {
                if (!leaving.contains(d.id())) {
                    out.add(d.name() != null ? d.name() : d.id());
                }
            }
            return out;
        }

        // ---- Sections ------------------------------------------------------------------

        private void sectionStart(String key, String title, int count, String... toggles) {
            h.open("section", "id", id + "-" + key).newline();
            h.open("h3").text(title + " (" + count + ")").text(" ").element("span", "", "class", "shown muted")
                    .close("h3");
            if (toggles.length > 0) {
                h.open("p", "class", "noprint");
                for (int i = 0; i < toggles.length; i += 2) {
                    h.open("label").empty("input", "type", "checkbox", "data-only", toggles[i]).text(" " + toggles[i + 1])
                            .close("label").text(" ");
                }
                h.close("p");
            }
            h.newline();
        }

        private void sectionEnd() {
            h.close("section").newline();
        }

        private void tableStart(String extraClass, String... headings) {
            h.open("table", "class", "filterable" + (extraClass == null ? "" : " " + extraClass),
                    "data-app", Integer.toString(index)).open("thead").open("tr");
            for (String heading : headings) {
                h.element("th", heading);
            }
            h.close("tr").close("thead").open("tbody").newline();
        }

        private void tableEnd() {
            h.close("tbody").close("table").newline();
        }

        private void writeTrackers() {
            List<TrackerFinding> trackers = f.trackers();
            sectionStart("trackers", "Trackers", trackers.size());
            if (trackers.isEmpty()) {
                h.element("p", "No tracker library found.", "class", "empty");
                sectionEnd();
                return;
            }
            tableStart(null, "Tracker", "Owner", "Country", "Categories", "Evidence");
            for (TrackerFinding t : trackers) {
                h.open("tr").open("td").open("strong").text(t.name() != null ? t.name() : t.id()).close("strong");
                if (t.website() != null) {
                    h.raw("<br>").element("span", t.website(), "class", "muted mono");
                }
                h.close("td");
                h.element("td", t.company() != null ? t.company() : t.entity());
                h.element("td", t.country());
                h.element("td", String.join(", ", t.categories()));
                h.open("td");
                TrackerFinding.Evidence e = t.evidence();
                if (e != null) {
                    for (TrackerFinding.PackageCount p : e.packages()) {
                        h.element("code", p.name()).text(" (" + p.classes() + (p.classes() == 1 ? " class)" : " classes)"))
                                .raw("<br>");
                    }
                    evidenceLine("hosts", e.hosts());
                    evidenceLine("strings", e.strings());
                    evidenceLine("manifest", e.manifest());
                }
                h.close("td").close("tr").newline();
            }
            tableEnd();
            sectionEnd();
        }

        private void evidenceLine(String what, List<String> values) {
            if (!values.isEmpty()) {
                h.text(what + ": ").element("code", String.join(", ", values)).raw("<br>");
            }
        }

        private void writePermissions() {
            List<PermissionFinding> perms = new ArrayList<>(f.permissions());
            perms.sort(Comparator.comparing((PermissionFinding p) -> !p.isDangerous())
                    .thenComparing(PermissionFinding::declared)
                    .thenComparing(PermissionFinding::name));
            long declared = perms.stream().filter(PermissionFinding::declared).count();
            sectionStart("permissions", "Permissions, " + declared + " declared", perms.size(),
                    "dangerous", "dangerous only", "undeclared", "used but not declared only",
                    "unused", "declared but not used only");
            if (perms.isEmpty()) {
                h.element("p", "No permission declared or needed.", "class", "empty");
                sectionEnd();
                return;
            }
            tableStart(null, "Permission", "Protection", "Declared", "Used by the code (APIs)");
            for (PermissionFinding p : perms) {
                List<String> flags = new ArrayList<>();
                if (p.isDangerous()) {
                    flags.add("dangerous");
                }
                if (!p.declared() && p.grantedWith() == null) {
                    flags.add("undeclared");
                }
                if (p.declared() && p.usedBy().isEmpty()) {
                    flags.add("unused");
                }
                h.open("tr", "data-flags", String.join(" ", flags)).open("td").element("code", p.name()).close("td");
                h.open("td");
                if (p.isDangerous()) {
                    h.element("span", p.protection(), "class", "badge bad");
                } else {
                    h.text(p.protection() == null ? "not a platform permission" : p.protection());
                }
                if (p.group() != null) {
                    h.raw("<br>").element("span", p.group(), "class", "muted");
                }
                h.close("td");
                h.open("td");
                if (p.declared()) {
                    h.text("yes" + (p.maxSdkVersion() == null ? "" : " (up to SDK " + p.maxSdkVersion() + ")"));
                } else if (p.grantedWith() != null) {
                    h.text("no, granted with " + p.grantedWith());
                } else {
                    h.element("span", "used but not declared", "class", "badge warn");
                }
                h.close("td").open("td");
                if (p.usedBy().isEmpty()) {
                    h.element("span", "no call found", "class", "muted");
                }
                folded(p.usedBy().stream().map(ApiNames::shortApi).distinct().toList(), PLACES_SHOWN);
                h.close("td").close("tr").newline();
            }
            tableEnd();
            sectionEnd();
        }

        private void writeFlows() {
            sectionStart("flows", "Flows: personal data that can reach a sink", f.flows().size());
            h.open("p", "class", "filter-note noprint", "data-app", Integer.toString(index), "hidden", "")
                    .text("Showing flows of ").element("span", "", "class", "what").text(" ")
                    .open("button", "type", "button", "class", "clear-cell", "data-app", Integer.toString(index))
                    .text("show all").close("button").close("p");
            if (!flowsRun) {
                h.element("p", "Not analysed (--no-flows).", "class", "empty");
                sectionEnd();
                return;
            }
            if (f.flows().isEmpty()) {
                h.element("p", "None found.", "class", "empty");
                sectionEnd();
                return;
            }
            tableStart("flows", "#", "Data type", "Sink", "Evidence: source call → methods → sink call",
                    "Destination", "Sent by");
            for (int i = 0; i < f.flows().size(); i++) {
                Flow flow = f.flows().get(i);
                StringBuilder cols = new StringBuilder();
                for (int c : matrix.columnsOf(i)) {
                    cols.append(cols.length() == 0 ? "" : " ").append(c);
                }
                boolean unresolved = flow.destinations().stream().anyMatch(Flow.Destination::isUnresolved)
                        || flow.sink().kind().equals("network") && flow.destinations().isEmpty();
                h.open("tr", "data-r", Integer.toString(matrix.rowOf(i)), "data-c", cols.toString(),
                        "data-flags", unresolved ? "unresolved" : null);
                h.open("td", "class", "n").number(i + 1L).close("td");
                h.open("td").text(matrix.rowOf(i) < 0 ? dataTypeName(flow.dataType())
                        : matrix.rows().get(matrix.rowOf(i)).name()).raw("<br>")
                        .element("code", flow.dataType(), "class", "muted");
                if (flow.isImplicit()) {
                    h.raw("<br>").element("span", "implicit", "class", "badge",
                            "title", "only a test of the data reaches the sink, not the data");
                }
                h.close("td");
                h.open("td").element("span", flow.sink().kind(), "class", "badge");
                String channel = flow.sink().channel();
                if (channel != null && !channel.equals(flow.sink().kind())) {
                    h.text(" ").element("span", channel.startsWith(flow.sink().kind() + ".")
                            ? channel.substring(flow.sink().kind().length() + 1) : channel, "class", "muted");
                }
                h.close("td");
                h.open("td");
                evidence(flow);
                h.close("td").open("td");
                if (flow.destinations().isEmpty()) {
                    if (flow.sink().kind().equals("network")) {
                        h.element("span", "unresolved", "class", "badge warn");
                    } else {
                        h.element("span", "—", "class", "muted");
                    }
                }
                for (Flow.Destination d : flow.destinations()) {
                    destination(d);
                    h.raw("<br>");
                }
                h.close("td");
                h.element("td", flow.library() == null ? "the app" : flow.library());
                h.close("tr").newline();
            }
            tableEnd();
            sectionEnd();
        }

        /** A data type's name from the app's summary, else its id. */
        private String dataTypeName(String id) {
            if (f.summary() != null) {
                for (var s : f.summary().dataTypes()) {
                    if (s.id().equals(id) && s.name() != null) {
                        return s.name();
                    }
                }
            }
            return id;
        }

        /** Source call, the methods between, sink call: the path a reader can check in a decompiler. */
        private void evidence(Flow flow) {
            String sourceMethod = method(flow.source().className(), flow.source().method());
            String sinkMethod = method(flow.sink().className(), flow.sink().method());
            List<String> between = new ArrayList<>(flow.path());
            if (!between.isEmpty() && between.get(0).equals(sourceMethod)) {
                between.remove(0);
            }
            if (!between.isEmpty() && between.get(between.size() - 1).equals(sinkMethod)) {
                between.remove(between.size() - 1);
            }
            h.open("ol", "class", "path");
            h.open("li", "class", "src").text("reads ").element("code", ApiNames.source(flow.source()))
                    .text(" in ").element("code", shortMethod(sourceMethod)).close("li");
            int shown = between.size() <= PATH_SHOWN + 1 ? between.size() : PATH_SHOWN;
            for (int i = 0; i < shown; i++) {
                h.open("li").element("code", shortMethod(between.get(i))).close("li");
            }
            if (shown < between.size()) {
                h.open("li").open("details").element("summary", (between.size() - shown) + " more methods");
                h.open("ol", "class", "path");
                for (int i = shown; i < between.size(); i++) {
                    h.open("li").element("code", shortMethod(between.get(i))).close("li");
                }
                h.close("ol").close("details").close("li");
            }
            h.open("li", "class", "snk").text("calls ").element("code", ApiNames.shortApi(flow.sink().api()))
                    .text(" in ").element("code", shortMethod(sinkMethod)).close("li");
            h.close("ol");
        }

        private void destination(Flow.Destination d) {
            if (d.isUnresolved()) {
                h.element("span", "unresolved", "class", "badge warn", "title",
                        "the destination is not a constant in the code");
                return;
            }
            if (d.target() != null) {
                h.element("code", d.target());
                return;
            }
            h.element("code", d.url() != null ? d.url() : d.host());
            if (d.url() != null && isCleartext(d.url())) {
                h.text(" ").element("span", "cleartext", "class", "badge bad");
            }
            Owner o = d.owner();
            if (o != null && o.label() != null) {
                h.raw("<br>").element("span", o.label(), "class", "muted");
            }
        }

        private void writeDataRead() {
            sectionStart("data", "Personal data the code reads", f.dataAccess().size());
            if (f.dataAccess().isEmpty()) {
                h.element("p", "None found.", "class", "empty");
                sectionEnd();
                return;
            }
            tableStart(null, "Data type", "Category", "API", "Permission", "Call sites", "Read by");
            for (DataAccess d : f.dataAccess()) {
                h.open("tr").open("td").element("code", d.dataType()).close("td").element("td", d.category())
                        .open("td").element("code", ApiNames.shortApi(d.api()), "title", d.api()).close("td")
                        .open("td").element("code", d.permission()).close("td").open("td");
                List<String> sites = new ArrayList<>();
                for (CodeLocation c : d.callSites()) {
                    sites.add(shortMethod(method(c.className(), c.method())));
                }
                folded(sites, PLACES_SHOWN);
                h.close("td").element("td", d.library() == null ? "the app" : d.library()).close("tr").newline();
            }
            tableEnd();
            sectionEnd();
        }

        private void writeEndpoints() {
            List<Endpoint> endpoints = new ArrayList<>(f.endpoints());
            endpoints.sort(Comparator.comparing((Endpoint e) -> !e.cleartext()));
            long clear = endpoints.stream().filter(Endpoint::cleartext).count();
            sectionStart("endpoints", "Endpoints written in the app, " + clear + " cleartext", endpoints.size(),
                    "cleartext", "cleartext only");
            if (endpoints.isEmpty()) {
                h.element("p", "None found.", "class", "empty");
                sectionEnd();
                return;
            }
            tableStart(null, "", "Kind", "Endpoint", "Owner", "Found in");
            for (Endpoint e : endpoints) {
                h.open("tr", "data-flags", e.cleartext() ? "cleartext" : null).open("td");
                if (e.cleartext()) {
                    h.element("span", "cleartext", "class", "badge bad");
                }
                h.close("td").element("td", e.kind()).open("td").element("code", e.value()).close("td");
                Owner o = e.owner();
                h.element("td", o == null ? "" : CountryAnswer.owner(o));
                h.open("td");
                List<String> places = new ArrayList<>();
                for (Endpoint.Location l : e.foundIn()) {
                    places.add(place(l));
                }
                folded(places, PLACES_SHOWN);
                h.close("td").close("tr").newline();
            }
            tableEnd();
            sectionEnd();
        }

        private void writeComponents() {
            List<ComponentFinding> components = new ArrayList<>(f.components());
            components.sort(Comparator.comparing((ComponentFinding c) -> !c.exported()));
            long exported = components.stream().filter(ComponentFinding::exported).count();
            sectionStart("components", "Components, " + exported + " exported", components.size(),
                    "exported", "exported only");
            if (components.isEmpty()) {
                h.element("p", "None (no manifest, or it declares none).", "class", "empty");
                sectionEnd();
                return;
            }
            tableStart(null, "Type", "Name", "Exported", "Permission", "Intent actions");
            for (ComponentFinding c : components) {
                boolean open = c.exported() && c.permission() == null;
                h.open("tr", "data-flags", c.exported() ? "exported" : null).element("td", c.type())
                        .open("td").element("code", c.name()).close("td").open("td");
                if (c.exported()) {
                    h.element("span", "exported", "class", "badge " + (open ? "warn" : "ok"))
                            .text(" " + c.exportedReason());
                } else {
                    h.text("no");
                }
                h.close("td").open("td").element("code", c.permission()).close("td").open("td");
                folded(c.actions(), PLACES_SHOWN);
                h.close("td").close("tr").newline();
            }
            tableEnd();
            sectionEnd();
        }

        private void writeSigning() {
            if (f.signing().isEmpty()) {
                if ("apk".equals(f.input().format())) {
                    sectionStart("signing", "Signing", 0);
                    h.element("p", "No signature found.", "class", "empty");
                    sectionEnd();
                }
                return;
            }
            sectionStart("signing", "Signing", f.signing().size());
            tableStart(null, "Scheme", "Subject", "Certificate SHA-256", "");
            for (Signing s : f.signing()) {
                h.open("tr").element("td", s.scheme()).element("td", s.subject()).open("td")
                        .element("code", s.sha256()).close("td").open("td");
                if (s.debugCertificate()) {
                    h.element("span", "debug certificate", "class", "badge bad");
                }
                h.close("td").close("tr").newline();
            }
            tableEnd();
            sectionEnd();
        }

        private void writeProblems() {
            int count = errors.size() + f.unanalysed().size();
            sectionStart("problems", "Analysis problems", count);
            AppFindings.Stats s = f.stats();
            h.open("p", "class", "meta").text("Analysed: " + s.dexFiles() + " dex file" + plural(s.dexFiles()) + ", "
                    + s.classFiles() + " class file" + plural(s.classFiles()) + ", " + s.classes() + " classes, "
                    + s.methods() + " methods, " + s.instructions() + " instructions.").close("p");
            if (count == 0) {
                h.element("p", "No errors; nothing reported as unanalysed.", "class", "empty");
                sectionEnd();
                return;
            }
            if (!errors.isEmpty()) {
                h.element("h4", "Errors (" + errors.size() + ")");
                errorTable(h, errors);
            }
            if (!f.unanalysed().isEmpty()) {
                h.element("h4", "Where the analysis is blind");
                tableStart(null, "Kind", "Places", "Where");
                for (Unanalysed u : f.unanalysed()) {
                    h.open("tr").element("td", u.kind()).open("td", "class", "n").number(u.count()).close("td").open("td");
                    List<String> where = new ArrayList<>();
                    for (String w : u.where()) {
                        where.add(u.kind().equals(Unanalysed.NOT_RUN) ? w : shortMethod(w));
                    }
                    folded(where, PLACES_SHOWN);
                    if (u.count() > u.where().size()) {
                        h.element("span", "(" + (u.count() - u.where().size()) + " more not listed)", "class", "muted");
                    }
                    h.close("td").close("tr").newline();
                }
                tableEnd();
            }
            sectionEnd();
        }

        /** The first {@code shown} items as code lines, the rest in a folded list. */
        private void folded(List<String> items, int shown) {
            int visible = items.size() <= shown + 1 ? items.size() : shown;
            for (int i = 0; i < visible; i++) {
                h.element("code", items.get(i)).raw("<br>");
            }
            if (visible < items.size()) {
                h.open("details").element("summary", (items.size() - visible) + " more");
                for (int i = visible; i < items.size(); i++) {
                    h.element("code", items.get(i)).raw("<br>");
                }
                h.close("details");
            }
        }
    }

    private static String senders(java.util.Collection<String> sentBy) {
        List<String> out = new ArrayList<>();
        for (String s : new LinkedHashSet<>(sentBy)) {
            out.add(FlowMatrix.APP.equals(s) ? "the app" : s);
        }
        return String.join(", ", out);
    }

    /** A URL whose scheme sends in clear, as the endpoint pass decides it. */
    private static boolean isCleartext(String url) {
        String u = url.toLowerCase(java.util.Locale.ROOT);
        return u.startsWith("http://") || u.startsWith("ws://") || u.startsWith("ftp://");
    }

    private static String method(String className, String method) {
        return method == null ? className : className + "." + method;
    }

    /** {@code a.b.C.m(Ljava/lang/String;)V} to {@code a.b.C.m()}: the descriptor stays in the JSON. */
    private static String shortMethod(String m) {
        int paren = m.indexOf('(');
        return paren < 0 ? m : m.substring(0, paren) + "()";
    }

    private static String place(Endpoint.Location l) {
        if (l.file() != null) {
            return l.resource() != null ? l.file() + " " + l.resource() : l.file();
        }
        return l.method() == null ? l.className() : shortMethod(l.className() + "." + l.method());
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReportWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSP source expression for an inline block: {@code sha256-<base64>}. */
    static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
