package org.leakscan.report.policy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.leakscan.report.rules.Rule;
import org.leakscan.report.rules.Severity;

/**
 * Reads a {@code leakscan-policy/1} file strictly: an unknown key, type, severity, sink kind or
 * rule ID is an error naming the place, because a typo in a policy must not silently allow what
 * it meant to forbid. The schema is {@code org/leakscan/report/policy/leakscan-policy-1.schema.json}.
 */
public final class PolicyReader {

    private static final Set<String> SINK_KINDS = Set.of("network", "sms", "log", "file", "ipc", "clipboard",
            "bluetooth", "nearby");

    /** Keys each rule type allows besides {@code id}, {@code type}, {@code severity}, {@code description}. */
    private static final Map<PolicyRule.Type, Set<String>> KEYS = Map.of(
            PolicyRule.Type.NO_FLOW, Set.of("dataTypes", "sinks", "to"),
            PolicyRule.Type.NO_TRACKER, Set.of("categories", "trackers"),
            PolicyRule.Type.NO_DESTINATION_COUNTRY, Set.of("countries", "dataTypes"),
            PolicyRule.Type.NO_CLEARTEXT, Set.of(),
            PolicyRule.Type.DANGEROUS_PERMISSIONS, Set.of("allow"),
            PolicyRule.Type.NO_FINDING, Set.of("rules"),
            PolicyRule.Type.NO_UNDECLARED_DATA, Set.of("dataTypes", "aspects"));

    private static final Set<String> ASPECTS = Set.of(PolicyRule.COLLECTION, PolicyRule.SHARING, PolicyRule.ENCRYPTION);

    private PolicyReader() {
    }

