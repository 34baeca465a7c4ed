package org.leakscan.report.policy;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.analysis.findings.DataAccess;
import org.leakscan.analysis.findings.DataSafety;
import org.leakscan.analysis.findings.Flow;
import org.leakscan.analysis.findings.PermissionFinding;
import org.leakscan.analysis.findings.Summary;
import org.leakscan.analysis.findings.TrackerFinding;
import org.leakscan.report.ReportJson;
import org.leakscan.report.rules.Issue;
import org.leakscan.report.rules.Rule;

/**
 * Judges the findings of one app against a policy. Every rule is checked against every finding;
 * a finding can break several rules, and each is one violation.
 */
public final class PolicyEvaluator {

    private final Policy policy;

    public PolicyEvaluator(Policy policy) {
        this.policy = policy;
    }

    /** The violations in the findings of {@code app} (one app of a report), in rule order, then finding order. */
    public List<Violation> evaluate(AppFindings app, List<Issue> issues) {
        AppFacts facts = new AppFacts(app, policy.firstParty());
        List<Violation> out = new ArrayList<>();
        for (PolicyRule rule : policy.rules()) {
            for (Issue issue : issues) {
                String why = breaks(rule, issue, facts);
                if (why != null) {
                    out.add(new Violation(rule, issue, "Policy rule '" + rule.id() + "' (" + rule.type().id() + "): "
                            + why + (rule.description() == null ? "" : " [" + rule.description() + "]")));
                }
            }
        }
        return out;
    }

    /** One app of a report tree: read into the records first ({@link ReportJson#app}), then judged. */
    public List<Violation> evaluate(JsonObject app, List<Issue> issues) {
        return evaluate(ReportJson.app(app), issues);
    }

    /** Why the issue breaks the rule, or null when it does not. */
    private static String breaks(PolicyRule rule, Issue issue, AppFacts facts) {
        return switch (rule.type()) {
            case NO_FLOW -> {
                if (!(issue.evidence() instanceof Flow flow) || !facts.dataTypeMatches(flow.dataType(), rule.dataTypes())
                        || !(rule.sinks().isEmpty() || flow.sink() != null && rule.sinks().contains(flow.sink().kind()))) {
                    yield null;
                }
                if (rule.to() == PolicyRule.Receiver.ANY) {
                    yield issue.message();
                }
                List<DataSafety.Receiver> third = facts.receivers.thirdParties(flow);
                yield third.isEmpty() ? null : issue.message() + " Third party: " + Receivers.describe(third.get(0)) + ".";
            }
            case NO_TRACKER -> {
                if (!(issue.evidence() instanceof TrackerFinding t)) {
                    yield null;
                }
                boolean category = rule.categories().isEmpty() || t.categories().stream()
                        .anyMatch(c -> rule.categories().contains(c.toLowerCase(Locale.ROOT)));
                boolean named = rule.trackers().isEmpty() || rule.trackers().stream()
                        .anyMatch(n -> n.equalsIgnoreCase(t.id()) || n.equalsIgnoreCase(t.name()));
                yield category && named ? issue.message() : null;
            }
            case NO_DESTINATION_COUNTRY -> {
                if (!(issue.evidence() instanceof Flow flow) || !facts.dataTypeMatches(flow.dataType(), rule.dataTypes())) {
                    yield null;
                }
                List<String> hits = new ArrayList<>();
                for (Flow.Destination d : flow.destinations()) {
                    String country = d.owner() == null || d.owner().country() == null ? ""
                            : d.owner().country().toUpperCase(Locale.ROOT);
                    if (rule.countries().contains(country)) {
                        // Say what the country rests on (#12): a catalogue fact weighs more than a ccTLD.
                        String basis = d.owner().countryBasis() != null ? d.owner().countryBasis() : d.owner().basis();
                        hits.add(d.host() + " is in " + country + (basis == null || basis.isEmpty() ? ""
                                : " (basis: " + basis + ")"));
                    }
                }
                yield hits.isEmpty() ? null : issue.message() + " " + String.join("; ", hits) + ".";
            }
            case NO_CLEARTEXT -> issue.rule() == Rule.LS301 ? issue.message() : null;
            case DANGEROUS_PERMISSIONS -> issue.rule() == Rule.LS101 && issue.evidence() instanceof PermissionFinding p
                    && !rule.allow().contains(p.name()) ? issue.message() + " It is not in the allowed list." : null;
            case NO_FINDING -> rule.rules().contains(issue.rule()) ? issue.message() : null;
            case NO_UNDECLARED_DATA -> {
                if (!(issue.evidence() instanceof DataSafety.Finding f) || !rule.aspects().contains(aspectOf(issue.rule()))
                        || !facts.playTypeMatches(f, rule.dataTypes())) {
                    yield null;
                }
                yield issue.message();
            }
        };
    }

    /** The {@code aspects} name of a declaration rule: {@code collection}, {@code sharing} or {@code encryption}. */
    static String aspectOf(Rule rule) {
        return switch (rule) {
            case LS601 -> PolicyRule.COLLECTION;
            case LS602 -> PolicyRule.SHARING;
            case LS603 -> PolicyRule.ENCRYPTION;
            default -> "";
        };
    }

    /** What the rules need to know about the app as a whole: data type categories, who its receivers are. */
    private static final class AppFacts {

        private final Map<String, String> categoryOf = new HashMap<>();
        private final Receivers receivers;

        AppFacts(AppFindings app, Policy.FirstParty firstParty) {
            for (DataAccess d : app.dataAccess()) {
                categoryOf.put(d.dataType(), d.category());
            }
            if (app.summary() != null) {
                for (Summary.DataTypeSummary d : app.summary().dataTypes()) {
                    categoryOf.putIfAbsent(d.id(), d.category());
                }
            }
            receivers = new Receivers(firstParty, app);
        }

        /** An empty pattern list matches all; else an id, an id prefix up to a dot, or a category name. */
        boolean dataTypeMatches(String dataType, List<String> patterns) {
            if (patterns.isEmpty()) {
                return true;
            }
            String type = dataType == null ? "" : dataType;
            String category = categoryOf.getOrDefault(type, "");
            for (String p : patterns) {
                if (type.equals(p) || type.startsWith(p + ".") || (category != null && category.equalsIgnoreCase(p))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * An empty pattern list matches all; else the Play data type's name or response id, or its
         * category, any case. A cleartext finding (no data type) matches only an empty list.
         */
        boolean playTypeMatches(DataSafety.Finding f, List<String> patterns) {
            if (patterns.isEmpty()) {
                return true;
            }
            for (String p : patterns) {
                if (p.equalsIgnoreCase(f.name()) || p.equalsIgnoreCase(f.dataType()) || p.equalsIgnoreCase(f.category())) {
                    return true;
                }
            }
            return false;
        }
    }
}
