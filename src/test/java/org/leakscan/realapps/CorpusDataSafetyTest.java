package org.leakscan.realapps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.analysis.findings.DataSafety;
import org.leakscan.catalog.DataTypeCatalog;
import org.leakscan.cli.Main;
import org.leakscan.report.Report;
import org.leakscan.report.ReportJson;
import org.leakscan.report.ReportReadException;
import org.leakscan.report.datasafety.DataSafetyCheck;
import org.leakscan.report.datasafety.DataSafetyCsv;
import org.leakscan.report.datasafety.DataSafetyDraft;
import org.leakscan.report.datasafety.Declaration;
import org.leakscan.report.datasafety.PlayDataType;
import org.leakscan.report.policy.Policy;
import org.leakscan.testing.SharedApps;

/**
 * The drafted Data safety declaration of every app in {@code ../shared/corpus} (skipped when
 * absent) reads back cleanly (no unknown question, no malformed row), declares exactly the Play
 * data types its report shows collected and shared, and checked against the report gives no
 * finding. Each app is scanned by {@code leakscan scan -f json} in a JVM of its own and judged from
 * the JSON report read back, as a CI job would.
 *
 * <p>Slow by nature (minutes): a full data-flow analysis per app, bounded by {@value #FLOW_LIMIT_S} s
 * of fixpoint and {@value #TIMEOUT_S} s in all. The engine does not yet stop inside one long
 * method at its fixpoint limit, so an app over {@value #TIMEOUT_S} s is drafted from its
 * inventory-only report instead; the test output names those apps and how many had data flow.
 */
class CorpusDataSafetyTest {

    static final int FLOW_LIMIT_S = 10;
    static final int TIMEOUT_S = 30;

    @Test
    void everyCorpusAppsDraftReImportsAndMatchesItsReport(@TempDir Path dir) throws Exception {
        List<Path> apps = SharedApps.apks(Long.MAX_VALUE, "corpus");
        assumeTrue(!apps.isEmpty(), "no corpus at " + SharedApps.folder("corpus"));
        DataTypeCatalog dataTypes = DataTypeCatalog.loadDefault();
        DataSafetyDraft drafter = new DataSafetyDraft(dataTypes, Policy.FirstParty.NONE);
        DataSafetyCheck checker = new DataSafetyCheck(dataTypes, Policy.FirstParty.NONE);
        List<String> problems = new ArrayList<>();
        int typesDrafted = 0;
        int withFlows = 0;
        for (Path apk : apps) {
            String name = apk.getFileName().toString();
            AppFindings app = scan(apk, dir.resolve(name + ".json"), true);
            boolean flows = app != null;
            if (app == null) {
                app = scan(apk, dir.resolve(name + ".inventory.json"), false);
            }
            if (app == null) {
                problems.add(name + ": not scanned");
                continue;
            }
            withFlows += flows ? 1 : 0;
            Declaration read = DataSafetyCsv.parse(name + ".csv", drafter.draft(app, "test").csv());
            DataSafety checked = checker.check(app, read);
            Map<PlayDataType, DataSafety.Declared> shown = new EnumMap<>(PlayDataType.class);
            for (DataSafety.DataTypeRow r : checked.dataTypes()) {
                if (r.found().collected()) {
                    shown.put(PlayDataType.byResponse(r.id()).orElseThrow(), new DataSafety.Declared(true, r.found().shared()));
                }
            }
            if (!read.unknown().isEmpty()) {
                problems.add(name + ": unknown questions in the draft " + read.unknown());
            }
            if (!read.dataTypes().equals(shown)) {
                problems.add(name + ": the draft declares " + read.dataTypes() + ", the report shows " + shown);
            }
            if (!checked.findings().isEmpty()) {
                problems.add(name + ": the draft read back gives " + checked.findings().stream()
                        .map(DataSafety.Finding::message).toList());
            }
            typesDrafted += read.dataTypes().size();
            System.out.printf("corpus data safety: %-45s %-28s %5d flows, drafted %s%n", name,
                    flows ? "data flow" : "inventory only (over " + TIMEOUT_S + " s)", app.flows().size(), read.dataTypes());
        }
        System.out.printf("corpus data safety: %d apps, %d with data flow, %d data types drafted%n", apps.size(), withFlows,
                typesDrafted);
        assertEquals(List.of(), problems);
    }

    /**
     * {@code leakscan scan APK -f json} in a JVM of its own (killed if it outlives the limits), read
     * back as records; null when the scan did not finish.
     */
    private static AppFindings scan(Path apk, Path json, boolean flows) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "scan", apk.toString(), "-f", "json", "-o", json.toString(), "-q", "-j", "2",
                "--flow-time-limit", Integer.toString(FLOW_LIMIT_S), "--timeout", Integer.toString(TIMEOUT_S)));
        if (!flows) {
            command.add("--no-flows");
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(TIMEOUT_S + 60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            return null;
        }
        if (!Files.exists(json)) {
            return null;
        }
        try {
            Report report = ReportJson.read(json);
            return report.apps().isEmpty() ? null : report.apps().get(0);
        } catch (ReportReadException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
