package org.leakscan.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageReaderTest {

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static final byte[] DEX = "dex\n035\0".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] CLASS = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 52};

    @Test
    void multidexIsReadInAndroidsOrderAndGapsAreReported() {
        List<String> problems = new ArrayList<>();
        List<String> order = PackageReader.dexLoadOrder(
                List.of("classes3.dex", "classes10.dex", "classes.dex", "classes2.dex", "classes5.dex", "classes1.dex"),
                problems);
        assertEquals(List.of("classes.dex", "classes2.dex", "classes3.dex"), order);
        assertEquals(3, problems.size(), problems.toString());
    }

    @Test
    void containersAreRecognisedByContentNotName() throws Exception {
        PackageReader reader = new PackageReader();
        Map<String, byte[]> apk = new TreeMap<>(Map.of("AndroidManifest.xml", new byte[] {3, 0, 8, 0}, "classes.dex", DEX,
                "classes2.dex", DEX));
        AppPackage a = reader.read(zip(apk), "x.zip");
        assertEquals(InputFormat.APK, a.format());
        assertEquals(2, a.dexFiles().size());
        AppPackage aar = reader.read(zip(Map.of("AndroidManifest.xml", "<manifest/>".getBytes(StandardCharsets.UTF_8),
                "classes.jar", zip(Map.of("a/B.class", CLASS)))), "lib.aar");
        assertEquals(InputFormat.AAR, aar.format());
        assertTrue(aar.manifestIsText());
        assertEquals("classes.jar!a/B.class", aar.classFiles().get(0).name());
        AppPackage jar = reader.read(zip(Map.of("a/B.class", CLASS, "META-INF/versions/9/a/B.class", CLASS,
                "module-info.class", CLASS)), "lib.jar");
        assertEquals(InputFormat.JAR, jar.format());
        assertEquals(1, jar.classFiles().size(), "multi-release copies and module-info are not classes of the app");
        assertEquals(InputFormat.DEX, reader.read(DEX, "classes.dex").format());
        assertEquals(InputFormat.CLASS, reader.read(CLASS, "A.class").format());
    }

    @Test
    void aBundleWhoseBaseApkIsUnreadableCannotBeRead() {
        PackageReader reader = new PackageReader();
        InputException e = assertThrows(InputException.class,
                () -> reader.read(zip(Map.of("base.apk", new byte[1], "split_config.arm64_v8a.apk", new byte[1])), "x.apks"));
        assertTrue(e.getMessage().startsWith("base APK 'base.apk': "), e.getMessage());
    }

    @Test
    void theBaseOfASplitSet() {
        // Named by an XAPK manifest, whatever the order.
        assertEquals(1, PackageReader.baseIndex(List.of("config.en.apk", "com.x.apk"), "com.x.apk"));
        assertEquals("com.x.apk", PackageReader.xapkBase(("{\"split_apks\": [{\"file\": \"config.en.apk\", \"id\": "
                + "\"config.en\"}, {\"id\": \"base\", \"file\": \"com.x.apk\"}]}").getBytes(StandardCharsets.UTF_8)));
        assertEquals(null, PackageReader.xapkBase("{}".getBytes(StandardCharsets.UTF_8)));
        // SAI and bundletool names.
        assertEquals(2, PackageReader.baseIndex(List.of("split_config.en.apk", "split_feature.apk", "base.apk"), null));
        assertEquals(1, PackageReader.baseIndex(List.of("splits/base-en.apk", "splits/base-master.apk"), null));
        // Otherwise the first that is not named like a split, else the first.
        assertEquals(1, PackageReader.baseIndex(List.of("config.arm64_v8a.apk", "app.apk"), null));
        assertEquals(0, PackageReader.baseIndex(List.of("split_a.apk", "split_b.apk"), null));
    }

    @Test
    void folderOfClassesAndDex(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("a/b"));
        Files.write(dir.resolve("a/b/C.class"), CLASS);
        Files.write(dir.resolve("classes.dex"), DEX);
        Files.writeString(dir.resolve("notes.txt"), "http://example.com");
        AppPackage p = new PackageReader().read(dir);
        assertEquals(InputFormat.DIRECTORY, p.format());
        assertEquals(1, p.classFiles().size());
        assertEquals(1, p.dexFiles().size());
        assertEquals(List.of("a/b/C.class", "classes.dex", "notes.txt"), p.entries().names());
    }

    @Test
    void emptyFolderIsAnInputError(@TempDir Path dir) {
        assertThrows(UnsupportedContainerException.class, () -> new PackageReader().read(dir));
    }

    @Test
    void traversalNamesAreRecognised() {
        for (String bad : List.of("../x", "a/../../x", "/etc/passwd", "C:\\windows\\x", "..\\..\\x", "a/b/../../../x")) {
            assertTrue(ZipArchive.climbsOut(bad), bad);
        }
        for (String ok : List.of("a/b/c", "a/../b", "..a/b", "res/raw/..x")) {
            assertFalse(ZipArchive.climbsOut(ok), ok);
        }
    }

    @Test
    void declaredBombsAreSkippedAtOpenAndTotalsAreEnforcedWhileInflating() throws Exception {
        ZipLimits tight = new ZipLimits(10, 5000, 10_000, 100, 1 << 20, 1 << 30, 2);
        try (ZipArchive z = ZipArchive.open(zip(Map.of("big.bin", new byte[6000], "ok.bin", new byte[10])), "t.zip", tight)) {
            assertEquals(List.of("ok.bin"), z.names());
            assertTrue(z.problems().get(0).contains("'big.bin' skipped: zip bomb"), z.problems().toString());
        }
        Map<String, byte[]> three = new TreeMap<>(Map.of("a", new byte[4000], "b", new byte[4000], "c", new byte[4000]));
        try (ZipArchive z = ZipArchive.open(zip(three), "t.zip", tight)) {
            z.read("a");
            z.read("b");
            ZipBombException e = assertThrows(ZipBombException.class, () -> z.read("c"));
            assertTrue(e.getMessage().contains("10000 bytes in all"), e.getMessage());
        }
        Map<String, byte[]> many = new TreeMap<>();
        for (int i = 0; i < 11; i++) {
            many.put("f" + i, new byte[1]);
        }
        assertThrows(ZipBombException.class, () -> ZipArchive.open(zip(many), "many.zip", tight));
    }
}
