package org.leakscan.report.sarif;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leakscan.analysis.findings.InputInfo;
import org.leakscan.report.ErrorEntry;
import org.leakscan.report.Report;
import org.leakscan.report.ReportWriter;
import org.leakscan.report.policy.Violation;
import org.leakscan.report.review.Review;
import org.leakscan.report.rules.Issue;
import org.leakscan.report.rules.Rule;
import org.leakscan.report.rules.Severity;

/**
 * SARIF 2.1.0: one run; every built-in {@link Rule} as a reporting descriptor (its index never
 * changes); one result per finding, located by class and method (a logical location, and the
 * class file as the artifact) or by the file of the package; analysis errors as tool execution
 * notifications. With a baseline, only new findings are results ({@code baselineState: "new"});
 * a finding that breaks the policy carries the violations and takes the highest of the
 * severities as its level.
 */
public final class SarifReportWriter implements ReportWriter {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Review review;

    /** @param review the judged report; null to judge it here with no policy or baseline */
    public SarifReportWriter(Review review) {
        this.review = review;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        GSON.toJson(log(report), out);
        out.write('\n');
        out.flush();
    }

    Sarif.Log log(Report report) {
        Review r = review != null ? review : Review.none(report);
        List<Sarif.Result> results = new ArrayList<>();
        List<Sarif.Artifact> artifacts = new ArrayList<>();
        for (Review.AppReview app : r.apps()) {
            InputInfo input = app.app().input() != null ? app.app().input() : new InputInfo("", null, 0, null);
            Map<String, String> hashes = new LinkedHashMap<>();
            if (input.sha256() != null && !input.sha256().isEmpty()) {
                hashes.put("sha-256", input.sha256());
            }
            Sarif.Artifact artifact = new Sarif.Artifact(new Sarif.ArtifactLocation(uriOf(input.path())),
                    input.sizeBytes(), List.of("analysisTarget"), hashes.isEmpty() ? null : hashes);
            if (!artifacts.contains(artifact)) {
                // The same input named twice is one artifact (SARIF wants them unique).
                artifacts.add(artifact);
            }
            for (Issue issue : app.newIssues()) {
                List<Violation> violations = app.violations().stream().filter(v -> v.issue() == issue).toList();
                results.add(result(issue, violations, r.baseline() != null));
            }
        }
        List<Sarif.Notification> notifications = new ArrayList<>();
        for (ErrorEntry e : report.errors()) {
            notifications.add(notification(e));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        if (r.policy() != null) {
            properties.put("policy", r.policy().file());
        }
        if (r.baseline() != null) {
            properties.put("baseline", r.baseline().file());
            properties.put("baselineFindingsSuppressed", r.suppressed());
        }
        Sarif.ToolComponent driver = new Sarif.ToolComponent(report.tool().name(), report.tool().version(),
                semanticVersion(report.tool().version()), rules());
        Sarif.Run run = new Sarif.Run(new Sarif.Tool(driver),
                List.of(new Sarif.Invocation(report.errors().isEmpty(), notifications)), artifacts, results,
                properties.isEmpty() ? null : properties);
        return new Sarif.Log(Sarif.SCHEMA_URI, "2.1.0", List.of(run));
    }

    private static List<Sarif.ReportingDescriptor> rules() {
        List<Sarif.ReportingDescriptor> out = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("tags", List.of("security", "privacy"));
            properties.put("security-severity", rule.severity().securitySeverity());
            properties.put("severity", rule.severity().id());
            properties.put("documentation", rule.docPath());
            out.add(new Sarif.ReportingDescriptor(rule.id(), rule.ruleName(), new Sarif.Message(rule.title()),
                    new Sarif.Message(rule.description()),
                    new Sarif.MultiformatMessage(rule.description() + " See " + rule.docPath() + ".", rule.documentation()),
                    new Sarif.Configuration(rule.severity().sarifLevel()), properties));
        }
        return out;
    }

