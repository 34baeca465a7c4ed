package org.leakscan.report.policy;

import org.leakscan.report.rules.Issue;

/**
 * A finding a policy rule forbids.
 *
 * @param rule    the policy rule
 * @param issue   the finding
 * @param message one sentence: which rule, and what in the finding breaks it
 */
public record Violation(PolicyRule rule, Issue issue, String message) {

    /** Same violation across runs: the policy rule and the finding's fingerprint. */
    public String key() {
        return rule.id() + "|" + issue.fingerprint();
    }
}
