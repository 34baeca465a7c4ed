package org.leakscan.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.Writer;

/**
 * Serialises the typed report model with Gson: field names come from the records, so the JSON
 * follows the contract without a template. A field that does not apply (no manifest, app's own
 * code) is left out rather than written as null.
 */
public final class JsonReportWriter implements ReportWriter {

    private static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .create();

    @Override
    public void write(Report report, Writer out) throws IOException {
        GSON.toJson(report, out);
        out.write('\n');
        out.flush();
    }

    /** The report as a JSON string. */
    public static String toJson(Report report) {
        return GSON.toJson(report) + "\n";
    }
}
