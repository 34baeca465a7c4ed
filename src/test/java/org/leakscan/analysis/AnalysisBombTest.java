package org.leakscan.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.leakscan.cli.LeakscanCommand;
import org.leakscan.testing.FixtureApps;
import picocli.CommandLine;

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
     * 2-core development machine (shared, loaded): see the README's "Measuring on real apps".
     */
    @Disabled("until the #11 engine lands: the flow time limit is only checked between methods today")
    @Test
    void theFlowTimeLimitHoldsOnTheAnalysisBomb() {
        Path apk = FixtureApps.get("analysis-bomb").apk();
        CommandLine cl = LeakscanCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));

        long start = System.nanoTime();
        int code = cl.execute("scan", apk.toString(), "-f", "json", "-q", "--flow-time-limit",
                Long.toString(LIMIT.toSeconds()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(0, code, err.toString());
        assertTrue(took.compareTo(LIMIT.plus(GRACE)) <= 0,
                "the scan took " + took.toMillis() + " ms with a flow time limit of " + LIMIT.toSeconds() + " s");
        List<String> kinds = new ArrayList<>();
        for (JsonElement u : JsonParser.parseString(out.toString()).getAsJsonObject().getAsJsonArray("apps").get(0)
                .getAsJsonObject().getAsJsonArray("unanalysed")) {
            kinds.add(((JsonObject) u).get("kind").getAsString());
        }
        assertTrue(kinds.contains("analysis-limit"), "unanalysed: " + kinds);
    }
}
