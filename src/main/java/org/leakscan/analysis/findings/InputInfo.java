package org.leakscan.analysis.findings;

import java.util.List;

/**
 * The input file: as the user named it, its SHA-256, size and container format; for an app in
 * several files (XAPK, APKS, {@code --split}, AAB), the files it was made of.
 *
 * @param parts the base APK and splits, or the AAB's modules, base first; null for one-file inputs
 */
public record InputInfo(String path, String sha256, long sizeBytes, String format, List<Part> parts) {

    public InputInfo {
        parts = parts == null || parts.isEmpty() ? null : List.copyOf(parts);
    }

    public InputInfo(String path, String sha256, long sizeBytes, String format) {
        this(path, sha256, sizeBytes, format, null);
    }

    /**
     * One file of the app.
     *
     * @param name     the APK's name (in the bundle, or as given on the command line), or the AAB module
     * @param role     {@code base}, {@code split} or {@code module} (an AAB feature module)
     * @param sha256   hex SHA-256 of the APK; absent for an AAB module
     * @param dexFiles DEX files of this part analysed in the one program
     */
    public record Part(String name, String role, String sha256, long sizeBytes, int dexFiles) {
    }
}
