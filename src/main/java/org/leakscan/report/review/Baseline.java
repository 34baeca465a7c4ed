package org.leakscan.report.review;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.report.Report;
import org.leakscan.report.ReportJson;
import org.leakscan.report.ReportReadException;
import org.leakscan.report.rules.Issue;
import org.leakscan.report.rules.IssueFinder;

/**
 * The findings of an earlier report ({@code --baseline previous.json}), by fingerprint. A finding
 * whose fingerprint is here is old: it is neither reported in SARIF nor gated. The fingerprints
 * are recomputed from the earlier report with today's rules, so a baseline never goes stale when
 * leakscan's messages change.
 *
 * @param file         where it was read from
 * @param fingerprints the fingerprints of its findings
 */
public record Baseline(String file, Set<String> fingerprints) {

    public Baseline {
        fingerprints = Set.copyOf(fingerprints);
    }

    public static Baseline read(Path file) throws ReportReadException {
        return of(file.toString(), ReportJson.read(file));
    }

    public static Baseline of(String name, Report report) {
        Set<String> fingerprints = new HashSet<>();
        for (AppFindings app : report.apps()) {
            for (Issue i : IssueFinder.find(app)) {
                fingerprints.add(i.fingerprint());
            }
        }
        return new Baseline(name, fingerprints);
    }

    /** An earlier report as a tree: read into the records first ({@link ReportJson#fromTree}). */
    public static Baseline of(String name, JsonObject report) {
        return of(name, ReportJson.fromTree(report));
    }

    public boolean contains(Issue issue) {
        return fingerprints.contains(issue.fingerprint());
    }
}
