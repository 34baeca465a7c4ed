package org.leakscan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.analysis.findings.Flow;
import org.leakscan.report.rules.Issue;
import org.leakscan.report.rules.IssueFinder;
import org.leakscan.testing.JsonSchemaAssert;

/**
 * Reports read back into the typed records: a written report reads back equal to what was
 * written, a report from before a field existed still reads (missing = absent), a field of the
 * wrong type is an error naming its path, and rules judge a report from disk as they judge it live.
 */
class ReportJsonTest {

    static final List<String> FIXTURES = List.of("sample", "destinations", "trackers", "flows", "inventory");

    @Test
    void aWrittenReportReadsBackEqualAndJudgesTheSame() {
        for (String fixture : FIXTURES) {
            Report live = FixtureReports.normalised(fixture);
            Report read = ReportJson.fromTree(JsonParser.parseString(JsonReportWriter.toJson(live)).getAsJsonObject());
            assertEquals(live, read, fixture + ": the records survive the JSON round trip");
            List<Issue> fromLive = IssueFinder.find(live.apps().get(0));
            List<Issue> fromDisk = IssueFinder.find(read.apps().get(0));
            assertTrue(!fromLive.isEmpty(), fixture);
            assertEquals(fromLive.stream().map(i -> i.fingerprint() + " " + i.message()).toList(),
                    fromDisk.stream().map(i -> i.fingerprint() + " " + i.message()).toList(), fixture);
        }
    }

    @Test
    void missingFieldsReadAsAbsent() {
        Report live = FixtureReports.normalised("sample");
        JsonObject tree = ReportJson.toTree(live);
        JsonObject app = tree.getAsJsonArray("apps").get(0).getAsJsonObject();
        // As a report written before these fields existed would be.
        app.remove("summary");
        app.remove("unanalysed");
        JsonObject flow = app.getAsJsonArray("flows").get(0).getAsJsonObject();
        flow.remove("path");
        flow.getAsJsonObject("source").remove("occurrence");
        app.getAsJsonArray("permissions").get(0).getAsJsonObject().remove("usedBy");
        app.addProperty("addedByALaterVersion", "ignored");
        AppFindings read = ReportJson.fromTree(tree).apps().get(0);
        assertNull(read.summary());
        assertEquals(List.of(), read.unanalysed());
        Flow first = read.flows().get(0);
        assertEquals(List.of(), first.path());
        assertEquals(0, first.source().occurrence());
        assertEquals(List.of(), read.permissions().get(0).usedBy());
        assertEquals(IssueFinder.find(live.apps().get(0)).size() - live.apps().get(0).unanalysed().size(),
                IssueFinder.find(read).size(), "every finding but the blind spots is still made");
    }

    @Test
    void aFieldOfTheWrongTypeIsAnErrorNamingItsPath(@TempDir Path dir) throws IOException {
        JsonObject tree = ReportJson.toTree(FixtureReports.normalised("sample"));
        tree.getAsJsonArray("apps").get(0).getAsJsonObject().getAsJsonArray("flows").get(1).getAsJsonObject()
                .addProperty("sink", "not an object");
        Path file = dir.resolve("r.json");
        Files.writeString(file, tree.toString());
        ReportReadException e = assertThrows(ReportReadException.class, () -> ReportJson.read(file));
        assertTrue(e.getMessage().startsWith(file + ": not a leakscan JSON report ("), e.getMessage());
        assertTrue(e.getMessage().contains("$.apps[0].flows[1].sink"), e.getMessage());
    }

    @Test
    void judgingReadsNoJsonByKey() throws IOException {
        // Rules, policies, baselines and diffs judge records; a get("…") on a tree would compile
        // after a rename and silently stop matching.
        Pattern byKey = Pattern.compile("\\.(get|getAsJsonObject|getAsJsonArray|has)\\(\"");
        Path report = JsonSchemaAssert.projectDir().resolve("src/main/java/org/leakscan/report");
        try (Stream<Path> files = Files.walk(report)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String rel = report.relativize(f).toString();
                if (!(rel.startsWith("rules") || rel.startsWith("policy/PolicyEvaluator") || rel.startsWith("review")
                        || rel.startsWith("diff") || rel.startsWith("sarif") || rel.startsWith("datasafety"))) {
                    continue;
                }
                Matcher m = byKey.matcher(Files.readString(f));
                assertTrue(!m.find(), rel + " reads JSON by key: " + (m.hitEnd() ? "" : m.group()));
            }
        }
    }
}
