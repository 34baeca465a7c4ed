package org.leakscan.report;

/** A report file (a baseline, a side of a diff) that cannot be read; the message names the file. */
public final class ReportReadException extends Exception {

    public ReportReadException(String message) {
        super(message);
    }
}
