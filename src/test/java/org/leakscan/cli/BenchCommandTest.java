package org.leakscan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakscan.testing.FixtureApps;

/** {@code leakscan bench}: its table and its arithmetic, and one real measured run. */
class BenchCommandTest {

    private static BenchCommand.Measured measured(String name, double mb, boolean flows, double... seconds) {
        List<BenchCommand.Run> runs = new java.util.ArrayList<>();
        for (double s : seconds) {
            runs.add(new BenchCommand.Run(s, 512 * 1024, 0, 2, 1000, 9000));
        }
        return new BenchCommand.Measured(name, mb, 3, flows, runs);
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, BenchCommand.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, BenchCommand.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertTrue(Double.isNaN(BenchCommand.median(List.of())));
    }

    @Test
    void tableGivesThroughputAndTheScalingExponent() {
        BenchCommand bench = new BenchCommand();
        String table = bench.table(List.of(
                measured("bench-10mb.apk", 10, false, 2.0, 1.0, 3.0),
                measured("bench-40mb.apk", 40, false, 4.0, 5.0, 4.5)), List.of());
        assertTrue(table.contains("| bench-10mb.apk | 10.0 | 3 | 1000 | inventory | 1.00 / 2.00 | 10.0 | 512 | - |"), table);
        assertTrue(table.contains("| bench-40mb.apk | 40.0 | 3 | 1000 | inventory | 4.00 / 4.50 | 10.0 | 512 | - |"), table);
        // 4x the size in 4x the time: exponent 1.00, linear.
        assertTrue(table.contains("10.0 MB -> 40.0 MB of DEX (x4.00) takes x4.00 the time (time ~ size^1.00"), table);
    }

    @Test
    void dexBytesAreTheUncompressedDexEntries() throws IOException {
        Path apk = FixtureApps.get("sample").apk();
        long expected = 0;
        try (ZipFile zip = new ZipFile(apk.toFile())) {
            expected = zip.getEntry("classes.dex").getSize();
        }
        assertArrayEquals(new long[] {expected, 1}, BenchCommand.dexOf(apk));
    }

    @Test
    void oneRunOfEachModeOnAFixtureApp(@TempDir Path dir) throws IOException {
        Path results = dir.resolve("results.md");
        ScanCommandTest.Run r = ScanCommandTest.run("bench", "--runs", "1", "--xmx", "512m", "--droidbench",
                dir.resolve("none").toString(), "--results", results.toString(),
                FixtureApps.get("flows").apk().toString());
        assertEquals(0, r.exitCode(), r.err());
        String table = Files.readString(results);
        assertEquals(r.out(), table);
        assertTrue(table.contains("| flows.apk |"), table);
        assertTrue(table.contains("| inventory |") && table.contains("| flows |"), table);
        assertTrue(r.err().contains("no DroidBench"), r.err());
    }
}
