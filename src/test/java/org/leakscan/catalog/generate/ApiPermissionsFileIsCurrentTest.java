package org.leakscan.catalog.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leakscan.testing.AndroidJars;
import org.leakscan.testing.JsonSchemaAssert;

/**
 * Regenerates signatures/api-permissions.json in memory from every android-all release listed in
 * scripts/android-all-versions.txt and compares it byte for byte with the committed file. Skipped
 * unless all of them (and, from API 23, their sources jars) are in the local Maven repository
 * (fetch them with scripts/generate-framework-catalogues, or point
 * {@code -Dleakscan.androidAllRepo} at another {@code org/robolectric/android-all} folder). Takes
 * about five minutes when it runs.
 */
class ApiPermissionsFileIsCurrentTest {

    static List<Path> releases() throws IOException {
        Path project = JsonSchemaAssert.projectDir();
        String override = System.getProperty("leakscan.androidAllRepo");
        Path repo = override != null ? Path.of(override)
                : AndroidJars.repository().resolve("org/robolectric/android-all");
        List<Path> jars = new ArrayList<>();
        for (String line : Files.readAllLines(project.resolve("scripts/android-all-versions.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            Path jar = repo.resolve(parts[0]).resolve("android-all-" + parts[0] + ".jar");
            assumeTrue(Files.isRegularFile(jar), "android-all release not present: " + jar);
            if (Integer.parseInt(parts[1]) >= 23) {
                Path sources = repo.resolve(parts[0]).resolve("android-all-" + parts[0] + "-sources.jar");
                assumeTrue(Files.isRegularFile(sources), "android-all sources not present: " + sources);
            }
            jars.add(jar);
        }
        return jars;
    }

    @Test
    void apiPermissionsFileIsCurrent() throws IOException {
        List<Path> jars = releases();
        String committed = Files.readString(JsonSchemaAssert.projectDir().resolve("signatures/api-permissions.json"),
                StandardCharsets.UTF_8);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        assertEquals(committed, ApiPermissionGenerator.generate(jars, quiet).toJson(),
                "signatures/api-permissions.json is stale: run scripts/generate-framework-catalogues");
    }
}
