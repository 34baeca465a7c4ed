package org.leakscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.testing.FixtureApps;
import org.leakscan.testing.JsonSchemaAssert;

/**
 * {@code scan --sources-sinks FILE}: a FlowDroid list takes the place of sources.json and sinks.json.
 * The list used here names a sink the built-in catalogue keeps quiet (a preferences write, modelled
 * as private storage) and a source it does not have ({@code String.getBytes}), and leaves out the
 * SMS sink the fixture also reaches: the report must follow the list, not the built-in catalogues.
 */
class SourcesSinksOptionTest {

    private static final String LIST = String.join("\n",
            "% sources",
            "<android.telephony.TelephonyManager: java.lang.String getDeviceId()> -> _SOURCE_",
            "<java.lang.String: byte[] getBytes()> -> _SOURCE_",
            "",
            "% sinks",
            "<android.content.SharedPreferences$Editor: android.content.SharedPreferences$Editor putString(java.lang.String,java.lang.String)> -> _SINK_",
            "<java.io.OutputStream: void write(byte[])> -> _SINK_",
            "");

    private static List<JsonObject> flows(String json) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement f : JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("apps").get(0).getAsJsonObject()
                .getAsJsonArray("flows")) {
            out.add(f.getAsJsonObject());
        }
        return out;
    }

    private static String api(JsonObject flow, String end) {
        return flow.getAsJsonObject(end).get("api").getAsString();
    }

    @Test
    void aScanReportsFlowsThroughTheListedSourcesAndSinksOnly(@TempDir Path dir) throws IOException {
        Path list = Files.writeString(dir.resolve("SourcesAndSinks.txt"), LIST);
        ScanCommandTest.Run r = ScanCommandTest.run("scan", FixtureApps.get("flows").apk().toString(), "-f", "json", "-q",
                "--sources-sinks", list.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonSchemaAssert.assertValid(ScanCommandTest.SCHEMA, r.out());
        List<JsonObject> flows = flows(r.out());

        JsonObject prefs = flows.stream()
                .filter(f -> api(f, "sink").contains("SharedPreferences$Editor;->putString")).findFirst()
                .orElseThrow(() -> new AssertionError("no flow into the listed preferences write: " + flows));
        assertEquals("Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;", api(prefs, "source"));
        assertEquals("device-id.imei", prefs.get("dataType").getAsString(), "the built-in data type of getDeviceId");
        assertEquals("org.leakscan.fixture.flows.SinksActivity", prefs.getAsJsonObject("sink").get("class").getAsString());
        assertEquals("file.listed", prefs.getAsJsonObject("sink").get("channel").getAsString());

        assertTrue(flows.stream().anyMatch(f -> api(f, "source").equals("Ljava/lang/String;->getBytes()[B")
                        && f.get("dataType").getAsString().equals("other.listed-source")
                        && api(f, "sink").equals("Ljava/io/OutputStream;->write([B)V")
                        && f.getAsJsonObject("sink").get("kind").getAsString().equals("other")),
                "no flow from the listed String.getBytes into the listed OutputStream.write: " + flows);
        for (JsonObject f : flows) {
            assertTrue(api(f, "sink").contains("putString") || api(f, "sink").contains("->write("),
                    "a sink the list does not name: " + f);
            assertTrue(api(f, "source").contains("getDeviceId") || api(f, "source").contains("getBytes"),
                    "a source the list does not name: " + f);
        }
    }

    @Test
    void withoutTheOptionThePreferencesWriteIsNotReported() {
        ScanCommandTest.Run r = ScanCommandTest.run("scan", FixtureApps.get("flows").apk().toString(), "-f", "json", "-q");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(flows(r.out()).stream().anyMatch(f -> api(f, "sink").contains("putString")), r.out());
    }

    @Test
    void aMalformedLineIsOneErrorNamingFileAndLine(@TempDir Path dir) throws IOException {
        Path list = Files.writeString(dir.resolve("bad.txt"),
                "<android.telephony.TelephonyManager: java.lang.String getDeviceId()> -> _SOURCE_\n"
                        + "<android.util.Log: int i(java.lang.String,java.lang.String)> _SINK_\n");
        ScanCommandTest.Run r = ScanCommandTest.run("scan", FixtureApps.get("flows").apk().toString(), "-f", "json",
                "--sources-sinks", list.toString());
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        String err = r.err().strip();
        assertTrue(err.startsWith("leakscan: " + list + ":2: "), err);
        assertEquals(1, err.lines().count(), "one line, no stack trace: " + err);
    }

    @Test
    void aMissingListIsAUsageError(@TempDir Path dir) {
        ScanCommandTest.Run r = ScanCommandTest.run("scan", FixtureApps.get("flows").apk().toString(),
                "--sources-sinks", dir.resolve("absent.txt").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("absent.txt: no such file"), r.err());
    }
}
