package org.leakscan.android;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leakscan.testing.Aapt;
import org.leakscan.testing.AxmlWriter;

/** The test writer's AXML is what Android's own tool reads: checked with {@code aapt dump}. */
class AxmlWriterTest {

    @TempDir
    Path temp;

    static byte[] sampleManifest(boolean utf8) {
        return new AxmlWriter().utf8(utf8)
                .start("manifest").attr("package", "com.example.writer")
                .androidAttr("versionCode", 42).androidAttr("versionName", "4.2")
                .start("uses-sdk").androidAttr("minSdkVersion", 21).androidAttr("targetSdkVersion", 33).end()
                .start("uses-permission").androidAttr("name", "android.permission.READ_CONTACTS").end()
                .start("uses-permission").androidAttr("name", "android.permission.INTERNET")
                .androidAttr("maxSdkVersion", 28).end()
                .start("application").androidRef("label", 0x7f040001).androidAttr("debuggable", true)
                .androidAttr("name", ".App")
                .start("activity").androidAttr("name", ".Main").androidAttr("exported", false)
                .start("intent-filter")
                .start("action").androidAttr("name", "android.intent.action.MAIN").end()
                .end()
                .end()
                .end()
                .end()
                .toBytes();
    }

    @ParameterizedTest(name = "utf8={0}")
    @ValueSource(booleans = {false, true})
    void aaptReadsTheWrittenTree(boolean utf8) throws Exception {
        assumeTrue(Aapt.find().isPresent(), "aapt is not installed");
        Path apk = Aapt.zip(temp.resolve("writer.apk"), Map.of("AndroidManifest.xml", sampleManifest(utf8)));

        String tree = Aapt.run("dump", "xmltree", apk.toString(), "AndroidManifest.xml");
        assertContains(tree, "N: android=http://schemas.android.com/apk/res/android");
        assertContains(tree, "A: android:versionCode(0x0101021b)=(type 0x10)0x2a");
        assertContains(tree, "A: android:versionName(0x0101021c)=\"4.2\" (Raw: \"4.2\")");
        assertContains(tree, "A: package=\"com.example.writer\" (Raw: \"com.example.writer\")");
        assertContains(tree, "A: android:label(0x01010001)=@0x7f040001");
        assertContains(tree, "A: android:debuggable(0x0101000f)=(type 0x12)0xffffffff");
        assertContains(tree, "A: android:exported(0x01010010)=(type 0x12)0x0");
        assertContains(tree, "E: intent-filter");

        String badging = Aapt.run("dump", "badging", apk.toString());
        assertContains(badging, "package: name='com.example.writer' versionCode='42' versionName='4.2'");
        assertContains(badging, "sdkVersion:'21'");
        assertContains(badging, "targetSdkVersion:'33'");
        assertContains(badging, "uses-permission: name='android.permission.READ_CONTACTS'");
        assertContains(badging, "uses-permission: name='android.permission.INTERNET' maxSdkVersion='28'");
    }

    private static void assertContains(String output, String expected) {
        assertTrue(output.contains(expected), () -> "aapt output lacks [" + expected + "]:\n" + output);
    }
}
