package org.leakscan.report.policy;

import java.util.List;
import java.util.Locale;
import org.leakscan.report.rules.Rule;
import org.leakscan.report.rules.Severity;

/**
 * One rule of a policy file. Which of the lists apply depends on the {@link Type}; an empty list
 * means "any".
 *
 * @param id          the rule's name in the policy, unique in it
 * @param type        what it forbids
 * @param severity    how much a violation matters ({@code --fail-on} compares against it)
 * @param description why the rule exists, shown with each violation (may be null)
 * @param dataTypes   {@code no-flow}: data type ids, id prefixes ({@code device-id} matches
 *                    {@code device-id.imei}) or Data safety category names ({@code Location})
 * @param sinks       {@code no-flow}: sink kinds ({@code network}, {@code sms}...)
 * @param to          {@code no-flow}: which receivers count
 * @param categories  {@code no-tracker}: tracker categories ({@code advertising}...)
 * @param trackers    {@code no-tracker}: tracker ids or names
 * @param countries   {@code no-destination-country}: ISO 3166-1 alpha-2 codes
 * @param allow       {@code dangerous-permissions}: the dangerous permissions that are fine
 * @param rules       {@code no-finding}: built-in rules whose findings are violations
 * @param aspects     {@code no-undeclared-data}: which differences from the Data safety
 *                    declaration count: {@value #COLLECTION}, {@value #SHARING}, {@value #ENCRYPTION}
 */
public record PolicyRule(String id, Type type, Severity severity, String description, List<String> dataTypes,
                         List<String> sinks, Receiver to, List<String> categories, List<String> trackers,
                         List<String> countries, List<String> allow, List<Rule> rules, List<String> aspects) {

    /** Undeclared collection (LS601). */
    public static final String COLLECTION = "collection";
    /** Undeclared sharing (LS602). */
    public static final String SHARING = "sharing";
    /** Cleartext despite declared encryption in transit (LS603). */
    public static final String ENCRYPTION = "encryption";
    /** What {@code no-undeclared-data} checks when {@code aspects} is not given. */
    public static final List<String> DEFAULT_ASPECTS = List.of(COLLECTION, SHARING);

    public PolicyRule {
        dataTypes = List.copyOf(dataTypes);
        sinks = List.copyOf(sinks);
        categories = List.copyOf(categories);
        trackers = List.copyOf(trackers);
        countries = List.copyOf(countries);
        allow = List.copyOf(allow);
        rules = List.copyOf(rules);
        aspects = List.copyOf(aspects);
    }

    /** What a rule forbids. */
    public enum Type {
        /** Personal data of the listed types reaching the listed sinks (and receivers). */
        NO_FLOW,
        /** Trackers of the listed categories (or ids). */
        NO_TRACKER,
        /** Personal data reaching a host whose owner is in one of the listed countries. */
        NO_DESTINATION_COUNTRY,
        /** Cleartext (http, ws, ftp) endpoints. */
        NO_CLEARTEXT,
        /** Dangerous permissions other than the allowed ones. */
        DANGEROUS_PERMISSIONS,
        /** Any finding of the listed built-in rules. */
        NO_FINDING,
        /**
         * Data the app's Play Data safety declaration leaves out: undeclared collection or sharing
         * (and, if listed, cleartext despite declared encryption); needs {@code --data-safety}.
         */
        NO_UNDECLARED_DATA;

        /** The JSON name, e.g. {@code no-flow}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Which receivers of a flow a {@code no-flow} rule is about. */
    public enum Receiver {
        /** Any flow to the listed sinks. */
        ANY,
        /**
         * A flow whose sending code is a library's, or whose network destination is not the app's
         * own (its owner is not a first-party entity and its host is not in a first-party domain).
         */
        THIRD_PARTY;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
