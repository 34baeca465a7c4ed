package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.leakscan.catalog.generate.FrameworkCallbacksGenerator;
import org.leakscan.catalog.generate.FrameworkJar;
import org.leakscan.catalog.generate.JdkClasses;
import org.leakscan.testing.AndroidJars;
import org.leakscan.testing.JsonSchemaAssert;

class FrameworkCallbacksTest {

    static final Path FILE = JsonSchemaAssert.projectDir().resolve("signatures/framework-callbacks.json");
    static final Path SCHEMA = JsonSchemaAssert.projectDir().resolve("signatures/schema/framework-callbacks.schema.json");

    @Test
    void fileValidatesAgainstItsSchema() throws IOException {
        JsonSchemaAssert.assertValid(SCHEMA, FILE);
        assertFalse(JsonSchemaAssert.violations(SCHEMA,
                "{\"schema\":\"leakscan-framework-callbacks/1\",\"source\":{\"artifact\":\"x\",\"apiLevel\":1,\"types\":1,"
                        + "\"methods\":1},\"types\":{\"Lx;\":[\"<init>()V\"]}}").isEmpty(), "constructors are no callbacks");
    }

    @Test
    void callbacksAppsOverrideAreListedAndOthersAreNot() {
        FrameworkCallbacks c = FrameworkCallbacks.loadDefault();
        assertTrue(c.declares("Landroid/app/Activity;", "onCreate(Landroid/os/Bundle;)V"));
        assertTrue(c.declares("Landroid/location/LocationListener;", "onLocationChanged(Landroid/location/Location;)V"));
        assertTrue(c.declares("Ljava/lang/Runnable;", "run()V"));
        assertTrue(c.declares("Landroid/os/AsyncTask;", "doInBackground([Ljava/lang/Object;)Ljava/lang/Object;"));
        assertFalse(c.declares("Landroid/app/Activity;", "toString()Ljava/lang/String;"), "Object's methods are not callbacks");
        assertFalse(c.declares("Landroid/app/Activity;", "aliasFlowTest()V"));
        assertFalse(c.declares("Ljava/lang/String;", "length()I"), "final classes cannot be extended");
    }

    @Test
    void committedFileIsWhatTheGeneratorWrites() throws IOException {
        Optional<Path> jar = AndroidJars.androidAll14();
        Assumptions.assumeTrue(jar.isPresent(), "android-all-14 jar absent");
        JdkClasses jdk = JdkClasses.ofRunningJdk();
        Assumptions.assumeTrue(jdk.featureVersion() == 17, "the committed file was generated on JDK 17");
        assertEquals(FrameworkCallbacksGenerator.generate(FrameworkJar.read(jar.get()), jdk), Files.readString(FILE),
                "signatures/framework-callbacks.json is stale: run scripts/generate-framework-catalogues");
    }
}
