package org.leakscan.catalog.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.catalog.ApiPermissionCatalog;
import org.leakscan.catalog.FieldPermissions;
import org.leakscan.catalog.FrameworkTypes;
import org.leakscan.catalog.PermissionRequirement;
import org.leakscan.program.Supertypes;
import org.leakscan.testing.JsonSchemaAssert;

/** Both generators on a tiny jar with one member or class per filter: what is kept, what is dropped, and why. */
class GeneratorsOnSyntheticJarTest {

    @TempDir
    static Path dir;
    static FrameworkJar jar;

    @BeforeAll
    static void writeJar() throws IOException {
        jar = FrameworkJar.read(SyntheticFrameworkJar.write(dir));
    }

    @Test
    void readsProvenance() {
        assertEquals("org.robolectric:android-all:99-test", jar.artifact());
        assertEquals(99, jar.apiLevel());
    }

    @Test
    void permissionMapKeepsOnlyPublicSdkMembers() throws IOException {
        ApiPermissionMap map = ApiPermissionGenerator.generate(jar);
        Map<String, ApiPermissionMap.Entry> byApi = map.apis().stream()
                .collect(Collectors.toMap(ApiPermissionMap.Entry::api, e -> e));
        String fake = "Landroid/telephony/Fake;->";
        assertEquals(List.of("Landroid/telephony/Fake$Open;->inOpen()V", fake + "<init>()V", fake + "CONTENT_URI:Ljava/lang/String;", fake + "any(Ljava/util/List;)V",
                fake + "id()Ljava/lang/String;", fake + "jdkSignature(Ljava/net/URL;)V"), List.copyOf(new java.util.TreeSet<>(byApi.keySet())));
        assertEquals(List.copyOf(new java.util.TreeSet<>(byApi.keySet())),
                map.apis().stream().map(ApiPermissionMap.Entry::api).toList(), "entries are sorted");

        PermissionRequirement any = byApi.get(fake + "any(Ljava/util/List;)V").access();
        assertEquals(PermissionRequirement.Relation.ANY_OF, any.relation());
        assertEquals(List.of("p.A", "p.B"), any.anyOf(), "sorted");
        assertTrue(any.conditional());
        PermissionRequirement both = byApi.get(fake + "<init>()V").access();
        assertEquals(PermissionRequirement.Relation.ALL_OF_AND_ANY_OF, both.relation());
        ApiPermissionMap.Entry uri = byApi.get(fake + "CONTENT_URI:Ljava/lang/String;");
        assertNull(uri.access());
        assertEquals(List.of("p.READ"), uri.read().allOf());
        assertEquals(List.of("p.WRITE"), uri.write().allOf());

        // 16 annotated: Base.internal, 11 on Fake (incl. the field), inHidden, inOpen, remote, system.
        ApiPermissionMap.Source s = map.source();
        assertEquals(16, s.annotatedMembers());
        List<Integer> kept = s.filters().stream().map(ApiPermissionMap.FilterCount::kept).toList();
        // sdk-package drops Base.internal; accessible: packagePrivate, bridge, inHidden; system api: sys,
        // SystemOnly.system; no-hide: none; uau: uau; aidl: remote; signature: hiddenSignature; empty.
        assertEquals(List.of(15, 12, 10, 10, 9, 8, 7, 6), kept);
        assertEquals(6, s.kept());
        assertEquals(1, s.keptFields());
        assertEquals(9, s.distinctPermissions());

        String json = map.toJson();
        JsonSchemaAssert.assertValid(JsonSchemaAssert.projectDir().resolve("signatures/schema/api-permissions.schema.json"), json);
        ApiPermissionCatalog catalog = ApiPermissionCatalog.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(6, catalog.size());
        FieldPermissions field = catalog.fieldPermissionsFor("Landroid/telephony/Fake;", "CONTENT_URI:Ljava/lang/String;");
        assertNotNull(field.write());
        assertEquals(json, ApiPermissionGenerator.generate(jar).toJson(), "deterministic");
    }

    @Test
    void typeTableCollapsesHiddenSupertypes() throws IOException {
        FrameworkTypeTable table = FrameworkTypesGenerator.generate(jar, JdkClasses.ofRunningJdk());
        String json = table.toJson();
        JsonSchemaAssert.assertValid(JsonSchemaAssert.projectDir().resolve("signatures/schema/framework-types.schema.json"), json);
        FrameworkTypes types = FrameworkTypes.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        Supertypes fake = types.of("Landroid/telephony/Fake;");
        assertEquals("Ljava/lang/Object;", fake.superType(), "hidden Base skipped");
        assertEquals(List.of("Landroid/telephony/Listener2;", "Landroid/telephony/Listener;"), fake.interfaces());
        assertTrue(types.contains("Landroid/telephony/Fake$Open;"));
        assertTrue(types.isInterface("Landroid/os/IInterface;"));
        for (String hidden : List.of("Lcom/android/internal/Base;", "Lcom/android/internal/HiddenI;", "Landroid/telephony/Fake$Hidden;",
                "Landroid/telephony/IFake;", "Landroid/telephony/SystemOnly;")) {
            assertFalse(types.contains(hidden), hidden);
            assertFalse(json.contains(hidden), hidden);
        }
        assertTrue(types.contains("Ljava/net/URLConnection;"), "libcore types come from the JDK");
        assertEquals(Runtime.version().feature(), table.source().jdk());
        assertTrue(table.source().collapsed() >= 1, "Fake, and JDK classes such as StringBuilder");
        assertEquals(json, FrameworkTypesGenerator.generate(jar, JdkClasses.ofRunningJdk()).toJson(), "deterministic");
    }

    @Test
    void mainWritesTheFiles() throws IOException {
        Path out = dir.resolve("out.json");
        ApiPermissionGenerator.main(new String[] {dir.resolve("android-all-99-test.jar").toString(), out.toString()});
        assertTrue(Files.readString(out).startsWith("{\n  \"schema\": \"leakscan-api-permissions/1\""));
    }
}
