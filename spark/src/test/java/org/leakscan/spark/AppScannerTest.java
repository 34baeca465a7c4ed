package org.leakscan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task attempts that run twice (a retry after a lost executor, a speculative copy) leave one record
 * per app, the first one, whatever order they finish in.
 */
class AppScannerTest {

    private static ScanSettings settings(Path out) {
        return new ScanSettings(true, 300_000, 1_800_000, null, null, null, null, null, false, false, out.toString());
    }

    private static InputPaths.Input sample() {
        Path p = SparkTesting.projectDir().resolve("testdata/sample/weatherbuddy.apk");
        return new InputPaths.Input("file:" + p, -1);
    }

    @Test
    void aSecondAttemptFindsTheRecordAndLeavesIt(@TempDir Path dir) throws Exception {
        Configuration conf = new Configuration();
        ScanSettings s = settings(dir.resolve("out"));
        assertEquals(AppScanner.Outcome.ANALYSED, AppScanner.scan(sample(), s, conf, 2));
        Path record = onlyRecord(dir.resolve("out"));
        String text = Files.readString(record);
        var modified = Files.getLastModifiedTime(record);
        assertEquals(AppScanner.Outcome.DONE_BEFORE, AppScanner.scan(sample(), s, conf, 2));
        assertEquals(text, Files.readString(onlyRecord(dir.resolve("out"))));
        assertEquals(modified, Files.getLastModifiedTime(record));
    }

    @Test
    void attemptsAtTheSameTimeLeaveOneRecord(@TempDir Path dir) throws Exception {
        Configuration conf = new Configuration();
        ScanSettings s = settings(dir.resolve("out"));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<AppScanner.Outcome>> attempts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                attempts.add(pool.submit(() -> AppScanner.scan(sample(), s, conf, 1)));
            }
            int analysed = 0;
            for (Future<AppScanner.Outcome> a : attempts) {
                AppScanner.Outcome o = a.get();
                assertTrue(o == AppScanner.Outcome.ANALYSED || o == AppScanner.Outcome.DONE_BEFORE, o.name());
                analysed += o == AppScanner.Outcome.ANALYSED ? 1 : 0;
            }
            assertTrue(analysed >= 1);
        } finally {
            pool.shutdownNow();
        }
        String record = Files.readString(onlyRecord(dir.resolve("out")));
        assertTrue(record.contains("\"package\":\"com.example.weatherbuddy\""), record);
    }

    /** The one record under the output folder; fails if there are more (or stray temporary files). */
    private static Path onlyRecord(Path out) throws Exception {
        try (Stream<Path> s = Files.walk(out.resolve(ResultStore.RESULTS))) {
            // The local file system keeps a .crc checksum beside each file: not a record.
            List<Path> files = s.filter(p -> Files.isRegularFile(p) && !p.toString().endsWith(".crc")).toList();
            assertEquals(1, files.size(), files.toString());
            return files.get(0);
        }
    }
}
