package org.leakscan.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.leakscan.input.AppPackage;
import org.leakscan.input.InputException;
import org.leakscan.input.PackageReader;
import org.leakscan.input.ZipLimits;

/**
 * Coverage-guided fuzzing of the container reader ({@link PackageReader}, {@code ZipArchive}).
 * Its contract: bytes in, an {@link AppPackage} or an {@link InputException} out; any other
 * exception is a bug. A normal build replays {@code ZipFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes (see {@code .ci/run}).
 */
class ZipFuzzTest {

    /** Small limits so that a fuzzed bomb costs milliseconds, not gigabytes. */
    private static final ZipLimits LIMITS = new ZipLimits(1000, 4L << 20, 16L << 20, 100, 1L << 20, 64L << 20, 2);

    @FuzzTest(maxDuration = "15s")
    void readArchive(byte[] data) {
        AppPackage app;
        try {
            app = new PackageReader(LIMITS).read(data, "fuzz.apk");
        } catch (InputException e) {
            Contract.oneLine(e.getMessage());
            return;
        }
        for (String name : app.entries().names()) {
            try {
                app.entries().read(name);
            } catch (InputException e) {
                Contract.oneLine(e.getMessage());
            }
        }
        app.problems().forEach(Contract::oneLine);
    }
}
