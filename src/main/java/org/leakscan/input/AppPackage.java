package org.leakscan.input;

import java.util.List;

/**
 * One input opened: its code units, its manifest and resources, and every other entry readable on
 * demand. Immutable once built by {@link PackageReader}.
 *
 * @param path           the input as the user named it
 * @param format         what it was read as
 * @param sha256         hex SHA-256 of the input file (of nothing, for a folder)
 * @param sizeBytes      size of the input file (sum of files, for a folder)
 * @param dexFiles       DEX files in Android's load order ({@code classes.dex}, {@code classes2.dex}, ...)
 * @param classFiles     JVM class files
 * @param manifest       {@code AndroidManifest.xml} bytes, or null when the input has none
 * @param manifestIsText true for the text XML manifest of an AAR or a folder, false for binary XML
 * @param resources      {@code resources.arsc} bytes, or null
 * @param entries        every file of the input, for passes that look at assets and resources
 * @param problems       entries skipped or suspicious, one line each (not fatal)
 * @param parts          the APKs of a split set or the modules of an AAB, base first; empty for
 *                       an input that is one file
 * @param signingBlock   the ID-value pairs of the (base) APK's APK Signing Block (schemes v2+), or null
 */
public record AppPackage(String path, InputFormat format, String sha256, long sizeBytes, List<CodeFile> dexFiles,
                         List<CodeFile> classFiles, byte[] manifest, boolean manifestIsText, byte[] resources,
                         EntrySource entries, List<String> problems, List<PackagePart> parts, byte[] signingBlock) {

    public AppPackage {
        dexFiles = List.copyOf(dexFiles);
        classFiles = List.copyOf(classFiles);
        problems = List.copyOf(problems);
        parts = List.copyOf(parts);
    }

    /** An input that is one file, without an APK Signing Block. */
    public AppPackage(String path, InputFormat format, String sha256, long sizeBytes, List<CodeFile> dexFiles,
                      List<CodeFile> classFiles, byte[] manifest, boolean manifestIsText, byte[] resources,
                      EntrySource entries, List<String> problems) {
        this(path, format, sha256, sizeBytes, dexFiles, classFiles, manifest, manifestIsText, resources, entries,
                problems, List.of(), null);
    }

    /** Total bytes of DEX code, for throughput figures. */
    public long dexBytes() {
        long n = 0;
        for (CodeFile f : dexFiles) {
            n += f.bytes().length;
        }
        return n;
    }
}
