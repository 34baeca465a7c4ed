package org.leakscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.leakscan.testing.FixtureApps;

/**
 * Issue #11: {@code --flow-time-limit} holds on every input within 2 s of its value. The
 * {@code analysis-bomb} fixture (huge methods, thousands of sources and sinks, loops and branches
 * on tainted data, recursion through small helpers; see {@code AnalysisBombSources}) is scanned
 * with a 3 s limit: the scan must end within the limit plus 2 s and say in {@code unanalysed} that
 * the analysis stopped. A bound check, not a speed measurement: the bomb is built before the clock
 * starts, and the bound is the user's own limit.
 */
class AnalysisBombTest {

    private static final Duration LIMIT = Duration.ofSeconds(3);
    private static final Duration GRACE = Duration.ofSeconds(2);

    /*
     * Disabled until the #11 engine lands: the engine of December 2026 checks the budget only
     * between methods, and one huge method's interpretation runs far past it. Observed on the
     * shared 2-core machine under load: this test's scan took 27.8 s; from the command line,
     * 11.6 s with the 3 s limit (6 method runs, 4,937 flows), and with the default 300 s limit
     * still running at 900 s and 6 GiB when killed.
     */
    @Disabled("until the #11 engine lands: the flow time limit is only checked between methods today")
    @Test
    void theFlowTimeLimitHoldsOnTheAnalysisBomb() {
        Path apk = FixtureApps.get("analysis-bomb").apk();

        long start = System.nanoTime();
        ScanCommandTest.Run r = ScanCommandTest.run("scan", apk.toString(), "-f", "json", "-q", "--flow-time-limit",
                Long.toString(LIMIT.toSeconds()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(took.compareTo(LIMIT.plus(GRACE)) <= 0,
                "the scan took " + took.toMillis() + " ms with a flow time limit of " + LIMIT.toSeconds() + " s");
        List<String> kinds = new ArrayList<>();
        for (JsonElement u : JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("apps").get(0)
                .getAsJsonObject().getAsJsonArray("unanalysed")) {
            kinds.add(((JsonObject) u).get("kind").getAsString());
        }
        assertTrue(kinds.contains("analysis-limit"), "unanalysed: " + kinds);
    }
}
