package org.leakscan.report.policy;

import static org.leakscan.report.ReportJson.object;
import static org.leakscan.report.ReportJson.objects;
import static org.leakscan.report.ReportJson.string;
import static org.leakscan.report.ReportJson.strings;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    public List<Violation> evaluate(JsonObject app, List<Issue> issues) {
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

    /** Why the issue breaks the rule, or null when it does not. */
    private static String breaks(PolicyRule rule, Issue issue, AppFacts facts) {
        JsonObject e = issue.evidence();
        return switch (rule.type()) {
            case NO_FLOW -> {
                if (!issue.rule().isFlowRule() || !facts.dataTypeMatches(string(e, "dataType"), rule.dataTypes())
                        || !(rule.sinks().isEmpty() || rule.sinks().contains(string(object(e, "sink"), "kind")))) {
                    yield null;
                }
                if (rule.to() == PolicyRule.Receiver.ANY) {
                    yield issue.message();
                }
                String thirdParty = facts.thirdParty(e);
                yield thirdParty == null ? null : issue.message() + " Third party: " + thirdParty + ".";
            }
            case NO_TRACKER -> {
                if (issue.rule() != Rule.LS201) {
                    yield null;
                }
                boolean category = rule.categories().isEmpty() || strings(e, "categories").stream()
                        .anyMatch(c -> rule.categories().contains(c.toLowerCase(Locale.ROOT)));
                boolean named = rule.trackers().isEmpty() || rule.trackers().stream()
                        .anyMatch(t -> t.equalsIgnoreCase(string(e, "id")) || t.equalsIgnoreCase(string(e, "name")));
                yield category && named ? issue.message() : null;
            }
            case NO_DESTINATION_COUNTRY -> {
                if (!issue.rule().isFlowRule() || !facts.dataTypeMatches(string(e, "dataType"), rule.dataTypes())) {
                    yield null;
                }
                List<String> hits = new ArrayList<>();
                for (JsonObject d : objects(e, "destinations")) {
                    JsonObject owner = object(d, "owner");
                    String country = string(owner, "country").toUpperCase(Locale.ROOT);
                    if (rule.countries().contains(country)) {
                        // Say what the country rests on (#12): a catalogue fact weighs more than a ccTLD.
                        String basis = string(owner, "countryBasis").isEmpty() ? string(owner, "basis")
                                : string(owner, "countryBasis");
                        hits.add(string(d, "host") + " is in " + country + (basis.isEmpty() ? "" : " (basis: " + basis + ")"));
                    }
                }
                yield hits.isEmpty() ? null : issue.message() + " " + String.join("; ", hits) + ".";
            }
            case NO_CLEARTEXT -> issue.rule() == Rule.LS301 ? issue.message() : null;
            case DANGEROUS_PERMISSIONS -> issue.rule() == Rule.LS101 && !rule.allow().contains(string(e, "name"))
                    ? issue.message() + " It is not in the allowed list." : null;
            case NO_FINDING -> rule.rules().contains(issue.rule()) ? issue.message() : null;
        };
    }

    /** What the rules need to know about the app as a whole: data type categories, its own domains. */
    private static final class AppFacts {

        private final Map<String, String> categoryOf = new HashMap<>();
        private final List<String> ownDomains = new ArrayList<>();
        private final List<String> ownEntities;

        AppFacts(JsonObject app, Policy.FirstParty firstParty) {
            for (JsonObject d : objects(app, "dataAccess")) {
                categoryOf.put(string(d, "dataType"), string(d, "category"));
            }
            for (JsonObject d : objects(object(app, "summary"), "dataTypes")) {
                categoryOf.putIfAbsent(string(d, "id"), string(d, "category"));
            }
            ownDomains.addAll(firstParty.domains());
            String[] labels = string(object(app, "app"), "package").split("\\.");
            if (labels.length >= 2) {
                // com.example.weatherbuddy publishes from example.com: the reverse-domain convention.
                ownDomains.add((labels[1] + "." + labels[0]).toLowerCase(Locale.ROOT));
            }
            ownEntities = firstParty.entities();
        }

        /** An empty pattern list matches all; else an id, an id prefix up to a dot, or a category name. */
        boolean dataTypeMatches(String dataType, List<String> patterns) {
            if (patterns.isEmpty()) {
                return true;
            }
            String category = categoryOf.getOrDefault(dataType, "");
            for (String p : patterns) {
                if (dataType.equals(p) || dataType.startsWith(p + ".") || category.equalsIgnoreCase(p)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Who the third party of a flow is: the library that sends, or a destination that is not
         * the app's own. Null when neither (the app's own code sending to its own hosts, or to a
         * destination constants do not give).
         */
        String thirdParty(JsonObject flow) {
            String library = string(flow, "library");
            if (!library.isEmpty()) {
                return "the sending code is the library " + library;
            }
            for (JsonObject d : objects(flow, "destinations")) {
                String host = string(d, "host").toLowerCase(Locale.ROOT);
                if (host.isEmpty()) {
                    continue;
                }
                JsonObject owner = object(d, "owner");
                String entity = string(owner, "entity");
                if ("first".equals(string(owner, "party")) || ownEntities.contains(entity) || ownDomains.stream().anyMatch(o -> host.equals(o) || host.endsWith("." + o))) {
                    continue;
                }
                String name = string(owner, "name");
                return host + (name.isEmpty() ? (entity.isEmpty() || entity.equals("unknown") ? " (owner unknown)"
                        : " (owned by " + entity + ")") : " (owned by " + name + ")") + " is not the app's own";
            }
            return null;
        }
    }
}
