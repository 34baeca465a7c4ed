package org.leakscan.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a batch on standard error: a bar redrawn in place on a terminal, else one plain line
 * per finished app ({@code [n/N] path: ok (1.23 s)}, the format single scans of several inputs
 * print). Lines about one app (its errors) go through {@link #println} so they never land in the
 * middle of the bar. Thread-safe.
 */
final class BatchProgress {

    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final int total;
    private final boolean bar;
    private final boolean quiet;
    private final long start = System.nanoTime();
    private int done;
    private int failed;
    private boolean barShown;

    /**
     * @param bar   draw a bar in place (only when standard error is a terminal)
     * @param quiet no progress at all, only the lines given to {@link #println}
     */
    BatchProgress(PrintWriter err, int total, boolean bar, boolean quiet) {
        this.err = err;
        this.total = total;
        this.bar = bar && !quiet;
        this.quiet = quiet;
    }

    /** Prints one line (an error of one app), above the bar when there is one. */
    synchronized void println(String line) {
        clearBar();
        err.println(line);
        redraw();
        err.flush();
    }

    /** One app is done; {@code status} is {@code ok}, {@code N problem(s)} or {@code not read}. */
    synchronized void finished(String path, String status, boolean ok, double seconds) {
        done++;
        if (!ok) {
            failed++;
        }
        if (quiet) {
            return;
        }
        if (bar) {
            redraw();
        } else {
            err.printf(Locale.ROOT, "[%d/%d] %s: %s (%.2f s)%n", done, total, path, status, seconds);
        }
        err.flush();
    }

    /** Ends the bar's line so what follows starts on a fresh one. */
    synchronized void close() {
        if (barShown) {
            err.println();
            barShown = false;
            err.flush();
        }
    }

    private void clearBar() {
        if (barShown) {
            err.print("\r\033[K");
            barShown = false;
        }
    }

    private void redraw() {
        if (!bar) {
            return;
        }
        int filled = total == 0 ? BAR_WIDTH : done * BAR_WIDTH / total;
        double elapsed = (System.nanoTime() - start) / 1e9;
        String eta = done == 0 || done == total ? "" : " ETA " + duration(elapsed / done * (total - done));
        err.print("\r\033[K[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total
                + " apps" + (failed > 0 ? ", " + failed + " with problems" : "") + ", " + duration(elapsed) + eta);
        barShown = true;
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + "s" : s < 3600 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s"
                : (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }
}
