package org.leakscan.report;

import java.io.IOException;
import java.io.Writer;

/** Renders a {@link Report} in one format. */
public interface ReportWriter {

    void write(Report report, Writer out) throws IOException;

    static ReportWriter of(ReportFormat format) {
        return switch (format) {
            case TEXT -> new TextReportWriter();
            case JSON -> new JsonReportWriter();
            case HTML -> new HtmlReportWriter();
        };
    }
}
