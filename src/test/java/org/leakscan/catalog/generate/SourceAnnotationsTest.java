package org.leakscan.catalog.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.catalog.PermissionRequirement;

/**
 * The source reader (API 23-30, where {@code @RequiresPermission} had SOURCE retention) on the
 * synthetic framework jar: members matched to their class-file descriptors, permission names
 * resolved through constants, Javadoc {@code @hide} honoured, and each member left out for a reason.
 */
class SourceAnnotationsTest {

    @TempDir
    static Path dir;
    static FrameworkJar jar;

    private static final String FAKE = """
            package android.telephony;

            import android.Manifest;
            import android.annotation.RequiresPermission;
            import java.util.List;

            public class Fake extends com.android.internal.Base {
                @RequiresPermission(Manifest.permission.READ_PHONE_STATE)
                public String id() { return null; }

                @RequiresPermission(anyOf = {"p.B", "p.A"}, conditional = true)
                public <T> void any(List<T> list) { }

                /** Hidden in source only (the class files keep no trace). {@hide} */
                @RequiresPermission("p.SYS")
                public void sys() { }

                @RequiresPermission("p.UAU")
                public void uau() { }

                @RequiresPermission(NOT_A_CONSTANT)
                public void empty() { }

                @RequiresPermission.Read(@RequiresPermission("p.READ"))
                @RequiresPermission.Write(@RequiresPermission(allOf = {"p.WRITE"}))
                public static final String CONTENT_URI = "content://fake";

                @RequiresPermission("p.GONE")
                public void notInTheClassFiles(int x) { }

                public static class Open {
                    @RequiresPermission("p.OPEN")
                    protected void inOpen() { }
                }
            }
            """;

    @BeforeAll
    static void writeJar() throws IOException {
        jar = FrameworkJar.read(SyntheticFrameworkJar.write(dir));
    }

    @Test
    void readsWhatTheSourcesSayAndMatchesTheClassFiles() {
        SourceAnnotations.Result r = SourceAnnotations.read(Map.of("android/telephony/Fake.java", FAKE), jar);
        String fake = "Landroid/telephony/Fake;->";
        assertEquals(Set.of(fake + "id()Ljava/lang/String;", fake + "any(Ljava/util/List;)V",
                fake + "CONTENT_URI:Ljava/lang/String;", "Landroid/telephony/Fake$Open;->inOpen()V"), r.entries().keySet());
        assertEquals(List.of("android.permission.READ_PHONE_STATE"), r.entries().get(fake + "id()Ljava/lang/String;")
                .access().allOf(), "Manifest.permission.X resolved through the constant in the class files");
        PermissionRequirement any = r.entries().get(fake + "any(Ljava/util/List;)V").access();
        assertEquals(List.of("p.A", "p.B"), any.anyOf(), "a type variable matches the erased parameter; sorted");
        assertTrue(any.conditional());
        ApiPermissionMap.Entry uri = r.entries().get(fake + "CONTENT_URI:Ljava/lang/String;");
        assertNull(uri.access());
        assertEquals(List.of("p.READ"), uri.read().allOf());
        assertEquals(List.of("p.WRITE"), uri.write().allOf());

        assertEquals(Set.of(fake + "sys()V"), r.hidden(), "{@hide} in Javadoc, found only in source");
        assertEquals(8, r.annotated());
        assertEquals(Map.of(SourceAnnotations.Drop.NOT_SDK_SOURCE, 1, SourceAnnotations.Drop.NO_CLASS_FILE, 1,
                SourceAnnotations.Drop.NOT_SDK_CLASS_FILE, 1, SourceAnnotations.Drop.NO_PERMISSION, 1), r.dropped());
        assertTrue(r.unresolved().stream().anyMatch(u -> u.contains("NOT_A_CONSTANT")), r.unresolved().toString());
    }

    @Test
    void sourcesSayWhatTheClassFilesHideFromLaterReleases() throws IOException {
        // The class files of the synthetic jar keep the annotations; the sources' @hide filters them.
        ApiPermissionMap.Level withSources = ApiPermissionGenerator.classFileLevel(jar,
                SourceAnnotations.read(Map.of("android/telephony/Fake.java", FAKE), jar).hidden());
        ApiPermissionMap.Level without = ApiPermissionGenerator.classFileLevel(jar, null);
        assertFalse(withSources.entries().containsKey("Landroid/telephony/Fake;->sys()V"));
        assertEquals(without.entries().size(), withSources.entries().size(), "sys() is @SystemApi in the class files too");
        assertTrue(withSources.filters().stream().anyMatch(f -> f.filter().equals("public-in-source")));
        assertTrue(ApiPermissionGenerator.keepsAnnotations(jar), "CLASS retention: read the class files");
    }
}
