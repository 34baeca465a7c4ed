package org.leakscan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL part-way (a lost driver, a pre-empted cluster) is finished by running
 * it again: the apps it had finished are not analysed again, their records are not touched, and
 * the tables end with every app once.
 */
class KillAndResumeTest {

    @Test
    void aKilledRunIsFinishedWithoutRedoingFinishedApps(@TempDir Path dir) throws Exception {
        SparkTesting.spark();
        // 40 DroidBench apps, with flows: long enough to kill mid-run, short enough for CI.
        List<Path> all = SparkTesting.apks(SparkTesting.shared("droidbench/apk"));
        List<Path> apps = all.subList(0, Math.min(40, all.size()));
        Path list = SparkTesting.listFile(dir, apps);
        Path out = dir.resolve("out");

        // The first run in a JVM of its own, killed once a few apps are done.
        Process first = startJob(dir, out, list);
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (records(out).size() < 5 && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        first.destroyForcibly().waitFor();
        Map<Path, Snapshot> finished = snapshot(records(out));
        Assumptions.assumeTrue(finished.size() >= 5 && finished.size() < apps.size(),
                "the kill should land mid-run; it found " + finished.size() + " of " + apps.size() + " done"
                        + " (log in " + dir.resolve("first.log") + ")");
        assertTrue(!Files.exists(out.resolve(Tables.APPS_JSONL)), "killed before its tables");

        SparkTesting.Run second = SparkTesting.job("-o", out.toString(), list.toString());
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.err().contains(apps.size() + " inputs: " + finished.size() + " already done, "
                + (apps.size() - finished.size()) + " analysed, 0 failed"), second.err());
        for (Map.Entry<Path, Snapshot> e : finished.entrySet()) {
            assertEquals(e.getValue(), Snapshot.of(e.getKey()), "untouched: " + e.getKey());
        }
        assertEquals(apps.size(), records(out).size());
        assertEquals(apps.size(),
                SparkTesting.byInput(SparkTesting.table(out.resolve(Tables.APPS_JSONL))).size());
    }

    /** The job through its main class, as spark-submit would start it, in local[2]. */
    private static Process startJob(Path dir, Path out, Path list) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                    || arg.startsWith("-Djdk.reflect") || arg.startsWith("-Dio.netty")) {
                cmd.add(arg);
            }
        }
        cmd.addAll(List.of("-Xmx2g", "-Dspark.master=local[2]", "-Dspark.ui.enabled=false",
                "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
                "-cp", System.getProperty("java.class.path"), SparkScan.class.getName(),
                "-o", out.toString(), list.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("first.log").toFile())
                .start();
    }

    /** The records written so far. */
    private static List<Path> records(Path out) throws IOException {
        Path results = out.resolve(ResultStore.RESULTS);
        if (!Files.isDirectory(results)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(results)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")
                    && !p.getFileName().toString().startsWith(".")).toList();
        }
    }

    private static Map<Path, Snapshot> snapshot(List<Path> files) throws IOException {
        Map<Path, Snapshot> out = new HashMap<>();
        for (Path f : files) {
            out.put(f, Snapshot.of(f));
        }
        return out;
    }

    /** A file's content and modification time. */
    private record Snapshot(String text, FileTime modified) {
        static Snapshot of(Path f) throws IOException {
            return new Snapshot(Files.readString(f), Files.getLastModifiedTime(f));
        }
    }
}
