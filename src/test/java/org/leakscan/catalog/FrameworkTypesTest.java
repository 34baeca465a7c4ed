package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.program.ClassHierarchy;
import org.leakscan.program.Program;
import org.leakscan.program.Supertypes;

/** The shipped framework class hierarchy: reachability, closure, no hidden names, bad input. */
class FrameworkTypesTest {

    private static final FrameworkTypes TYPES = FrameworkTypes.loadDefault();
    private static final ClassHierarchy HIERARCHY = new ClassHierarchy(new Program(List.of()), TYPES);

    @Test
    void activityIsAContext() {
        assertTrue(HIERARCHY.isSubtype("Landroid/app/Activity;", "Landroid/content/Context;"));
        assertEquals("Landroid/view/ContextThemeWrapper;", TYPES.of("Landroid/app/Activity;").superType());
        assertTrue(HIERARCHY.isSubtype("Landroid/app/Activity;", "Landroid/view/Window$Callback;"));
    }

    @Test
    void httpsConnectionIsAUrlConnection() {
        assertTrue(HIERARCHY.isSubtype("Ljavax/net/ssl/HttpsURLConnection;", "Ljava/net/URLConnection;"));
        assertFalse(HIERARCHY.isSubtype("Ljava/net/URLConnection;", "Ljavax/net/ssl/HttpsURLConnection;"));
    }

    @Test
    void knowsTelephonyManagerAndInterfaces() {
        assertTrue(TYPES.contains("Landroid/telephony/TelephonyManager;"));
        assertTrue(TYPES.isInterface("Landroid/os/Parcelable;"));
        assertFalse(TYPES.isInterface("Landroid/app/Activity;"));
        assertNull(TYPES.of("Lcom/example/MainActivity;"));
        assertNull(TYPES.of("Ljava/lang/Object;").superType());
        assertTrue(TYPES.size() > 9000, "types: " + TYPES.size());
        assertSame(TYPES, FrameworkTypes.loadDefault());
    }

    @Test
    void hiddenSupertypesAreCollapsed() {
        // SpannedString extends the hidden SpannableStringInternal; its interfaces come up instead.
        Supertypes s = TYPES.of("Landroid/text/SpannedString;");
        assertEquals("Ljava/lang/Object;", s.superType());
        assertTrue(s.interfaces().contains("Landroid/text/Spanned;"), s.interfaces().toString());
    }

    @Test
    void everyNamedSupertypeIsItselfKnownAndNoneIsHidden() throws IOException {
        String json;
        try (InputStream in = FrameworkTypes.class.getResourceAsStream("/org/leakscan/signatures/framework-types.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> problems = new ArrayList<>();
        com.google.gson.JsonObject types = com.google.gson.JsonParser.parseString(json).getAsJsonObject()
                .getAsJsonObject("types");
        for (String type : types.keySet()) {
            Supertypes s = TYPES.of(type);
            List<String> named = new ArrayList<>(s.interfaces());
            if (s.superType() != null) {
                named.add(s.superType());
            }
            for (String n : named) {
                if (!TYPES.contains(n)) {
                    problems.add(type + " names unknown " + n);
                }
            }
            if (type.startsWith("Lcom/android/internal/") || type.contains("$Stub") || type.startsWith("Landroid/icu/impl/")) {
                problems.add("hidden type " + type);
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(types.size(), TYPES.size());
    }

    @Test
    void rejectsBadDocumentsWithOneLineMessages() {
        String[] bad = {
            "{",
            "{\"schema\":\"other\",\"types\":{}}",
            "{\"schema\":\"leakscan-framework-types/1\"}",
            "{\"schema\":\"leakscan-framework-types/1\",\"types\":{\"java.lang.String\":{}}}",
            "{\"schema\":\"leakscan-framework-types/1\",\"types\":{\"La;\":{\"super\":\"b\"}}}",
            "{\"schema\":\"leakscan-framework-types/1\",\"types\":{\"La;\":{\"interfaces\":\"Lb;\"}}}",
            "{\"schema\":\"leakscan-framework-types/1\",\"types\":{\"La;\":[]}}",
        };
        for (String json : bad) {
            CatalogException e = assertThrows(CatalogException.class,
                    () -> FrameworkTypes.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))), json);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void userDirectoryOverridesOnlyWhenTheFileIsThere(@TempDir Path dir) throws IOException {
        assertSame(TYPES, FrameworkTypes.loadFrom(dir));
        Files.writeString(dir.resolve(FrameworkTypes.FILE_NAME), "{\"schema\":\"leakscan-framework-types/1\","
                + "\"types\":{\"La/B;\":{\"super\":\"Ljava/lang/Object;\",\"interfaces\":[\"La/I;\"]},"
                + "\"La/I;\":{\"super\":\"Ljava/lang/Object;\",\"interface\":true}}}");
        FrameworkTypes custom = FrameworkTypes.loadFrom(dir);
        assertEquals(2, custom.size());
        assertEquals(List.of("La/I;"), custom.of("La/B;").interfaces());
        assertTrue(custom.isInterface("La/I;"));
    }
}