    public static Policy read(Path file) throws PolicyException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PolicyException(file + ": no such file");
        } catch (IOException e) {
            throw new PolicyException(file + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(file.toString(), text);
    }

    public static Policy parse(String name, String text) throws PolicyException {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            String m = e.getMessage() == null ? "syntax error" : e.getMessage().lines().findFirst().orElse("");
            throw new PolicyException(name + ": not JSON (" + m + ")");
        }
        if (!root.isJsonObject()) {
            throw new PolicyException(name + ": a policy is a JSON object");
        }
        JsonObject o = root.getAsJsonObject();
        onlyKeys(name, "", o, Set.of("schema", "description", "firstParty", "rules"));
        String schema = string(name, "schema", o, true);
        if (!Policy.SCHEMA.equals(schema)) {
            throw new PolicyException(name + ": \"schema\" must be \"" + Policy.SCHEMA + "\", not \"" + schema + "\"");
        }
        Policy.FirstParty firstParty = Policy.FirstParty.NONE;
        if (o.has("firstParty")) {
            JsonObject fp = object(name, "firstParty", o.get("firstParty"));
            onlyKeys(name, "firstParty", fp, Set.of("domains", "entities"));
            firstParty = new Policy.FirstParty(
                    lower(strings(name, "firstParty.domains", fp.get("domains"))),
                    strings(name, "firstParty.entities", fp.get("entities")));
        }
        JsonElement rulesJson = o.get("rules");
        if (rulesJson == null || !rulesJson.isJsonArray()) {
            throw new PolicyException(name + ": \"rules\" must be an array of rules");
        }
        List<PolicyRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int i = 0;
        for (JsonElement e : rulesJson.getAsJsonArray()) {
            String where = "rules[" + i++ + "]";
            PolicyRule rule = rule(name, where, object(name, where, e));
            if (!ids.add(rule.id())) {
                throw new PolicyException(name + ": " + where + ": the id \"" + rule.id() + "\" is used twice");
            }
            rules.add(rule);
        }
        return new Policy(name, firstParty, rules);
    }

    private static PolicyRule rule(String name, String where, JsonObject r) throws PolicyException {
        String id = string(name, where + ".id", r.get("id"), true);
        String at = where + " (" + id + ")";
        String typeName = string(name, at + ".type", r.get("type"), true);
        PolicyRule.Type type = null;
        for (PolicyRule.Type t : PolicyRule.Type.values()) {
            if (t.id().equals(typeName)) {
                type = t;
            }
        }
        if (type == null) {
            throw new PolicyException(name + ": " + at + ": unknown type \"" + typeName + "\" (expected one of "
                    + String.join(", ", java.util.Arrays.stream(PolicyRule.Type.values()).map(PolicyRule.Type::id).toList()) + ")");
        }
        Set<String> allowed = new HashSet<>(KEYS.get(type));
        allowed.addAll(Set.of("id", "type", "severity", "description"));
        onlyKeys(name, at, r, allowed);
        Severity severity;
        try {
            severity = Severity.fromId(string(name, at + ".severity", r.get("severity"), true));
        } catch (IllegalArgumentException e) {
            throw new PolicyException(name + ": " + at + ": " + e.getMessage());
        }
        String description = r.has("description") ? string(name, at + ".description", r.get("description"), false) : null;

        List<String> sinks = lower(strings(name, at + ".sinks", r.get("sinks")));
        for (String s : sinks) {
            if (!SINK_KINDS.contains(s)) {
                throw new PolicyException(name + ": " + at + ": unknown sink kind \"" + s + "\" (expected one of "
                        + String.join(", ", new java.util.TreeSet<>(SINK_KINDS)) + ")");
            }
        }
        PolicyRule.Receiver to = PolicyRule.Receiver.ANY;
        if (r.has("to")) {
            String t = string(name, at + ".to", r.get("to"), true);
            if (t.equals("third-party")) {
                to = PolicyRule.Receiver.THIRD_PARTY;
            } else if (!t.equals("any")) {
                throw new PolicyException(name + ": " + at + ": \"to\" must be \"any\" or \"third-party\", not \"" + t + "\"");
            }
        }
        List<String> countries = new ArrayList<>();
        for (String c : strings(name, at + ".countries", r.get("countries"))) {
            if (!c.matches("[A-Za-z]{2}")) {
                throw new PolicyException(name + ": " + at + ": \"" + c + "\" is not an ISO 3166-1 alpha-2 country code");
            }
            countries.add(c.toUpperCase(Locale.ROOT));
        }
        if (type == PolicyRule.Type.NO_DESTINATION_COUNTRY && countries.isEmpty()) {
            throw new PolicyException(name + ": " + at + ": \"countries\" must list at least one country");
        }
        List<Rule> builtIn = new ArrayList<>();
        for (String s : strings(name, at + ".rules", r.get("rules"))) {
            try {
                builtIn.add(Rule.fromId(s));
            } catch (IllegalArgumentException e) {
                throw new PolicyException(name + ": " + at + ": " + e.getMessage() + " (see docs/rules/)");
            }
        }
        if (type == PolicyRule.Type.NO_FINDING && builtIn.isEmpty()) {
            throw new PolicyException(name + ": " + at + ": \"rules\" must list at least one rule ID");
        }
        List<String> aspects = lower(strings(name, at + ".aspects", r.get("aspects")));
        for (String a : aspects) {
            if (!ASPECTS.contains(a)) {
                throw new PolicyException(name + ": " + at + ": unknown aspect \"" + a + "\" (expected one of "
                        + String.join(", ", new java.util.TreeSet<>(ASPECTS)) + ")");
            }
        }
        if (aspects.isEmpty() && type == PolicyRule.Type.NO_UNDECLARED_DATA) {
            aspects = PolicyRule.DEFAULT_ASPECTS;
        }
        return new PolicyRule(id, type, severity, description, strings(name, at + ".dataTypes", r.get("dataTypes")),
                sinks, to, lower(strings(name, at + ".categories", r.get("categories"))),
                strings(name, at + ".trackers", r.get("trackers")), countries,
                strings(name, at + ".allow", r.get("allow")), builtIn, aspects);
    }

    private static void onlyKeys(String name, String where, JsonObject o, Set<String> allowed) throws PolicyException {
        for (String k : o.keySet()) {
            if (!allowed.contains(k)) {
                throw new PolicyException(name + ": " + (where.isEmpty() ? "" : where + ": ") + "unknown key \"" + k
                        + "\" (allowed here: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static JsonObject object(String name, String where, JsonElement e) throws PolicyException {
        if (e == null || !e.isJsonObject()) {
            throw new PolicyException(name + ": " + where + " must be an object");
        }
        return e.getAsJsonObject();
    }

    private static String string(String name, String where, JsonElement e, boolean required) throws PolicyException {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()
                || (required && e.getAsString().isBlank())) {
            throw new PolicyException(name + ": " + where + " must be a" + (required ? " non-empty" : "") + " string");
        }
        return e.getAsString();
    }

    private static String string(String name, String key, JsonObject o, boolean required) throws PolicyException {
        return string(name, "\"" + key + "\"", o.get(key), required);
    }

    private static List<String> strings(String name, String where, JsonElement e) throws PolicyException {
        List<String> out = new ArrayList<>();
        if (e == null) {
            return out;
        }
        if (!e.isJsonArray()) {
            throw new PolicyException(name + ": " + where + " must be an array of strings");
        }
        for (JsonElement x : e.getAsJsonArray()) {
            out.add(string(name, where + "[]", x, true));
        }
        return out;
    }

    private static List<String> lower(List<String> list) {
        return list.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }
}
