package org.leakscan.report;

import java.util.List;
import org.leakscan.analysis.AppAnalyzer;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.analysis.findings.InputInfo;
import org.leakscan.testing.FixtureApps;
import org.leakscan.testing.Scans;

/**
 * Reports of fixture apps with what changes between machines and releases normalised: the tool
 * version, and the input's path, hash and size (the APK's bytes follow the installed javac and D8),
 * so a golden file compares only what the writer makes of the findings.
 */
final class FixtureReports {

    private FixtureReports() {
    }

    static Report normalised(String fixture) {
        AppAnalyzer.Result result = Scans.analyze(FixtureApps.get(fixture).apk());
        if (result.findings() == null || !result.errors().isEmpty()) {
            throw new AssertionError("fixture " + fixture + " did not scan cleanly: " + result.errors());
        }
        AppFindings f = result.findings();
        AppFindings fixed = new AppFindings(new InputInfo(fixture + ".apk", "0".repeat(64), 0, f.input().format()),
                f.app(), f.signing(), f.networkSecurity(), f.nativeCode(), f.permissions(), f.permissionRequirements(),
                f.components(),
                f.trackers(), f.endpoints(), f.dataAccess(),
                f.flows(), f.summary(), f.unanalysed(), f.stats());
        return new Report(Report.SCHEMA, new Report.Tool("leakscan", "TEST"), List.of(fixed), List.of());
    }
}
