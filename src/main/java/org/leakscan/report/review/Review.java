package org.leakscan.report.review;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
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
 *
 * @param apps     one entry per app, in report order
 * @param policy   the policy, or null
 * @param baseline the baseline, or null
 * @param failOn   the {@code --fail-on} threshold, or null when not given
 */
public record Review(List<AppReview> apps, Policy policy, Baseline baseline, Severity failOn) {

    public Review {
        apps = List.copyOf(apps);
    }

    /** Nothing judged: every finding is reported, nothing fails. */
    public static Review none(JsonObject report) {
        return of(report, null, null, null);
    }

    /** Judges a report (as a JSON tree). */
    public static Review of(JsonObject report, Policy policy, Baseline baseline, Severity failOn) {
        PolicyEvaluator evaluator = policy == null ? null : new PolicyEvaluator(policy);
        List<AppReview> apps = new ArrayList<>();
        for (JsonObject app : org.leakscan.report.ReportJson.apps(report)) {
            List<Issue> all = IssueFinder.find(app);
            List<Issue> fresh = baseline == null ? all : all.stream().filter(i -> !baseline.contains(i)).toList();
            List<Violation> violations = evaluator == null ? List.of() : evaluator.evaluate(app, fresh);
            apps.add(new AppReview(app, all, fresh, violations));
        }
        return new Review(apps, policy, baseline, failOn);
    }

    /** One app: all its findings, the new ones (all of them without a baseline), the violations among the new. */
    public record AppReview(JsonObject app, List<Issue> issues, List<Issue> newIssues, List<Violation> violations) {
        public AppReview {
            issues = List.copyOf(issues);
            newIssues = List.copyOf(newIssues);
            violations = List.copyOf(violations);
        }
    }

    /** The threshold in force: {@code failOn}, or {@code info} with a policy, or null (no gate). */
    public Severity threshold() {
        if (failOn != null) {
            return failOn;
        }
        return policy != null ? Severity.INFO : null;
    }

    /** The lines that make the run fail (one per violation or gated finding); empty when it passes. */
    public List<String> failures() {
        Severity threshold = threshold();
        List<String> out = new ArrayList<>();
        if (threshold == null) {
            return out;
        }
        for (AppReview a : apps) {
            String app = org.leakscan.report.ReportJson.appKey(a.app());
            if (policy != null) {
                for (Violation v : a.violations()) {
                    if (v.rule().severity().atLeast(threshold)) {
                        out.add(app + ": [" + v.rule().severity().id() + "] " + v.message());
                    }
                }
            } else {
                for (Issue i : a.newIssues()) {
                    if (i.rule().severity().atLeast(threshold)) {
                        out.add(app + ": [" + i.rule().severity().id() + "] " + i.rule().id() + " " + i.message());
                    }
                }
            }
        }
        return out;
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
