package org.leakscan.report.datasafety;

/**
 * A Data safety CSV that cannot be read or is malformed; the message names the file and, when
 * the problem is in a record, its line.
 */
public final class DataSafetyCsvException extends Exception {

    private final int line;

    public DataSafetyCsvException(String file, int line, String problem) {
        super(file + ": line " + line + ": " + problem);
        this.line = line;
    }

    public DataSafetyCsvException(String file, String problem) {
        super(file + ": " + problem);
        this.line = 0;
    }

    /** The line the problem is on (from 1), or 0 when it is not in one record. */
    public int line() {
        return line;
    }
}
