package org.leakscan.report;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
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
import java.util.List;

/**
 * A {@code leakscan-report/1} report as a Gson tree. Rules, policies, baselines and diffs read
 * reports through this one shape, whether the report was just made or written by an earlier
 * (possibly older) version: fields a reader does not find are treated as absent, never as an
 * error, so a report from before a field existed still reads.
 */
public final class ReportJson {

    private static final Gson GSON = new Gson();

    private ReportJson() {
    }

    /** The report as it would be written, as a tree. */
    public static JsonObject toTree(Report report) {
        return GSON.toJsonTree(report).getAsJsonObject();
    }

    /**
     * Reads a report written by {@code leakscan scan --format json}.
     *
     * @throws ReportReadException with a one-line message naming the file when it cannot be read
     *                             or is not a leakscan report
     */
    public static JsonObject read(Path file) throws ReportReadException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ReportReadException(file + ": no such file");
        } catch (IOException e) {
            throw new ReportReadException(file + ": cannot read (" + e.getMessage() + ")");
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new ReportReadException(file + ": not JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (!root.isJsonObject() || !string(root.getAsJsonObject(), "schema").startsWith("leakscan-report/")
                || !root.getAsJsonObject().has("apps")) {
            throw new ReportReadException(file + ": not a leakscan JSON report (no \"schema\": \"leakscan-report/1\")");
        }
        return root.getAsJsonObject();
    }

    /** The apps of a report. */
    public static List<JsonObject> apps(JsonObject report) {
        return objects(report, "apps");
    }

    /**
     * The key that names an app across versions and runs: its package, or the input's file name
     * when there is no manifest.
     */
    public static String appKey(JsonObject app) {
        String pkg = string(object(app, "app"), "package");
        if (!pkg.isEmpty()) {
            return pkg;
        }
        String path = string(object(app, "input"), "path");
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    /** A string field, or {@code ""} when absent or not a string. */
    public static String string(JsonObject o, String name) {
        JsonElement e = o == null ? null : o.get(name);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
    }

    /** A string field, or null when absent. */
    public static String stringOrNull(JsonObject o, String name) {
        String s = string(o, name);
        return s.isEmpty() ? null : s;
    }

    /** A boolean field; {@code absent} when missing. */
    public static boolean bool(JsonObject o, String name, boolean absent) {
        JsonElement e = o == null ? null : o.get(name);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean() : absent;
    }

    /** An object field, or an empty object. */
    public static JsonObject object(JsonObject o, String name) {
        JsonElement e = o == null ? null : o.get(name);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    /** The objects of an array field; other elements are skipped. */
    public static List<JsonObject> objects(JsonObject o, String name) {
        List<JsonObject> out = new ArrayList<>();
        JsonElement e = o == null ? null : o.get(name);
        if (e != null && e.isJsonArray()) {
            for (JsonElement x : e.getAsJsonArray()) {
                if (x.isJsonObject()) {
                    out.add(x.getAsJsonObject());
                }
            }
        }
        return out;
    }

    /** The strings of an array field (a single string counts as one). */
    public static List<String> strings(JsonObject o, String name) {
        List<String> out = new ArrayList<>();
        JsonElement e = o == null ? null : o.get(name);
        if (e == null) {
            return out;
        }
        JsonArray array;
        if (e.isJsonArray()) {
            array = e.getAsJsonArray();
        } else {
            array = new JsonArray();
            array.add(e);
        }
        for (JsonElement x : array) {
            if (x.isJsonPrimitive()) {
                out.add(x.getAsString());
            }
        }
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
