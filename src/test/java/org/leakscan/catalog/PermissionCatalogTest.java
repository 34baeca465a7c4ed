package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.leakscan.catalog.generate.PermissionsGenerator;
import org.leakscan.testing.AndroidJars;
import org.leakscan.testing.JsonSchemaAssert;

class PermissionCatalogTest {

    static final Path FILE = JsonSchemaAssert.projectDir().resolve("signatures/permissions.json");
    static final Path SCHEMA = JsonSchemaAssert.projectDir().resolve("signatures/schema/permissions.schema.json");

    @Test
    void fileValidatesAgainstItsSchema() throws IOException {
        JsonSchemaAssert.assertValid(SCHEMA, FILE);
    }

    @Test
    void schemaRejectsABrokenEntry() throws IOException {
        String broken = "{\"schema\":\"leakscan-permissions/1\",\"source\":{\"artifact\":\"x\",\"apiLevel\":34,"
                + "\"permissions\":1,\"dangerous\":0},\"permissions\":[{\"name\":\"a.B\",\"protection\":\"sometimes\"}]}";
        assertFalse(JsonSchemaAssert.violations(SCHEMA, broken).isEmpty());
    }

    @Test
    void platformFactsAsAndroidDefinesThem() {
        PermissionCatalog c = PermissionCatalog.loadDefault();
        assertTrue(c.size() > 900, "API 34 defines 911 permissions");
        PermissionCatalog.Permission phone = c.permission("android.permission.READ_PHONE_STATE");
        assertEquals("dangerous", phone.protection());
        assertTrue(phone.isDangerous());
        assertEquals("android.permission-group.PHONE", phone.group());
        assertFalse(c.permission("android.permission.INTERNET").isDangerous());
        assertEquals("android.permission-group.LOCATION", c.permission("android.permission.ACCESS_FINE_LOCATION").group());
        assertTrue(c.permission("android.permission.READ_PRIVILEGED_PHONE_STATE").protection().startsWith("signature"));
        assertNull(c.permission("com.example.NOT_A_PLATFORM_PERMISSION"));
    }

    @Test
    void loaderRejectsDuplicatesWithOneLine() {
        String dup = "{\"schema\":\"leakscan-permissions/1\",\"permissions\":[{\"name\":\"a\",\"protection\":\"normal\"},"
                + "{\"name\":\"a\",\"protection\":\"normal\"}]}";
        CatalogException e = assertThrows(CatalogException.class,
                () -> PermissionCatalog.load(new ByteArrayInputStream(dup.getBytes(StandardCharsets.UTF_8))));
        assertEquals("permissions: permissions[1]: a listed twice", e.getMessage());
    }

    @Test
    void committedFileIsWhatTheGeneratorWrites() throws IOException {
        Optional<Path> jar = AndroidJars.androidAll14();
        Assumptions.assumeTrue(jar.isPresent(), "android-all-14 jar absent");
        assertEquals(PermissionsGenerator.generate(jar.get()), Files.readString(FILE),
                "signatures/permissions.json is stale: run scripts/generate-framework-catalogues");
    }
}
