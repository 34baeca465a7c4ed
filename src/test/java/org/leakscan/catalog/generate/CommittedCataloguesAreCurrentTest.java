package org.leakscan.catalog.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leakscan.testing.JsonSchemaAssert;

/**
 * Regenerates the type table in memory from android-all-14 and compares it byte for byte with the
 * committed file, which proves it is current ({@link ApiPermissionsFileIsCurrentTest} does the same
 * for api-permissions.json, which is read from many releases). Skipped when
 * the jar is not in the local Maven repository (fetch it with scripts/generate-framework-catalogues);
 * the type table is compared only on the JDK feature release it was made with, because its
 * {@code java.*} part comes from the running JDK.
 */
class CommittedCataloguesAreCurrentTest {

    private static final Path SIGNATURES = JsonSchemaAssert.projectDir().resolve("signatures");
    private static FrameworkJar jar;

    static Path frameworkJar() {
        String override = System.getProperty("leakscan.androidAllJar");
        if (override != null) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "robolectric", "android-all",
                "14-robolectric-10818077", "android-all-14-robolectric-10818077.jar");
    }

    @BeforeAll
    static void readJar() throws IOException {
        Path path = frameworkJar();
        assumeTrue(Files.isRegularFile(path), "android-all-14 jar not present: " + path);
        jar = FrameworkJar.read(path);
    }

    @AfterAll
    static void release() {
        jar = null; // 48,000 class nodes; let the rest of the suite have the heap
    }

    @Test
    void frameworkTypesFileIsCurrent() throws IOException {
        String committed = Files.readString(SIGNATURES.resolve("framework-types.json"), StandardCharsets.UTF_8);
        int madeWith = JsonParser.parseString(committed).getAsJsonObject().getAsJsonObject("source").get("jdk").getAsInt();
        assumeTrue(madeWith == Runtime.version().feature(),
                "framework-types.json was made with JDK " + madeWith + "; this is " + Runtime.version().feature());
        assertEquals(committed, FrameworkTypesGenerator.generate(jar, JdkClasses.ofRunningJdk()).toJson(),
                "signatures/framework-types.json is stale: run scripts/generate-framework-catalogues");
    }
}
