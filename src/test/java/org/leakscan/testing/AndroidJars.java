package org.leakscan.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Android platform jars in the local Maven repository, read by tests as ground truth: the
 * API-16 stub jar (a test dependency) and Robolectric's {@code android-all} for API 34 (real
 * framework classes, the framework's binary {@code AndroidManifest.xml} and {@code resources.arsc}).
 * Tests skip when a jar is absent.
 */
public final class AndroidJars {

    private AndroidJars() {
    }

    /** The local Maven repository ({@code -Dmaven.repo.local}, else {@code ~/.m2/repository}). */
    public static Path repository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /**
     * {@code org.robolectric:android-all:14-robolectric-10818077}, when present ({@code -Dleakscan.androidAllJar}
     * names it elsewhere).
     */
    public static Optional<Path> androidAll14() {
        String override = System.getProperty("leakscan.androidAllJar");
        if (override != null && !override.isBlank()) {
            return existing(Path.of(override));
        }
        return existing(repository().resolve(
                "org/robolectric/android-all/14-robolectric-10818077/android-all-14-robolectric-10818077.jar"));
    }

    /** {@code com.google.android:android:4.1.1.4} (API 16 stubs), when present. */
    public static Optional<Path> androidStubs16() {
        return existing(repository().resolve("com/google/android/android/4.1.1.4/android-4.1.1.4.jar"));
    }

    private static Optional<Path> existing(Path path) {
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /** One entry of a jar, read fully. */
    public static byte[] read(Path jar, String entryName) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw new IOException(entryName + " is not in " + jar);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }
}
