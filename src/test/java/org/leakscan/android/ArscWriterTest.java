package org.leakscan.android;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.testing.Aapt;
import org.leakscan.testing.ArscWriter;
import org.leakscan.testing.AxmlWriter;

/** The test writer's {@code resources.arsc} is what Android's own tool reads: checked with {@code aapt dump}. */
class ArscWriterTest {

    @TempDir
    Path temp;

    static ArscWriter sampleTable() {
        ArscWriter arsc = new ArscWriter("com.example.writer");
        arsc.string("app_name", "Writer Example");
        arsc.string("fr", "app_name", "Exemple");
        arsc.string("api_url", "https://api.example.com/v1");
        arsc.xml("network_security_config", "res/xml/network_security_config.xml");
        arsc.bool("is_tablet", true);
        arsc.integer("max_items", 12);
        return arsc;
    }

    @Test
    void aaptReadsTheWrittenTable() throws Exception {
        assumeTrue(Aapt.find().isPresent(), "aapt is not installed");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("AndroidManifest.xml", new AxmlWriter().start("manifest").attr("package", "com.example.writer")
                .start("application").androidRef("label", 0x7f010000).end().end().toBytes());
        entries.put("resources.arsc", sampleTable().toBytes());
        Path apk = Aapt.zip(temp.resolve("writer.apk"), entries);

        String dump = Aapt.run("dump", "--values", "resources", apk.toString());
        assertContains(dump, "Package 0 id=0x7f name=com.example.writer");
        assertContains(dump, "resource 0x7f010000 com.example.writer:string/app_name: t=0x03 d=0x00000000 (s=0x0008 r=0x00)");
        assertContains(dump, "(string8) \"Writer Example\"");
        assertContains(dump, "config fr:");
        assertContains(dump, "(string8) \"Exemple\"");
        assertContains(dump, "(string8) \"https://api.example.com/v1\"");
        assertContains(dump, "com.example.writer:xml/network_security_config");
        assertContains(dump, "(string8) \"res/xml/network_security_config.xml\"");
        assertContains(dump, "com.example.writer:bool/is_tablet: t=0x12 d=0xffffffff");
        assertContains(dump, "com.example.writer:integer/max_items: t=0x10 d=0x0000000c");

        String badging = Aapt.run("dump", "badging", apk.toString());
        assertContains(badging, "application-label:'Writer Example'");
        assertContains(badging, "application-label-fr:'Exemple'");
    }

    /** aapt (Android 10) reads sparse type chunks; 16-bit offsets and compact entries are newer than it. */
    @Test
    void aaptReadsSparseTypeChunks() throws Exception {
        assumeTrue(Aapt.find().isPresent(), "aapt is not installed");
        ArscWriter arsc = new ArscWriter("com.example.sparse").sparse(true);
        arsc.string("first", "One");
        arsc.string("fr", "second", "Deux");
        arsc.string("third", "Three");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("AndroidManifest.xml", new AxmlWriter().start("manifest").attr("package", "com.example.sparse").end()
                .toBytes());
        entries.put("resources.arsc", arsc.toBytes());
        String dump = Aapt.run("dump", "--values", "resources", Aapt.zip(temp.resolve("sparse.apk"), entries).toString());
        assertContains(dump, "resource 0x7f010000 com.example.sparse:string/first: t=0x03");
        assertContains(dump, "resource 0x7f010002 com.example.sparse:string/third: t=0x03");
        assertContains(dump, "(string8) \"Three\"");
        assertContains(dump, "resource 0x7f010001 com.example.sparse:string/second: t=0x03");
        assertContains(dump, "(string8) \"Deux\"");
    }

    private static void assertContains(String output, String expected) {
        assertTrue(output.contains(expected), () -> "aapt output lacks [" + expected + "]:\n" + output);
    }
}
