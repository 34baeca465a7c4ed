package org.leakscan.report.policy;

import java.util.List;

/**
 * A policy file ({@code leakscan-policy/1}): what an app may not do, as rules with severities.
 *
 * @param file       where it was read from, for messages
 * @param firstParty who counts as the app's own receiver, besides the domain its package names
 * @param rules      the rules, in file order
 */
public record Policy(String file, FirstParty firstParty, List<PolicyRule> rules) {

    public static final String SCHEMA = "leakscan-policy/1";

    public Policy {
        rules = List.copyOf(rules);
    }

    /**
     * The app maker's own receivers: host domains ({@code example.com} covers
     * {@code api.example.com}) and owner entity ids from the entities catalogue.
     */
    public record FirstParty(List<String> domains, List<String> entities) {

        public static final FirstParty NONE = new FirstParty(List.of(), List.of());

        public FirstParty {
            domains = List.copyOf(domains);
            entities = List.copyOf(entities);
        }
    }
}
