package org.leakscan.report.diff;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Map;

/** Writes a {@link ReportDiff} as text for people or as JSON ({@code leakscan-diff/1}) for tools. */
public final class DiffWriter {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private DiffWriter() {
    }

    public static void json(ReportDiff diff, Writer out) throws IOException {
        GSON.toJson(diff, out);
        out.write('\n');
        out.flush();
    }

    public static void text(ReportDiff diff, Writer writer) {
        PrintWriter out = new PrintWriter(writer);
        out.println("leakscan diff: " + diff.oldFile() + " -> " + diff.newFile());
        for (ReportDiff.AppDiff a : diff.apps()) {
            out.println();
            out.println("== " + a.app() + "  " + version(a.old()) + " -> " + version(a.current()) + "  [" + a.status() + "]");
            if (a.changes().isEmpty()) {
                out.println("   no changes");
            }
            for (Map.Entry<String, ReportDiff.Change> e : a.changes().entrySet()) {
                out.println("   " + title(e.getKey()) + ":");
                e.getValue().added().forEach(k -> out.println("     + " + k));
                e.getValue().removed().forEach(k -> out.println("     - " + k));
            }
        }
        out.flush();
    }

    private static String version(ReportDiff.Version v) {
        if (v == null) {
            return "(absent)";
        }
        String name = v.versionName() == null ? "?" : v.versionName();
        return v.versionCode() == null ? name : name + " (" + v.versionCode() + ")";
    }

    private static String title(String aspect) {
        return switch (aspect) {
            case "dataTypes" -> "Data types read or sent";
            case "destinations" -> "Destinations of personal data";
            case "trackers" -> "Trackers";
            case "permissions" -> "Declared permissions";
            case "flows" -> "Flows (data type -> sink: source method -> sink method)";
            case "endpoints" -> "Endpoints named";
            default -> aspect;
        };
    }
}
