package org.leakscan.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.analysis.findings.Unanalysed;
import org.leakscan.testing.FixtureApps;
import org.leakscan.testing.Scans;

/**
 * The data-flow time budget: reaching it stops the fixpoint, keeps the rest of the report, and
 * says so in {@code unanalysed}; without it the same app has its flows and no such entry.
 */
class FlowTimeLimitTest {

    private static List<Unanalysed> limits(AppFindings f) {
        return f.unanalysed().stream().filter(u -> u.kind().equals("analysis-limit")).toList();
    }

    @Test
    void aSpentBudgetStopsTheAnalysisAndSaysSo() {
        AppAnalyzer.Result r = Scans.analyze(FixtureApps.get("flows").apk(), new AnalysisOptions(true, Duration.ofNanos(1)));
        assertEquals(List.of(), r.errors());
        List<Unanalysed> stopped = limits(r.findings());
        assertEquals(1, stopped.size(), r.findings().unanalysed().toString());
        assertTrue(stopped.get(0).where().get(0).contains("time limit"), stopped.toString());
        assertFalse(r.findings().permissions().isEmpty(), "the inventory is still reported");
    }

    @Test
    void withTheDefaultBudgetTheFixtureRunsToTheEnd() {
        AppAnalyzer.Result r = Scans.analyze(FixtureApps.get("flows").apk(), AnalysisOptions.DEFAULT);
        assertEquals(List.of(), limits(r.findings()));
        assertFalse(r.findings().flows().isEmpty());
    }

    @Test
    void aNegativeBudgetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AnalysisOptions(true, Duration.ofSeconds(-1)));
    }
}
