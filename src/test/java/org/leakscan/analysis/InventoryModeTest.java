package org.leakscan.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.testing.FixtureApps;
import org.leakscan.testing.Scans;
import org.leakscan.testing.SharedApps;

/**
 * {@code --no-flows} takes shortcuts: method bodies stay undecoded (the inventory reads what code
 * references straight from the bytecode) and DEX annotations are not read. None of it may change
 * the inventory: everything but the flows and what is built from them must be the same as in a
 * full scan, on every fixture app and, when {@code ../shared} is there, every DroidBench app.
 */
class InventoryModeTest {

    @Test
    void theInventoryIsTheSameWithAndWithoutFlowsOnTheFixtures() {
        List<Path> apps = new ArrayList<>();
        for (String name : FixtureApps.names()) {
            apps.add(FixtureApps.get(name).apk());
            apps.add(FixtureApps.get(name).jar());
        }
        assertTrue(compare(apps) > 0);
    }

    @Test
    void theInventoryIsTheSameWithAndWithoutFlowsOnDroidBench() throws Exception {
        Path dir = SharedApps.folder("droidbench/apk");
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared is not here");
        assertTrue(compare(SharedApps.apks(dir)) > 100);
    }

    private static int compare(List<Path> apps) {
        int dataAccess = 0;
        for (Path app : apps) {
            AppFindings full = Scans.analyze(app, new AnalysisOptions(true, Duration.ofMinutes(5))).findings();
            AppFindings inventory = Scans.analyze(app, new AnalysisOptions(false, Duration.ofMinutes(5))).findings();
            assertNotNull(full, app.toString());
            String where = app.getFileName().toString();
            assertEquals(full.app(), inventory.app(), where);
            assertEquals(full.permissions(), inventory.permissions(), where);
            assertEquals(full.components(), inventory.components(), where);
            assertEquals(full.trackers(), inventory.trackers(), where);
            assertEquals(full.endpoints(), inventory.endpoints(), where);
            assertEquals(full.dataAccess(), inventory.dataAccess(), where);
            assertEquals(full.signing(), inventory.signing(), where);
            assertEquals(full.stats(), inventory.stats(), where);
            dataAccess += inventory.dataAccess().size();
        }
        return dataAccess;
    }
}
