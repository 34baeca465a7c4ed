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
import org.junit.jupiter.api.Test;
import org.leakscan.testing.FixtureApps;

/**
 * Issue #11: {@code --flow-time-limit} holds on every input within a few seconds of its value. The
 * {@code analysis-bomb} fixture (huge methods, thousands of sources and sinks, loops and branches
 * on tainted data, recursion through small helpers; see {@code AnalysisBombSources}) is scanned
 * with a 3 s limit: the scan must end within the limit plus 15 s and say in {@code unanalysed} that
 * the analysis stopped. A bound check, not a speed measurement: the bomb is built before the clock
 * starts, and the bound is the user's own limit.
 */
class AnalysisBombTest {

    private static final Duration LIMIT = Duration.ofSeconds(3);
    /*
     * Unpacking, the inventory and the report come on top of the flow limit: 1.9 s from the
     * command line; in the test JVM (cold, beside other test classes) the whole scan took 6.3 s
     * to 8.6 s in CI runs of the same code. The bound catches a limit that does not hold (the bomb
     * ran past 900 s when the time was checked only between methods), not a slow machine.
     */
    private static final Duration GRACE = Duration.ofSeconds(15);

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
