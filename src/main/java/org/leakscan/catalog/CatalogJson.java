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

/**
 * Reading helpers shared by the catalogue loaders: parse a file, check its schema name, and read
 * typed members of an entry. Every failure is a {@link CatalogException} whose message starts with
 * the {@code where} text the caller passes (file name and entry position), so loaders report the
 * exact entry without repeating that bookkeeping.
 */
public final class CatalogJson {

    /** Where the shipped catalogues live on the classpath. */
    public static final String RESOURCE_DIR = "/org/leakscan/signatures/";

    private CatalogJson() {
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

    /**
     * A parsed catalogue file.
     *
     * @param root    the top-level object
     * @param label   the path or file name to use in messages
     * @param shipped true when it came from the jar rather than a user directory
     */
    public record Parsed(JsonObject root, String label, boolean shipped) {
    }

    /** Fails unless {@code root.schema} equals {@code expected}. */
    public static void requireSchema(JsonObject root, String expected, String file) {
        JsonElement schema = root.get("schema");
        if (schema == null || !schema.isJsonPrimitive() || !expected.equals(schema.getAsString())) {
            throw new CatalogException(file + ": \"schema\" must be \"" + expected + "\", found "
                    + (schema == null ? "nothing" : schema.toString()));
        }
    }

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
}
