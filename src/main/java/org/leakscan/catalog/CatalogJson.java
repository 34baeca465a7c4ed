package org.leakscan.catalog;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.leakscan.program.MethodRef;

/**
 * The one way the catalogue loaders read their files. A loader declares its file once as a
 * {@link CatalogFile} (file name, schema name, and how to build the catalogue from the parsed
 * root) and gets from it the shipped catalogue, {@code loadFrom(dir)} and {@code load(in)}; while
 * building, it reads members with the typed getters below.
 *
 * <p>Every failure is a {@link CatalogException} with a one-line message that starts with the
 * label the caller passes (the file name, the user file's path, or that plus the entry position,
 * e.g. {@code sinks.json: sinks[12]}), so loaders report the exact entry without repeating that
 * bookkeeping.
 */
public final class CatalogJson {

    /** Where the shipped catalogues live on the classpath. */
    public static final String RESOURCE_DIR = "/org/leakscan/signatures/";

    private CatalogJson() {
    }

    // ------------------------------------------------------------------------------ one file

    /**
     * One catalogue file and how to turn it into a catalogue. The rules are the same for every
     * catalogue: the shipped copy comes from {@value CatalogJson#RESOURCE_DIR}, is parsed on first
     * use and then shared; a directory overrides it only when it holds a file of that name; every
     * document is strict JSON whose top level is an object with the right {@code "schema"}. The
     * builder gets the checked root and the label its errors must start with.
     *
     * @param <T> the catalogue type
     */
    public static final class CatalogFile<T> {

        private final String fileName;
        private final String schema;
        private final BiFunction<JsonObject, String, T> build;
        private volatile T shipped;

        public CatalogFile(String fileName, String schema, BiFunction<JsonObject, String, T> build) {
            this.fileName = fileName;
            this.schema = schema;
            this.build = build;
        }

        /** The file name, in {@value CatalogJson#RESOURCE_DIR} and in a {@code --signatures} directory. */
        public String fileName() {
            return fileName;
        }

        /**
         * The shipped catalogue, built on first use and then shared. Thread-safe, and lock-free
         * once built. A broken shipped file throws a {@link CatalogException} naming it, on this
         * call and on every later one (nothing is cached), never an {@link ExceptionInInitializerError}.
         */
        public T shipped() {
            T result = shipped;
            if (result == null) {
                synchronized (this) {
                    result = shipped;
                    if (result == null) {
                        Parsed parsed = checked(readResource(fileName));
                        result = build.apply(parsed.root(), parsed.label());
                        shipped = result;
                    }
                }
            }
            return result;
        }

        /**
         * The catalogue from {@code directory} when it holds this file (errors start with the
         * file's path), else {@link #shipped()}.
         */
        public T loadFrom(Path directory) {
            Parsed parsed = read(directory);
            return parsed.shipped() ? shipped() : build.apply(parsed.root(), parsed.label());
        }

        /**
         * This file from {@code directory} when it is there, else the shipped one, parsed afresh
         * and schema-checked: for a loader that must build the shipped file differently (against
         * a user's taxonomy, say).
         */
        public Parsed read(Path directory) {
            return checked(CatalogJson.read(directory, fileName));
        }

        /** Parses and builds a document; errors start with {@code label}. Does not close {@code in}. */
        public T load(InputStream in, String label) {
            return build.apply(parse(in, label), label);
        }

        /** Parses a document and checks its schema; errors start with {@code label}. Does not close {@code in}. */
        public JsonObject parse(InputStream in, String label) {
            JsonObject root = parseObject(in, label);
            requireSchema(root, schema, label);
            return root;
        }

        private Parsed checked(Parsed parsed) {
            requireSchema(parsed.root(), schema, parsed.label());
            return parsed;
        }
    }

    /**
     * A parsed catalogue file.
     *
     * @param root    the top-level object
     * @param label   the path or file name to use in messages
     * @param shipped true when it came from the jar rather than a user directory
     */
    public record Parsed(JsonObject root, String label, boolean shipped) {
    }

