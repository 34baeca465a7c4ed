package org.leakscan.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.leakscan.bytecode.MalformedCodeException;
import org.leakscan.bytecode.RefPool;
import org.leakscan.bytecode.dex.DexFrontEnd;
import org.leakscan.diagnostics.AnalysisError;
import org.leakscan.diagnostics.Diagnostics;
import org.leakscan.input.CodeFile;

/**
 * Coverage-guided fuzzing of the DEX front-end (dexlib2 underneath). Contract: classes, with the
 * classes and methods that cannot be decoded recorded in {@link Diagnostics}, or
 * {@link MalformedCodeException}; anything else escaping is a bug.
 */
class DexFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void readDex(byte[] data) {
        Diagnostics diagnostics = new Diagnostics("fuzz.dex");
        try {
            new DexFrontEnd(new RefPool()).read(new CodeFile("classes.dex", data), diagnostics);
        } catch (MalformedCodeException e) {
            Contract.oneLine(e.getMessage());
        }
        for (AnalysisError e : diagnostics.errors()) {
            Contract.oneLine(e.message());
        }
    }
}
