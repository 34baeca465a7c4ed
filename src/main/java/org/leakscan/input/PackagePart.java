package org.leakscan.input;

/**
 * One file of an app delivered in several: an APK of a split set (XAPK, APKS, {@code --split}) or a
 * module of an Android App Bundle.
 *
 * @param name      the APK's name inside the bundle or on disk ({@code config.arm64_v8a.apk}), or
 *                  the AAB module's folder ({@code base}, {@code feature1})
 * @param role      {@code base} for the base APK or module, {@code split} for a split APK,
 *                  {@code module} for a feature module of an AAB
 * @param sha256    hex SHA-256 of the APK file; for an AAB module, null
 * @param sizeBytes size of the APK file; for an AAB module, the sum of its entries' sizes
 * @param dexFiles  how many DEX files of this part go into the program
 */
public record PackagePart(String name, String role, String sha256, long sizeBytes, int dexFiles) {

    public static final String BASE = "base";
    public static final String SPLIT = "split";
    public static final String MODULE = "module";
}
