package org.leakscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.testing.FixtureApps;

/**
 * Hostile and broken inputs: each gives one clear line naming the file, exit code 3, a report
 * entry under {@code errors}, no stack trace, and whatever could be read is still analysed.
 */
class MalformedInputTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Map<String, byte[]> sampleEntries() throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(FixtureApps.get("sample").apk()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    /** Runs a scan and checks the common promises; returns the JSON report. */
    private JsonObject scanExpectingError(Path input, String messagePart) {
        ScanCommandTest.Run r = ScanCommandTest.run("scan", input.toString(), "-f", "json", "-q");
        assertEquals(3, r.exitCode(), r.err());
        String[] lines = r.err().strip().split("\n");
        assertTrue(Arrays.stream(lines).anyMatch(l -> l.startsWith("leakscan: " + input) && l.contains(messagePart)),
                "one line naming the file and saying '" + messagePart + "', got:\n" + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace:\n" + r.err());
        JsonObject report = JsonParser.parseString(r.out()).getAsJsonObject();
        JsonArray errors = report.getAsJsonArray("errors");
        assertTrue(errors.size() >= 1);
        assertEquals(input.toString(), errors.get(0).getAsJsonObject().get("input").getAsString());
        return report;
    }

    @Test
    void truncatedZip() throws IOException {
        byte[] apk = Files.readAllBytes(FixtureApps.get("sample").apk());
        Path p = write("truncated.apk", Arrays.copyOf(apk, apk.length / 2));
        JsonObject report = scanExpectingError(p, "truncated or corrupt zip");
        assertEquals(0, report.getAsJsonArray("apps").size());
    }

    @Test
    void entryNamesThatClimbOutAreSkippedAndTheRestIsAnalysed() throws IOException {
        Map<String, byte[]> entries = sampleEntries();
        entries.put("../../../../tmp/evil.sh", "rm -rf /".getBytes(StandardCharsets.UTF_8));
        entries.put("/etc/passwd", "x".getBytes(StandardCharsets.UTF_8));
        JsonObject report = scanExpectingError(write("traversal.apk", zip(entries)), "climbs out of the archive");
        assertEquals(1, report.getAsJsonArray("apps").size(), "the app itself is still analysed");
        assertEquals(2, report.getAsJsonArray("errors").size());
    }

    @Test
    void zipBomb() throws IOException {
        Map<String, byte[]> entries = sampleEntries();
        entries.put("assets/bomb.txt", new byte[40 * 1024 * 1024]);
        JsonObject report = scanExpectingError(write("bomb.apk", zip(entries)), "expands more than 100 times");
        assertEquals(1, report.getAsJsonArray("apps").size(), "everything but the bomb is analysed");
    }

    @Test
    void notAZip() throws IOException {
        scanExpectingError(write("notes.apk", "just some text\n".getBytes(StandardCharsets.UTF_8)),
                "not an APK, AAR, JAR, DEX or class file");
    }

    @Test
    void emptyFile() throws IOException {
        scanExpectingError(write("empty.apk", new byte[0]), "the file is empty");
    }

    @Test
    void dexWithBadHeaderInsideAnApk() throws IOException {
        Map<String, byte[]> entries = sampleEntries();
        byte[] dex = entries.get("classes.dex").clone();
        dex[0x24] = 0x71; // header_size
        entries.put("classes.dex", dex);
        JsonObject report = scanExpectingError(write("baddex.apk", zip(entries)), "bad DEX header");
        JsonObject app = report.getAsJsonArray("apps").get(0).getAsJsonObject();
        assertEquals("com.example.weatherbuddy", app.getAsJsonObject("app").get("package").getAsString(),
                "the manifest is still read");
    }

    @Test
    void rawDexWithBadMagic() throws IOException {
        byte[] dex = new byte[0x70];
        System.arraycopy("dex\n999\0".getBytes(StandardCharsets.ISO_8859_1), 0, dex, 0, 8);
        scanExpectingError(write("classes.dex", dex), "bad DEX header");
    }

    @Test
    void hostileBinaryManifest() throws IOException {
        Map<String, byte[]> entries = sampleEntries();
        byte[] axml = entries.get("AndroidManifest.xml").clone();
        // Claim a string pool far larger than the file.
        axml[12] = (byte) 0xff;
        axml[13] = (byte) 0xff;
        axml[14] = (byte) 0xff;
        axml[15] = (byte) 0x7f;
        entries.put("AndroidManifest.xml", axml);
        JsonObject report = scanExpectingError(write("hostile-manifest.apk", zip(entries)), "AndroidManifest.xml");
        JsonObject app = report.getAsJsonArray("apps").get(0).getAsJsonObject();
        assertTrue(app.getAsJsonArray("dataAccess").size() > 0, "code is still analysed");
    }

    @Test
    void aBadInputDoesNotStopTheOthers() throws IOException {
        Path bad = write("bad.apk", "nope".getBytes(StandardCharsets.UTF_8));
        ScanCommandTest.Run r = ScanCommandTest.run("scan", bad.toString(), FixtureApps.get("sample").apk().toString(),
                "-f", "json", "-q");
        assertEquals(3, r.exitCode());
        JsonObject report = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(1, report.getAsJsonArray("apps").size());
        assertEquals(1, report.getAsJsonArray("errors").size());
    }
}
