package org.leakscan.input;

import java.util.Locale;

/** The kind of container an input was read as. */
public enum InputFormat {
    /** An Android application package: zip with {@code AndroidManifest.xml} and/or {@code classes*.dex}. */
    APK,
    /** An Android library: zip with {@code classes.jar} and a text {@code AndroidManifest.xml}. */
    AAR,
    /** A Java archive of class files. */
    JAR,
    /** A single raw DEX file. */
    DEX,
    /** A single JVM class file. */
    CLASS,
    /** A folder of {@code .class} and {@code .dex} files. */
    DIRECTORY,
    /** A zip of a base APK and its split APKs with a {@code manifest.json} (APKPure's format). */
    XAPK,
    /** A zip of a base APK and its split APKs without XAPK's manifest (bundletool, SAI). */
    APKS,
    /** Several APK files named on the command line as one app ({@code --split}). */
    SPLIT_APKS,
    /** An Android App Bundle: modules with protobuf manifests and resources. */
    AAB;

    /** Lower-case id as it appears in reports ({@code split-apks} for {@link #SPLIT_APKS}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
