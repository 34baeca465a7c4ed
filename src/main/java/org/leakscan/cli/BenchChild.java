package org.leakscan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process {@code leakscan bench} starts for each measured run: runs the given command line as
 * {@link Main} would, then prints the process's peak resident memory ({@code VmHWM} from
 * {@code /proc/self/status}) on standard error, which the parent cannot read once the child has
 * exited. Not for users; a second entry point only so {@code Main} stays free of measuring code.
 */
public final class BenchChild {

    /** The line prefix {@link BenchCommand} looks for. */
    static final String PEAK_PREFIX = "leakscan-bench: peak-rss-kb=";

    private BenchChild() {
    }

    public static void main(String[] args) {
        int code = LeakscanCommand.commandLine().execute(args);
        System.err.println(PEAK_PREFIX + peakRssKb());
        System.err.flush();
        System.exit(code);
    }

    /** {@code VmHWM} in kB, or -1 where {@code /proc} does not say (not Linux). */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc unreadable: the table says "n/a"
        }
        return -1;
    }
}
