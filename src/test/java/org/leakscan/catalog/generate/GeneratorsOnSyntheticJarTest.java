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
import java.util.Set;
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
        ApiPermissionMap.Level level = ApiPermissionGenerator.classFileLevel(jar, null);
        Map<String, ApiPermissionMap.Entry> byApi = level.entries();
        String fake = "Landroid/telephony/Fake;->";
        assertEquals(List.of("Landroid/telephony/Fake$Open;->inOpen()V", fake + "<init>()V", fake + "CONTENT_URI:Ljava/lang/String;", fake + "any(Ljava/util/List;)V",
                fake + "id()Ljava/lang/String;", fake + "jdkSignature(Ljava/net/URL;)V"), List.copyOf(new java.util.TreeSet<>(byApi.keySet())));
        ApiPermissionMap map = ApiPermissionGenerator.generate(jar);
        assertEquals(List.copyOf(new java.util.TreeSet<>(byApi.keySet())),
                map.apis().stream().map(ApiPermissionMap.Api::api).toList(), "entries are sorted");

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
        assertEquals(16, level.annotated());
        List<Integer> kept = level.filters().stream().map(ApiPermissionMap.FilterCount::kept).toList();
        // sdk-package drops Base.internal; accessible: packagePrivate, bridge, inHidden; system api: sys,
        // SystemOnly.system; no-hide: none; uau: uau; aidl: remote; signature: hiddenSignature; empty.
        assertEquals(List.of(15, 12, 10, 10, 9, 8, 7, 6), kept);
        assertEquals(6, level.entries().size());
        assertEquals(9, map.distinctPermissions());
        assertEquals(99, map.levels().get(0).apiLevel());

        String json = map.toJson();
        JsonSchemaAssert.assertValid(JsonSchemaAssert.projectDir().resolve("signatures/schema/api-permissions.schema.json"), json);
        ApiPermissionCatalog catalog = ApiPermissionCatalog.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(6, catalog.size());
        assertEquals(99, catalog.newestLevel());
        FieldPermissions field = catalog.fieldPermissionsFor("Landroid/telephony/Fake;", "CONTENT_URI:Ljava/lang/String;");
        assertNotNull(field.write());
        assertEquals(json, ApiPermissionGenerator.generate(jar).toJson(), "deterministic");
    }

    @Test
    void levelsMergeIntoRangesAndAnUnreadLevelBelongsToTheRangeBefore() throws IOException {
        PermissionRequirement a = new PermissionRequirement(List.of("p.A"), List.of(), false);
        PermissionRequirement b = new PermissionRequirement(List.of("p.B"), List.of(), false);
        String api = "Lx/Y;->m()V";
        String gone = "Lx/Y;->old()V";
        List<ApiPermissionMap.Level> levels = List.of(
                level(26, Map.of(api, a, gone, a)), level(28, Map.of(api, a)), level(29, Map.of(api, b, gone, a)),
                level(30, Map.of(api, b)));
        ApiPermissionMap map = ApiPermissionGenerator.merge(levels, Map.of(25, Set.of(), 26, Set.of(api, gone)), Map.of(
                26, Map.of("p.A", "dangerous"), 29, Map.of("p.A", "normal", "p.B", "signature|privileged")));
        ApiPermissionMap.Api m = map.apis().stream().filter(x -> x.api().equals(api)).findFirst().orElseThrow();
        assertEquals(2, m.levels().size());
        assertEquals(26, m.levels().get(0).from());
        assertEquals(28, m.levels().get(0).to(), "27 (not read) and 28 belong to the first range");
        assertEquals(29, m.levels().get(1).from());
        assertNull(m.levels().get(1).to(), "open: it still holds at the newest level read");
        assertEquals(26, m.since(), "not in the oldest release read (25)");
        ApiPermissionMap.Api o = map.apis().stream().filter(x -> x.api().equals(gone)).findFirst().orElseThrow();
        assertEquals(2, o.levels().size(), "no annotation at 28 (read) splits the ranges: " + o.levels());
        assertEquals(27, o.levels().get(0).to(), "up to the level before the next one read");
        assertEquals(29, o.levels().get(1).from());
        assertEquals(29, o.levels().get(1).to(), "not annotated at 30, the newest level read");
        Map<String, ApiPermissionMap.PlatformPermission> perms = map.permissions().stream()
                .collect(Collectors.toMap(ApiPermissionMap.PlatformPermission::name, p -> p));
        assertNull(perms.get("p.A").addedIn(), "defined by the oldest manifest read");
        assertEquals("normal", perms.get("p.A").protection(), "the newest definition");
        assertEquals(29, perms.get("p.B").addedIn());
        JsonSchemaAssert.assertValid(JsonSchemaAssert.projectDir().resolve("signatures/schema/api-permissions.schema.json"),
                map.toJson().replace("\"p.A\"", "\"android.permission.A\"").replace("\"p.B\"", "\"android.permission.B\""));
    }

    private static ApiPermissionMap.Level level(int api, Map<String, PermissionRequirement> entries) {
        Map<String, ApiPermissionMap.Entry> e = new java.util.TreeMap<>();
        entries.forEach((k, v) -> e.put(k, new ApiPermissionMap.Entry(k, v, null, null)));
        return new ApiPermissionMap.Level(api, "test:" + api, "sources", entries.size(), List.of(), e);
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
        ApiPermissionGenerator.main(new String[] {out.toString(), dir.resolve("android-all-99-test.jar").toString()});
        assertTrue(Files.readString(out).startsWith("{\n  \"schema\": \"leakscan-api-permissions/2\""));
    }
}
