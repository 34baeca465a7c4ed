package org.leakscan.analysis.findings;

/** The input file: as the user named it, its SHA-256, size and container format. */
public record InputInfo(String path, String sha256, long sizeBytes, String format) {
}
