package org.leakscan.diagnostics;

/** The pipeline stage where a problem arose. */
public enum Stage {
    INPUT, ANDROID, BYTECODE, ANALYSIS, REPORT;

    /** Lower-case name as it appears in reports. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
