package org.leakscan.report.review;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.report.Report;
import org.leakscan.report.ReportJson;
import org.leakscan.report.policy.Policy;
import org.leakscan.report.policy.PolicyEvaluator;
import org.leakscan.report.policy.Violation;
import org.leakscan.report.rules.Issue;
import org.leakscan.report.rules.IssueFinder;
import org.leakscan.report.rules.Severity;

/**
 * A report judged: the findings of the built-in rules per app, which of them are new against a
 * baseline, the policy's violations among the new ones, and whether the run fails.
 *
 * <p>The gate: with a policy, a violation of severity {@code failOn} or above fails the run
 * ({@code failOn} defaults to {@code info}: any violation). Without a policy, {@code --fail-on}
 * makes the built-in rules the policy: a new finding whose rule's severity is {@code failOn} or
 * above fails. With neither, nothing fails. A baseline removes old findings before all of this.
 * A Data safety declaration given is a declaration checked: its differences (LS601 to LS604) fail
 * the run by themselves when their severity is {@code failOn} or above, {@value #DECLARATION_DEFAULT}
 * without {@code --fail-on} (so undeclared collection and sharing fail, information does not).
 *
 * @param apps     one entry per app, in report order
 * @param policy   the policy, or null
 * @param baseline the baseline, or null
 * @param failOn   the {@code --fail-on} threshold, or null when not given
 */
public record Review(List<AppReview> apps, Policy policy, Baseline baseline, Severity failOn) {

    /** The threshold for the declaration rules when {@code --fail-on} is not given. */
    public static final String DECLARATION_DEFAULT = "high";

    public Review {
        apps = List.copyOf(apps);
    }

    /** Nothing judged: every finding is reported, nothing fails (but a checked declaration's gaps). */
    public static Review none(Report report) {
        return of(report, null, null, null);
    }

    /** Judges a report. */
    public static Review of(Report report, Policy policy, Baseline baseline, Severity failOn) {
        PolicyEvaluator evaluator = policy == null ? null : new PolicyEvaluator(policy);
        List<AppReview> apps = new ArrayList<>();
        for (AppFindings app : report.apps()) {
            List<Issue> all = IssueFinder.find(app);
            List<Issue> fresh = baseline == null ? all : all.stream().filter(i -> !baseline.contains(i)).toList();
            List<Violation> violations = evaluator == null ? List.of() : evaluator.evaluate(app, fresh);
            apps.add(new AppReview(app, all, fresh, violations));
        }
        return new Review(apps, policy, baseline, failOn);
    }

    /** Judges a report tree: read into the records first ({@link ReportJson#fromTree}). */
    public static Review of(JsonObject report, Policy policy, Baseline baseline, Severity failOn) {
        return of(ReportJson.fromTree(report), policy, baseline, failOn);
    }

    /** One app: all its findings, the new ones (all of them without a baseline), the violations among the new. */
    public record AppReview(AppFindings app, List<Issue> issues, List<Issue> newIssues, List<Violation> violations) {
        public AppReview {
            issues = List.copyOf(issues);
            newIssues = List.copyOf(newIssues);
            violations = List.copyOf(violations);
        }
    }

    /** The threshold in force for policies and built-in rules: {@code failOn}, or {@code info} with a policy, or null (no gate). */
    public Severity threshold() {
        if (failOn != null) {
            return failOn;
        }
        return policy != null ? Severity.INFO : null;
    }

    /** The lines that make the run fail (one per violation or gated finding); empty when it passes. */
    public List<String> failures() {
        Severity threshold = threshold();
        Severity declarations = failOn != null ? failOn : Severity.fromId(DECLARATION_DEFAULT);
        List<String> out = new ArrayList<>();
        for (AppReview a : apps) {
            String app = ReportJson.appKey(a.app());
            Set<Issue> reported = Collections.newSetFromMap(new IdentityHashMap<>());
            if (threshold != null && policy != null) {
                for (Violation v : a.violations()) {
                    if (v.rule().severity().atLeast(threshold)) {
                        out.add(app + ": [" + v.rule().severity().id() + "] " + v.message());
                        reported.add(v.issue());
                    }
                }
            } else if (threshold != null) {
                for (Issue i : a.newIssues()) {
                    if (i.rule().severity().atLeast(threshold)) {
                        out.add(line(app, i));
                        reported.add(i);
                    }
                }
            }
            for (Issue i : a.newIssues()) {
                if (i.rule().isDeclarationRule() && i.rule().severity().atLeast(declarations) && !reported.contains(i)) {
                    out.add(line(app, i));
                }
            }
        }
        return out;
    }

    private static String line(String app, Issue i) {
        return app + ": [" + i.rule().severity().id() + "] " + i.rule().id() + " " + i.message();
    }

    /** Findings in all apps that the baseline held (0 without one). */
    public int suppressed() {
        return apps.stream().mapToInt(a -> a.issues().size() - a.newIssues().size()).sum();
    }

    /** New findings in all apps. */
    public int newFindings() {
        return apps.stream().mapToInt(a -> a.newIssues().size()).sum();
    }
}
