package org.leakscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.testing.FixtureApps;

/** {@code leakscan diff old.json new.json}: what changed between two versions of an app. */
class DiffCommandTest {

    /** The sample's report, and an "older version" without the tracking SDK's Android ID and with an extra permission. */
    static Path[] reports(Path dir) throws IOException {
        Path newer = dir.resolve("new.json");
        ScanCommandTest.Run r = ScanCommandTest.run("scan", FixtureApps.get("sample").apk().toString(), "-f", "json",
                "-o", newer.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        JsonObject report = JsonParser.parseString(Files.readString(newer)).getAsJsonObject();
        JsonObject app = report.getAsJsonArray("apps").get(0).getAsJsonObject();
        app.getAsJsonObject("app").addProperty("versionName", "1.2.0");
        app.getAsJsonObject("app").addProperty("versionCode", 6);
        for (String field : new String[] {"flows", "dataAccess"}) {
            JsonArray list = app.getAsJsonArray(field);
            for (int i = list.size() - 1; i >= 0; i--) {
                if (list.get(i).getAsJsonObject().get("dataType").getAsString().equals("device-id.android-id")) {
                    list.remove(i);
                }
            }
        }
        JsonObject perm = new JsonObject();
        perm.addProperty("name", "android.permission.READ_CONTACTS");
        perm.addProperty("declared", true);
        app.getAsJsonArray("permissions").add(perm);
        Path older = dir.resolve("old.json");
        Files.writeString(older, report.toString());
        return new Path[] {older, newer};
    }

    @Test
    void textShowsWhatWasAddedAndRemoved(@TempDir Path dir) throws IOException {
        Path[] r = reports(dir);
        ScanCommandTest.Run d = ScanCommandTest.run("diff", r[0].toString(), r[1].toString());
        assertEquals(0, d.exitCode(), d.err());
        assertTrue(d.out().contains("== com.example.weatherbuddy  1.2.0 (6) -> 1.3.0 (7)  [changed]"), d.out());
        assertTrue(d.out().contains("     + device-id.android-id"), d.out());
        assertTrue(d.out().contains("     - android.permission.READ_CONTACTS"), d.out());
        assertTrue(d.out().contains("     + device-id.android-id -> network: io.tinymetrics.sdk.TinyMetrics.init -> "
                + "io.tinymetrics.sdk.Uploader.post to collect.tinymetrics.io"), d.out());
    }

    @Test
    void jsonHasTheSameChanges(@TempDir Path dir) throws IOException {
        Path[] r = reports(dir);
        ScanCommandTest.Run d = ScanCommandTest.run("diff", r[0].toString(), r[1].toString(), "--format", "json");
        assertEquals(0, d.exitCode(), d.err());
        JsonObject diff = JsonParser.parseString(d.out()).getAsJsonObject();
        assertEquals("leakscan-diff/1", diff.get("schema").getAsString());
        JsonObject app = diff.getAsJsonArray("apps").get(0).getAsJsonObject();
        assertEquals("changed", app.get("status").getAsString());
        assertEquals(6, app.getAsJsonObject("old").get("versionCode").getAsInt());
        JsonObject changes = app.getAsJsonObject("changes");
        assertEquals("device-id.android-id", changes.getAsJsonObject("dataTypes").getAsJsonArray("added").get(0).getAsString());
        assertEquals(0, changes.getAsJsonObject("dataTypes").getAsJsonArray("removed").size());
        assertEquals("android.permission.READ_CONTACTS",
                changes.getAsJsonObject("permissions").getAsJsonArray("removed").get(0).getAsString());
        assertTrue(!changes.has("endpoints") && !changes.has("trackers"), "unchanged aspects are left out: " + changes);
    }

    @Test
    void sameReportTwiceHasNoChanges(@TempDir Path dir) throws IOException {
        Path[] r = reports(dir);
        ScanCommandTest.Run d = ScanCommandTest.run("diff", r[1].toString(), r[1].toString());
        assertEquals(0, d.exitCode());
        assertTrue(d.out().contains("[unchanged]") && d.out().contains("no changes"), d.out());
    }

    @Test
    void unreadableReportIsAnInputError(@TempDir Path dir) throws IOException {
        Path notJson = dir.resolve("x.json");
        Files.writeString(notJson, "not json at all {");
        ScanCommandTest.Run d = ScanCommandTest.run("diff", notJson.toString(), dir.resolve("missing.json").toString());
        assertEquals(3, d.exitCode());
        assertTrue(d.err().startsWith("leakscan: " + notJson + ": not JSON"), d.err());
        assertEquals(3, ScanCommandTest.run("diff", dir.resolve("missing.json").toString(), notJson.toString()).exitCode());
        assertEquals(2, ScanCommandTest.run("diff", notJson.toString()).exitCode(), "two reports are needed");
    }
}
