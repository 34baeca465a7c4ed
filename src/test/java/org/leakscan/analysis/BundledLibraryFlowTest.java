package org.leakscan.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.analysis.findings.Flow;
import org.leakscan.testing.FixtureApps;
import org.leakscan.testing.Scans;

/**
 * Bundled library code is analysed only where the app reaches it: a library's static initialiser
 * runs once the analysis enters the class, not as an entry point of its own (the {@code bundled}
 * fixture). Inventory still lists every call site.
 */
class BundledLibraryFlowTest {

    private static AppFindings scan(String kind) {
        FixtureApps.Fixture f = FixtureApps.get("bundled");
        Path input = kind.equals("apk") ? f.apk() : f.aar();
        AppAnalyzer.Result r = Scans.analyze(input);
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        return r.findings();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apk", "aar"})
    void onlyTheReachedLibraryInitialiserLeaks(String kind) {
        AppFindings app = scan(kind);
        List<Flow> flows = app.flows();
        assertEquals(1, flows.size(), flows.toString());
        Flow flow = flows.get(0);
        assertEquals("device-id.serial", flow.dataType());
        assertEquals("log", flow.sink().kind());
        assertEquals("com.thirdparty.sdk.UsedLib", flow.sink().className());
    }

    @ParameterizedTest
    @ValueSource(strings = {"apk", "aar"})
    void theUnreachedInitialiserIsStillInTheInventory(String kind) {
        AppFindings app = scan(kind);
        List<String> readers = app.dataAccess().stream().filter(d -> d.dataType().equals("device-id.serial"))
                .flatMap(d -> d.callSites().stream()).map(c -> c.className()).distinct().sorted().toList();
        assertEquals(List.of("com.thirdparty.sdk.UnusedLib", "com.thirdparty.sdk.UsedLib"), readers);
    }
}
