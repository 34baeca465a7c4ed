package org.leakscan.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.leakscan.analysis.findings.AppFindings;

/**
 * A {@code leakscan-report/1} report read back into the typed records it was written from
 * ({@link Report}, {@link AppFindings} and theirs). Rules, policies, baselines and diffs judge
 * those records, whether the report was just made or written by an earlier (possibly older)
 * version: a field a record has and the JSON lacks reads as absent (empty list, zero, false or
 * null), never as an error, so a report from before a field existed still reads.
 */
public final class ReportJson {

    private static final Gson WRITER = new Gson();
    private static final Gson READER = new GsonBuilder().registerTypeAdapterFactory(new TolerantRecords()).create();

    private ReportJson() {
    }

    /** The report as it would be written, as a tree. */
    public static JsonObject toTree(Report report) {
        return WRITER.toJsonTree(report).getAsJsonObject();
    }

    /**
     * Reads a report written by {@code leakscan scan --format json}.
     *
     * @throws ReportReadException with a one-line message naming the file when it cannot be read
     *                             or is not a leakscan report
     */
    public static Report read(Path file) throws ReportReadException {
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
        if (!isReport(root)) {
            throw new ReportReadException(file + ": not a leakscan JSON report (no \"schema\": \"leakscan-report/1\")");
        }
        try {
            return fromTree(root.getAsJsonObject());
        } catch (JsonParseException e) {
            throw new ReportReadException(file + ": not a leakscan JSON report (" + firstLine(e.getMessage()) + ")");
        }
    }

    /**
     * A report tree as records.
     *
     * @throws JsonParseException when a field has the wrong type (the message names its path)
     */
    public static Report fromTree(JsonObject report) {
        return READER.fromJson(report, Report.class);
    }

    /**
     * One app of a report tree as records.
     *
     * @throws JsonParseException when a field has the wrong type (the message names its path)
     */
    public static AppFindings app(JsonObject app) {
        return READER.fromJson(app, AppFindings.class);
    }

    /**
     * The key that names an app across versions and runs: its package, or the input's file name
     * when there is no manifest.
     */
    public static String appKey(AppFindings app) {
        String pkg = app.app() == null ? null : app.app().packageName();
        if (pkg != null && !pkg.isEmpty()) {
            return pkg;
        }
        String path = app.input() == null || app.input().path() == null ? "" : app.input().path();
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    private static boolean isReport(JsonElement root) {
        if (!root.isJsonObject()) {
            return false;
        }
        JsonElement schema = root.getAsJsonObject().get("schema");
        return schema != null && schema.isJsonPrimitive() && schema.getAsString().startsWith("leakscan-report/")
                && root.getAsJsonObject().has("apps");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
