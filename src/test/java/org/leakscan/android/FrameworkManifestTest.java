package org.leakscan.android;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.testing.Aapt;
import org.leakscan.testing.AndroidJars;

/**
 * The platform's own binary {@code AndroidManifest.xml} (API 34, 343 KB, about 900
 * {@code <permission>} elements) and {@code resources.arsc} (16 MB), from the android-all jar.
 */
class FrameworkManifestTest {

    private static final Pattern NAME = Pattern.compile("A: android:name\\(0x01010003\\)=\"([^\"]+)\".*");
    private static final Pattern LEVEL = Pattern.compile("A: android:protectionLevel\\(0x01010009\\)=\\(type 0x11\\)0x([0-9a-f]+)");

    @TempDir
    Path temp;

    static Path jar() {
        Optional<Path> jar = AndroidJars.androidAll14();
        assumeTrue(jar.isPresent(), "android-all 14 is not in the local Maven repository");
        return jar.get();
    }

    static AndroidManifest frameworkManifest(Path jar) throws Exception {
        byte[] manifest = AndroidJars.read(jar, "AndroidManifest.xml");
        ResourceTable resources = ResourceTable.parse(AndroidJars.read(jar, "resources.arsc"));
        return assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> ManifestParser.parse(BinaryXmlParser.parse(manifest), resources));
    }

    @Test
    void readsThePlatformPermissions() throws Exception {
        AndroidManifest manifest = frameworkManifest(jar());
        assertEquals("android", manifest.packageName());
        assertEquals(34L, manifest.versionCode());
        assertEquals("14", manifest.versionName());
        assertTrue(manifest.declaredPermissions().size() > 850, manifest.declaredPermissions().size() + " permissions");
        Map<String, PermissionDeclaration> byName = new LinkedHashMap<>();
        manifest.declaredPermissions().forEach(p -> byName.put(p.name(), p));
        assertEquals("dangerous", byName.get("android.permission.READ_PHONE_STATE").protectionLevel());
        assertEquals("android.permission-group.UNDEFINED", byName.get("android.permission.READ_PHONE_STATE").group());
        assertEquals("dangerous|instant", byName.get("android.permission.ACCESS_FINE_LOCATION").protectionLevel());
        assertEquals("normal|instant", byName.get("android.permission.INTERNET").protectionLevel());
        assertEquals("signature|privileged|role", byName.get("android.permission.READ_PRIVILEGED_PHONE_STATE").protectionLevel());
    }

    /** Every {@code <permission>}'s protection level, compared with what aapt reads from the same file. */
    @Test
    void protectionLevelsAgreeWithAapt() throws Exception {
        assumeTrue(Aapt.find().isPresent(), "aapt is not installed");
        Path jar = jar();
        Path apk = Aapt.zip(temp.resolve("framework.zip"),
                Map.of("AndroidManifest.xml", AndroidJars.read(jar, "AndroidManifest.xml")));
        String tree = Aapt.run("dump", "xmltree", apk.toString(), "AndroidManifest.xml");
        Map<String, String> aapt = new LinkedHashMap<>();
        String name = null;
        int level = 0;
        boolean inPermission = false;
        for (String line : (tree + "\nE: end").split("\n")) {
            String text = line.trim();
            if (text.startsWith("E: ")) {
                if (inPermission && name != null) {
                    aapt.put(name, ProtectionLevel.format(level));
                }
                inPermission = text.startsWith("E: permission ");
                name = null;
                level = 0;
                continue;
            }
            Matcher nameMatch = NAME.matcher(text);
            Matcher levelMatch = LEVEL.matcher(text);
            if (inPermission && nameMatch.matches()) {
                name = nameMatch.group(1);
            } else if (inPermission && levelMatch.matches()) {
                level = (int) Long.parseLong(levelMatch.group(1), 16);
            }
        }
        Map<String, String> ours = new LinkedHashMap<>();
        frameworkManifest(jar).declaredPermissions().forEach(p -> ours.put(p.name(), p.protectionLevel()));
        assertTrue(aapt.size() > 850, aapt.size() + " permissions in aapt's dump");
        assertEquals(aapt, ours);
    }
}
