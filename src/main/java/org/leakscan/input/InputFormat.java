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
    DIRECTORY;

    /** Lower-case id as it appears in reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
