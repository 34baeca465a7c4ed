package org.leakscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.leakscan.testing.FixtureApps;
import org.leakscan.testing.SharedApps;

/**
 * The JSON report, flows included, is the same bytes with one worker thread and with four: on
 * every fixture app (APK, JAR and AAR) and, when {@code ../shared} is there, on the DroidBench apps
 * with the most code; inventory only (--no-flows) also on the corpus apps with the most code.
 */
class ThreadCountStabilityTest {

    /** Fixture apps and the biggest DroidBench apps: compared with flows. */
    static Stream<Path> apps() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String name : FixtureApps.names()) {
            FixtureApps.Fixture f = FixtureApps.get(name);
            out.add(f.apk());
            out.add(f.jar());
            out.add(f.aar());
        }
        out.addAll(biggest("droidbench/apk", 3));
        return out.stream();
    }

    /** APKs of fixtures, DroidBench and the corpus (whose data flow takes minutes): compared inventory only. */
    static Stream<Path> inventoryApps() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String name : FixtureApps.names()) {
            out.add(FixtureApps.get(name).apk());
        }
        out.addAll(biggest("droidbench/apk", 3));
        out.addAll(biggest("corpus", 3));
        return out.stream();
    }

    /** The {@code n} largest APKs below {@code ../shared/<folder>}, none when it is absent. */
    private static List<Path> biggest(String folder, int n) throws IOException {
        Path shared = SharedApps.folder(folder);
        if (!Files.isDirectory(shared)) {
            return List.of();
        }
        return SharedApps.apks(shared).stream()
                .sorted((a, b) -> Long.compare(b.toFile().length(), a.toFile().length()))
                .limit(n).sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("apps")
    void jsonIsTheSameWithOneAndFourThreads(Path app) {
        ScanCommandTest.Run one = ScanCommandTest.run("scan", app.toString(), "-f", "json", "-q", "-j", "1");
        ScanCommandTest.Run four = ScanCommandTest.run("scan", app.toString(), "-f", "json", "-q", "-j", "4");
        assertTrue(one.exitCode() == 0 || one.exitCode() == 3, one.err());
        assertTrue(one.out().contains("\"apps\""), "a report was written");
        assertEquals(one.exitCode(), four.exitCode());
        assertEquals(one.out(), four.out(), "report differs between -j 1 and -j 4 for " + app);
    }

    @ParameterizedTest
    @MethodSource("inventoryApps")
    void inventoryIsTheSameWithOneAndFourThreads(Path app) {
        ScanCommandTest.Run one = ScanCommandTest.run("scan", app.toString(), "-f", "json", "-q", "-j", "1", "--no-flows");
        ScanCommandTest.Run four = ScanCommandTest.run("scan", app.toString(), "-f", "json", "-q", "-j", "4", "--no-flows");
        assertTrue(one.out().contains("\"apps\""), "a report was written: " + one.err());
        assertEquals(one.out(), four.out(), "inventory differs between -j 1 and -j 4 for " + app);
    }
}
