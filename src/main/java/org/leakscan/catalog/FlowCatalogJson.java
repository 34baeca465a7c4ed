package org.leakscan.catalog;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.leakscan.program.MethodRef;

/**
 * Strict reading of the data-flow catalogues ({@code sinks.json}, {@code models.json}): every
 * problem becomes an {@link IllegalArgumentException} with a one-line message that starts with
 * the place, e.g. {@code sinks.json: sinks[12]: ...}. The loaders check what the schema checks,
 * so a user's {@code --signatures} directory cannot slip a malformed entry past them.
 */
final class FlowCatalogJson {

    /** A DEX-style method descriptor with a well-formed name, parameter list and return type. */
    private static final String TYPE = "\\[*(?:[ZBCSIJFD]|L[^;()\\[.]+;)";
    private static final Pattern METHOD = Pattern.compile(
            "L[^;()\\[.]+;->(?:<init>|[A-Za-z_$][A-Za-z0-9_$]*)\\((?:" + TYPE + ")*\\)(?:V|" + TYPE + ")");
    private static final Pattern CLASS = Pattern.compile("L[^;()\\[.]+;");

    private FlowCatalogJson() {
    }

    /** Parses the document and checks its {@code schema} name; {@code source} prefixes messages. */
    static JsonObject root(InputStream in, String source, String schema) {
        JsonElement parsed;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            parsed = JsonParser.parseReader(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonParseException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalArgumentException(source + ": malformed JSON: " + message.lines().findFirst().orElse(""), e);
        }
        if (!parsed.isJsonObject()) {
            throw new IllegalArgumentException(source + ": top level is not an object");
        }
        JsonObject root = parsed.getAsJsonObject();
        JsonElement name = root.get("schema");
        if (name == null || !name.isJsonPrimitive() || !schema.equals(name.getAsString())) {
            throw new IllegalArgumentException(source + ": schema is not " + schema);
        }
        return root;
    }

    /** Fails on any key of {@code o} outside {@code allowed}. */
    static void onlyKeys(JsonObject o, Set<String> allowed, String where) {
        for (String key : o.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key \"" + key + "\"");
            }
        }
    }

    /** The array under {@code key}; fails when absent or not an array. */
    static JsonArray array(JsonObject o, String key, String where) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonArray()) {
            throw new IllegalArgumentException(where + ": no \"" + key + "\" array");
        }
        return e.getAsJsonArray();
    }

    /** The entry as an object; fails otherwise. */
    static JsonObject object(JsonElement e, String where) {
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException(where + ": not an object");
        }
        return e.getAsJsonObject();
    }

    /** The non-empty string under {@code key}; fails when absent. */
    static String string(JsonObject o, String key, String where) {
        return string(o.get(key), where + " " + key);
    }

    static String string(JsonElement e, String where) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || e.getAsString().isEmpty()) {
            throw new IllegalArgumentException(where + ": not a non-empty string");
        }
        return e.getAsString();
    }

    /** The string under {@code key}, or {@code fallback} when absent. */
    static String optionalString(JsonObject o, String key, String fallback, String where) {
        return o.has(key) ? string(o, key, where) : fallback;
    }

    /** The boolean under {@code key}, which must be present. */
    static boolean bool(JsonObject o, String key, String where) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException(where + " " + key + ": not a boolean");
        }
        return e.getAsBoolean();
    }

    /**
     * A flag that is written only with its one meaningful value ({@code "static": true},
     * {@code "verified": false}); {@code absent} is the value when the key is missing.
     */
    static boolean flag(JsonObject o, String key, boolean absent, String where) {
        if (!o.has(key)) {
            return absent;
        }
        boolean value = bool(o, key, where);
        if (value == absent) {
            throw new IllegalArgumentException(where + " " + key + ": write it only as " + !absent + ", or leave it out");
        }
        return value;
    }

    /** Distinct argument numbers (0 = receiver) under {@code key}. */
    static List<Integer> argNumbers(JsonObject o, String key, String where) {
        List<Integer> out = new ArrayList<>();
        for (JsonElement e : array(o, key, where)) {
            if (!e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) {
                throw new IllegalArgumentException(where + " " + key + ": not an argument number: " + e);
            }
            double d = e.getAsDouble();
            if (d != Math.rint(d) || d < 0 || d > 255) {
                throw new IllegalArgumentException(where + " " + key + ": not an argument number: " + e);
            }
            int n = (int) d;
            if (out.contains(n)) {
                throw new IllegalArgumentException(where + " " + key + ": " + n + " twice");
            }
            out.add(n);
        }
        return out;
    }

    /** The method descriptor under {@code key}, parsed; fails when it is not well formed. */
    static MethodRef method(JsonObject o, String key, String where) {
        return method(string(o, key, where), where);
    }

    static MethodRef method(String api, String where) {
        if (!METHOD.matcher(api).matches()) {
            throw new IllegalArgumentException(where + ": not a DEX method descriptor: " + api);
        }
        return MethodRef.parse(api);
    }

    /** The class type descriptor under {@code key}. */
    static String classType(JsonObject o, String key, String where) {
        String type = string(o, key, where);
        if (!CLASS.matcher(type).matches()) {
            throw new IllegalArgumentException(where + ": not a class type descriptor: " + type);
        }
        return type;
    }
}