    private static Sarif.Result result(Issue issue, List<Violation> violations, boolean withBaseline) {
        Severity severity = issue.rule().severity();
        List<Map<String, String>> broken = new ArrayList<>();
        for (Violation v : violations) {
            if (v.rule().severity().compareTo(severity) > 0) {
                severity = v.rule().severity();
            }
            Map<String, String> m = new LinkedHashMap<>();
            m.put("rule", v.rule().id());
            m.put("severity", v.rule().severity().id());
            m.put("message", v.message());
            broken.add(m);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("app", issue.app());
        properties.put("severity", severity.id());
        if (!broken.isEmpty()) {
            properties.put("policyViolations", broken);
        }
        List<Sarif.Location> related = new ArrayList<>();
        int id = 1;
        for (Issue.Where w : issue.related()) {
            boolean source = issue.rule().isFlowRule() || issue.rule().isDeclarationRule();
            related.add(location(w, id++, source ? "The personal data is read here." : null));
        }
        return new Sarif.Result(issue.rule().id(), issue.rule().ordinal(), severity.sarifLevel(),
                new Sarif.Message(issue.message()), List.of(location(issue.where(), null, null)),
                related.isEmpty() ? null : related, Map.of("leakscan/v1", sha256(issue.fingerprint())),
                withBaseline ? "new" : null, properties);
    }

    /** Code: the class file as artifact and the method as a logical location; else the file or package. */
    private static Sarif.Location location(Issue.Where w, Integer id, String message) {
        Sarif.Message m = message == null ? null : new Sarif.Message(message);
        if (w.className() != null && !w.className().isEmpty()) {
            String uri = w.className().replace('.', '/') + ".class";
            List<Sarif.LogicalLocation> logical = new ArrayList<>();
            if (w.method() != null) {
                int paren = w.method().indexOf('(');
                logical.add(new Sarif.LogicalLocation(paren < 0 ? w.method() : w.method().substring(0, paren),
                        w.className() + "." + w.method(), "function"));
            } else {
                int dot = w.className().lastIndexOf('.');
                logical.add(new Sarif.LogicalLocation(w.className().substring(dot + 1), w.className(), "type"));
            }
            return new Sarif.Location(id, new Sarif.PhysicalLocation(new Sarif.ArtifactLocation(uriOf(uri))), logical, m);
        }
        if (w.namespace() != null) {
            String uri = w.namespace().replace('.', '/') + "/";
            int dot = w.namespace().lastIndexOf('.');
            return new Sarif.Location(id, new Sarif.PhysicalLocation(new Sarif.ArtifactLocation(uriOf(uri))),
                    List.of(new Sarif.LogicalLocation(w.namespace().substring(dot + 1), w.namespace(), "namespace")), m);
        }
        return new Sarif.Location(id, new Sarif.PhysicalLocation(new Sarif.ArtifactLocation(uriOf(w.file()))), null, m);
    }

    private static Sarif.Notification notification(ErrorEntry e) {
        List<Sarif.Location> locations = new ArrayList<>();
        List<Sarif.LogicalLocation> logical = null;
        if (e.className() != null) {
            logical = List.of(e.method() == null
                    ? new Sarif.LogicalLocation(e.className(), e.className(), "type")
                    : new Sarif.LogicalLocation(e.method(), e.className() + "." + e.method(), "function"));
        }
        if (e.input() != null) {
            locations.add(new Sarif.Location(null,
                    new Sarif.PhysicalLocation(new Sarif.ArtifactLocation(uriOf(e.input()))), logical, null));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        if (e.unit() != null) {
            properties.put("unit", e.unit());
        }
        if (e.pass() != null) {
            properties.put("pass", e.pass());
        }
        return new Sarif.Notification("error", new Sarif.Message(e.oneLine()), locations.isEmpty() ? null : locations,
                new Sarif.DescriptorReference(e.stage() == null ? "error" : e.stage()),
                properties.isEmpty() ? null : properties);
    }

    /** A path as a URI reference: relative paths stay relative (encoded), absolute ones become file URIs. */
    static String uriOf(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        String p = path.replace('\\', '/');
        if (p.startsWith("/") || p.matches("[A-Za-z]:/.*")) {
            return Path.of(path).toUri().toString();
        }
        try {
            return new URI(null, null, p, null).toASCIIString();
        } catch (URISyntaxException e) {
            return p;
        }
    }

    /** SARIF wants semantic versions: {@code 0.1.0-SNAPSHOT} is one, {@code dev} is not. */
    private static String semanticVersion(String version) {
        return version.matches("\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.-]+)?") ? version : null;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
