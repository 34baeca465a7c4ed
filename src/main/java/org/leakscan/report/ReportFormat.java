package org.leakscan.report;

import java.util.Locale;

/** Output formats and the file extension each gets in an output folder. */
public enum ReportFormat {
    TEXT("txt"),
    JSON("json"),
    HTML("html"),
    SARIF("sarif");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
