package org.leakscan.report;

import java.io.IOException;
import java.io.Writer;

/** Renders a {@link Report} in one format. */
public interface ReportWriter {

    void write(Report report, Writer out) throws IOException;

    static ReportWriter of(ReportFormat format) {
        return of(format, null);
    }

    /** A writer that shows {@code review}'s judgement where the format has room for it (SARIF). */
    static ReportWriter of(ReportFormat format, org.leakscan.report.review.Review review) {
        return switch (format) {
            case TEXT -> new TextReportWriter();
            case JSON -> new JsonReportWriter();
            case HTML -> new HtmlReportWriter();
            case SARIF -> new org.leakscan.report.sarif.SarifReportWriter(review);
        };
    }
}
