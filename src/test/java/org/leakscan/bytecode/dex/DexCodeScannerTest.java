package org.leakscan.bytecode.dex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.leakscan.bytecode.RefPool;
import org.leakscan.diagnostics.Diagnostics;
import org.leakscan.input.AppPackage;
import org.leakscan.input.CodeFile;
import org.leakscan.input.InputException;
import org.leakscan.input.PackageReader;
import org.leakscan.program.ClassDef;
import org.leakscan.program.CodeRefs;
import org.leakscan.program.MethodBody;
import org.leakscan.program.MethodDef;
import org.leakscan.testing.FixtureApps;
import org.leakscan.testing.SharedApps;

/**
 * The inventory takes a method's calls, field reads and strings from {@link DexCodeScanner}'s walk
 * of the raw code; the data flow takes them from the register form. The two must list the same
 * references at the same offsets, for every method: checked on every fixture app and, when
 * {@code ../shared} is there, on every DroidBench and corpus app (dx, D8 and R8 output of many
 * years, switch and array payloads, multidex).
 */
class DexCodeScannerTest {

    /** Real apps above this size are left to the benchmark: decoding all their bodies here is slow. */
    private static final long MAX_SHARED_APP_BYTES = 12L << 20;

    @Test
    void scannerAndConverterAgreeOnEveryFixtureMethod() throws Exception {
        List<Path> apks = FixtureApps.apks();
        Counts counts = compare(apks);
        assertTrue(counts.methods > 100, "methods compared: " + counts.methods);
        assertTrue(counts.refs > 500, "references compared: " + counts.refs);
    }

    @Test
    void scannerAndConverterAgreeOnEverySharedApp() throws Exception {
        List<Path> apks = SharedApps.apks(MAX_SHARED_APP_BYTES, "droidbench/apk", "corpus");
        Assumptions.assumeTrue(!apks.isEmpty(), "../shared is not here");
        Counts counts = compare(apks);
        assertTrue(counts.methods > 10_000, "methods compared: " + counts.methods);
    }

    private record Counts(int methods, long refs) {
    }

    private static Counts compare(List<Path> apks) throws IOException, InputException {
        int methods = 0;
        long refs = 0;
        for (Path apk : apks) {
            AppPackage app = new PackageReader().read(apk);
            for (CodeFile dex : app.dexFiles()) {
                Diagnostics diagnostics = new Diagnostics(apk.toString());
                List<ClassDef> classes;
                try {
                    classes = new DexFrontEnd(new RefPool()).read(dex, diagnostics);
                } catch (org.leakscan.bytecode.MalformedCodeException e) {
                    continue; // an app with a deliberately broken dex file: nothing to compare
                }
                for (ClassDef c : classes) {
                    for (MethodDef m : c.methods()) {
                        MethodBody body = m.body();
                        if (body == null) {
                            continue;
                        }
                        CodeRefs scanned = m.refs();
                        CodeRefs decoded = CodeRefs.of(body);
                        String where = apk.getFileName() + "!" + dex.name() + " " + m.ref();
                        assertEquals(render(decoded), render(scanned), where);
                        // The register form drops nops and folds move-result into its call: never more.
                        assertTrue(scanned.instructionCount() >= body.insns().size(),
                                where + ": " + scanned.instructionCount() + " < " + body.insns().size());
                        methods++;
                        refs += scanned.size();
                    }
                }
            }
        }
        return new Counts(methods, refs);
    }

    private static List<String> render(CodeRefs refs) {
        List<String> out = new ArrayList<>(refs.size());
        for (int i = 0; i < refs.size(); i++) {
            Object r = refs.ref(i);
            out.add(refs.offset(i) + " " + r.getClass().getSimpleName() + " " + r);
        }
        return out;
    }
}
