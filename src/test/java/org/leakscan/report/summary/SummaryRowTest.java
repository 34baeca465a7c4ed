package org.leakscan.report.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leakscan.analysis.AppAnalyzer;
import org.leakscan.report.ErrorEntry;
import org.leakscan.report.ExitCode;
import org.leakscan.report.Report;
import org.leakscan.report.ReportJson;
import org.leakscan.report.review.Review;
import org.leakscan.report.rules.Issue;
import org.leakscan.testing.FixtureApps;
import org.leakscan.testing.Scans;

/** The summary row (CLI batch line, Spark apps-table row) of the sample app and of an app not read. */
class SummaryRowTest {

    @Test
    void theSampleAppsRowSaysWhatLeavesToWhomAndWhichRulesFired() {
        AppAnalyzer.Result r = Scans.analyze(FixtureApps.get("sample").apk());
        Report report = new Report(Report.SCHEMA, new Report.Tool("leakscan", "test"), List.of(r.findings()), List.of());
        List<Issue> issues = Review.none(report).apps().get(0).issues();
        assertFalse(issues.isEmpty(), "the sample breaks some rules");
        JsonObject row = SummaryRow.of("sample.apk", r.findings(), List.of(), ExitCode.OK.code(), issues, List.of("sample.json"),
                1.23456);

        assertEquals(List.of("input", "package", "versionName", "versionCode", "format", "sha256", "sizeBytes", "status",
                "exitCode", "counts", "trackers", "dataTypesLeaving", "destinations", "findings", "seconds", "errors",
                "reports"), List.copyOf(row.keySet()), "columns in order");
        assertEquals("com.example.weatherbuddy", row.get("package").getAsString());
        assertEquals(r.findings().app().versionName(), row.get("versionName").getAsString());
        assertEquals("ok", row.get("status").getAsString());
        assertEquals(1.235, row.get("seconds").getAsDouble());
        assertTrue(strings(row, "dataTypesLeaving").contains("location.precise"), row.toString());
        assertTrue(row.getAsJsonArray("destinations").asList().stream().map(JsonElement::getAsJsonObject)
                .anyMatch(d -> d.get("host").getAsString().equals("api.openweathermap.org")
                        && d.get("country").getAsString().equals("unknown")), row.toString());
        int findings = row.getAsJsonArray("findings").asList().stream()
                .mapToInt(f -> f.getAsJsonObject().get("count").getAsInt()).sum();
        assertEquals(issues.size(), findings, "every finding counted once, by rule");
        assertEquals(issues.stream().map(i -> i.rule().id()).distinct().sorted().toList(),
                row.getAsJsonArray("findings").asList().stream()
                        .map(f -> f.getAsJsonObject().get("rule").getAsString()).toList());
    }

    @Test
    void anAppNotReadHasOnlyItsInputStatusAndErrors() {
        ErrorEntry error = new ErrorEntry("gone.apk", "no such file", "input", null, null, null, null);
        JsonObject row = SummaryRow.of("gone.apk", null, List.of(error), ExitCode.INPUT_ERROR.code(), List.of(), List.of(),
                0);
        assertEquals(List.of("input", "status", "exitCode", "seconds", "errors", "reports"), List.copyOf(row.keySet()));
        assertEquals("failed", row.get("status").getAsString());
        assertEquals(List.of("gone.apk: no such file"), strings(row, "errors"));
    }

    private static List<String> strings(JsonObject o, String name) {
        return o.getAsJsonArray(name).asList().stream().map(JsonElement::getAsString).toList();
    }
}