    /**
     * Opens {@code fileName} from {@code directory} when it is there, else from the shipped
     * resources, and parses it. The returned label (path or bare name) is what errors should name.
     */
    public static Parsed read(Path directory, String fileName) {
        Path file = directory == null ? null : directory.resolve(fileName);
        if (file != null && Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return new Parsed(parseObject(in, file.toString()), file.toString(), false);
            } catch (IOException e) {
                throw new CatalogException(file + ": cannot read: " + e.getMessage(), e);
            }
        }
        return readResource(fileName);
    }

    /** Parses the shipped {@code fileName} from {@value #RESOURCE_DIR}. */
    public static Parsed readResource(String fileName) {
        try (InputStream in = CatalogJson.class.getResourceAsStream(RESOURCE_DIR + fileName)) {
            if (in == null) {
                throw new CatalogException(fileName + ": not found on the classpath at " + RESOURCE_DIR);
            }
            return new Parsed(parseObject(in, fileName), fileName, true);
        } catch (IOException e) {
            throw new CatalogException(fileName + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses {@code in} as a JSON object; {@code file} names it in errors. Does not close {@code in}. */
    public static JsonObject parseObject(InputStream in, String file) {
        try {
            // Strict, like the JSON Schema tests: comments, single quotes or trailing text in a
            // user's catalogue are errors here too, not something only the loader tolerates.
            JsonReader reader = new JsonReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.setStrictness(Strictness.STRICT);
            JsonElement parsed = JsonParser.parseReader(reader);
            if (!atEnd(reader)) {
                throw new CatalogException(file + ": malformed JSON: text after the top-level value");
            }
            if (!parsed.isJsonObject()) {
                throw new CatalogException(file + ": the top level is not a JSON object");
            }
            return parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new CatalogException(file + ": malformed JSON: " + firstLine(e), e);
        }
    }

    private static boolean atEnd(JsonReader reader) {
        try {
            return reader.peek() == JsonToken.END_DOCUMENT;
        } catch (IOException e) {
            // A strict reader refuses to even look at a second top-level value.
            return false;
        }
    }

    /** Gson's messages run over several lines; the first names the position. */
    private static String firstLine(Exception e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }

    /** Fails unless {@code root.schema} equals {@code expected}. */
    public static void requireSchema(JsonObject root, String expected, String file) {
        JsonElement schema = root.get("schema");
        if (schema == null || !schema.isJsonPrimitive() || !expected.equals(schema.getAsString())) {
            throw new CatalogException(file + ": \"schema\" must be \"" + expected + "\", found "
                    + (schema == null ? "nothing" : schema.toString()));
        }
    }

    /**
     * Reads one entry with {@code reader}. The entry's own checks (record constructors,
     * {@code MethodRef.parse}, {@code Endpoint.parse}, ...) throw {@link IllegalArgumentException}
     * without a place; this turns them into a {@link CatalogException} that starts with
     * {@code where}. A {@link CatalogException} from the getters already names the place and
     * passes through.
     */
    public static <T> T entry(String where, Supplier<T> reader) {
        try {
            return reader.get();
        } catch (IllegalArgumentException e) {
            throw new CatalogException(where + ": " + e.getMessage(), e);
        }
    }

    /** {@link #entry(String, Supplier)} for an entry read for its effect (added to a map, say). */
    public static void entry(String where, Runnable reader) {
        entry(where, () -> {
            reader.run();
            return null;
        });
    }

    // ------------------------------------------------------------------------------ typed getters

    /** Fails when {@code object} has a member not in {@code allowed}: a typo must not pass silently. */
    public static void allowOnly(JsonObject object, Set<String> allowed, String where) {
        TreeSet<String> unknown = new TreeSet<>(object.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw new CatalogException(where + ": unknown member" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown));
        }
    }

    /** The element as an object, or an error naming {@code where}. */
    public static JsonObject object(JsonElement element, String where) {
        if (element == null || !element.isJsonObject()) {
            throw new CatalogException(where + ": not a JSON object");
        }
        return element.getAsJsonObject();
    }

    /** The required member {@code key} as an object. */
    public static JsonObject object(JsonObject object, String key, String where) {
        JsonElement value = object.get(key);
        if (value == null) {
            throw new CatalogException(where + ": missing \"" + key + "\"");
        }
        if (!value.isJsonObject()) {
            throw new CatalogException(where + ": \"" + key + "\" must be an object");
        }
        return value.getAsJsonObject();
    }

    /** The member {@code key} as an array; an empty array when absent and not {@code required}. */
    public static JsonArray array(JsonObject object, String key, String where, boolean required) {
        JsonElement value = object.get(key);
        if (value == null) {
            if (required) {
                throw new CatalogException(where + ": missing \"" + key + "\"");
            }
            return new JsonArray();
        }
        if (!value.isJsonArray()) {
            throw new CatalogException(where + ": \"" + key + "\" must be an array");
        }
        return value.getAsJsonArray();
    }

    /** The required non-empty string member {@code key}. */
    public static String string(JsonObject object, String key, String where) {
        String value = optionalString(object, key, where);
        if (value == null || value.isEmpty()) {
            throw new CatalogException(where + ": missing or empty \"" + key + "\"");
        }
        return value;
    }

    /** The element (an array item) as a non-empty string. */
    public static String string(JsonElement value, String where) {
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()
                || value.getAsString().isEmpty()) {
            throw new CatalogException(where + ": not a non-empty string");
        }
        return value.getAsString();
    }

    /** The string member {@code key}, or null when absent. */
    public static String optionalString(JsonObject object, String key, String where) {
        JsonElement value = object.get(key);
        if (value == null) {
            return null;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new CatalogException(where + ": \"" + key + "\" must be a string");
        }
        return value.getAsString();
    }

    /** The member {@code key} as a list of strings; empty when absent and not {@code required}. */
    public static List<String> stringList(JsonObject object, String key, String where, boolean required) {
        List<String> result = new ArrayList<>();
        int i = 0;
        for (JsonElement e : array(object, key, where, required)) {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw new CatalogException(where + ": \"" + key + "\"[" + i + "] must be a string");
            }
            result.add(e.getAsString());
            i++;
        }
        return List.copyOf(result);
    }

    /** The positive integer member {@code key}, or 0 when absent. */
    public static int optionalPositiveInt(JsonObject object, String key, String where) {
        JsonElement value = object.get(key);
        if (value == null) {
            return 0;
        }
        int n = integer(value, where + ": \"" + key + "\"");
        if (n < 1) {
            throw new CatalogException(where + ": \"" + key + "\" must be at least 1");
        }
        return n;
    }

    /** The element as an int, or an error naming {@code what}. */
    public static int integer(JsonElement value, String what) {
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new CatalogException(what + " must be an integer");
        }
        JsonPrimitive p = value.getAsJsonPrimitive();
        double d = p.getAsDouble();
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new CatalogException(what + " must be an integer");
        }
        return (int) d;
    }

    /** The required boolean member {@code key}. */
    public static boolean bool(JsonObject object, String key, String where) {
        if (!object.has(key)) {
            throw new CatalogException(where + ": missing \"" + key + "\"");
        }
        return optionalBoolean(object, key, where);
    }

    /** The boolean member {@code key}, or false when absent. */
    public static boolean optionalBoolean(JsonObject object, String key, String where) {
        JsonElement value = object.get(key);
        if (value == null) {
            return false;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
            throw new CatalogException(where + ": \"" + key + "\" must be true or false");
        }
        return value.getAsBoolean();
    }

    /**
     * A flag written only with its one meaningful value ({@code "static": true},
     * {@code "verified": false}); {@code absent} is the value when the member is missing.
     */
    public static boolean flag(JsonObject object, String key, boolean absent, String where) {
        if (!object.has(key)) {
            return absent;
        }
        boolean value = bool(object, key, where);
        if (value == absent) {
            throw new CatalogException(where + ": write \"" + key + "\" only as " + !absent + ", or leave it out");
        }
        return value;
    }

    // ----------------------------------------------- descriptors as sinks.json and models.json write them

    /**
     * A DEX-style method descriptor with a well-formed name, parameter list and return type: the
     * {@code methodDescriptor} pattern of {@code sinks.schema.json} and {@code models.schema.json}.
     * The other catalogues keep their own schema's, stricter ({@code sources.json}) or looser
     * ({@code api-permissions.json}, {@code framework-types.json}), rule.
     */
    private static final String TYPE = "\\[*(?:[ZBCSIJFD]|L[^;()\\[.]+;)";
    private static final Pattern METHOD = Pattern.compile(
            "L[^;()\\[.]+;->(?:<init>|[A-Za-z_$][A-Za-z0-9_$]*)\\((?:" + TYPE + ")*\\)(?:V|" + TYPE + ")");
    private static final Pattern CLASS = Pattern.compile("L[^;()\\[.]+;");

    /** The method descriptor member {@code key}, parsed; fails when it is not well formed. */
    public static MethodRef method(JsonObject object, String key, String where) {
        return method(string(object, key, where), where);
    }

    /** {@code api} parsed as a method descriptor; fails when it is not well formed. */
    public static MethodRef method(String api, String where) {
        if (!METHOD.matcher(api).matches()) {
            throw new CatalogException(where + ": not a DEX method descriptor: " + api);
        }
        return MethodRef.parse(api);
    }

    /** The class type descriptor member {@code key} ({@code Lpkg/Cls;}). */
    public static String classType(JsonObject object, String key, String where) {
        String type = string(object, key, where);
        if (!CLASS.matcher(type).matches()) {
            throw new CatalogException(where + ": not a class type descriptor: " + type);
        }
        return type;
    }
}
