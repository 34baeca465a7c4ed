package org.leakscan.analysis;

import java.util.List;

/**
 * Walks the references of all code once (no method is decoded into register form for it) and
 * indexes calls, field reads and string constants for later passes.
 */
public final class CodeIndexPass implements Pass {

    public static final PassInfo INFO = PassInfo.of("code-index",
            "index every call site, field read and string constant");

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public void run(AnalysisContext context) {
        CodeIndex.Builder all = new CodeIndex.Builder();
        List<CodeIndex.Builder> parts = context.forEachMethod(INFO.id(), all::slice, (acc, c, m) -> acc.add(c, m));
        for (CodeIndex.Builder p : parts) {
            all.addStrings(p);
        }
        context.setCodeIndex(all.build(context.program().classes()));
    }
}
