package org.leakscan.testing;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.leakscan.analysis.AnalysisOptions;
import org.leakscan.analysis.AppAnalyzer;
import org.leakscan.catalog.Catalogs;
import org.leakscan.input.PackageReader;

/** Runs the whole pipeline in-process, as {@code leakscan scan} does, for tests. */
public final class Scans {

    private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "test-worker");
        t.setDaemon(true);
        return t;
    });

    private Scans() {
    }

    public static AppAnalyzer.Result analyze(Path input) {
        return analyze(input, AnalysisOptions.DEFAULT);
    }

    public static AppAnalyzer.Result analyze(Path input, AnalysisOptions options) {
        return new AppAnalyzer(Catalogs.builtIn(), EXECUTOR, new PackageReader(), options).analyze(input);
    }
}
