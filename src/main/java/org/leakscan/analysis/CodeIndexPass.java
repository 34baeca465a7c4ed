package org.leakscan.analysis;

import java.util.List;
import org.leakscan.program.Insn;

/** Walks all code once and indexes calls, field reads and string constants for later passes. */
public final class CodeIndexPass implements Pass {

    public static final PassInfo INFO = PassInfo.of("code-index",
            "index every call site, field read and string constant");

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public void run(AnalysisContext context) {
        List<CodeIndex.Builder> parts = context.forEachMethod(INFO.id(), CodeIndex.Builder::new, (acc, c, m) -> {
            List<Insn> insns = m.body().insns();
            for (int i = 0; i < insns.size(); i++) {
                acc.add(new CodeSite(c, m, i), insns.get(i));
            }
        });
        CodeIndex.Builder all = new CodeIndex.Builder();
        for (CodeIndex.Builder p : parts) {
            all.addAll(p);
        }
        context.setCodeIndex(all.build());
    }
}
