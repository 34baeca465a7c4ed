package org.leakscan.analysis.taint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodBody;

/** Blocks, post-dominators and control regions: what implicit flows rest on. */
class MethodCfgTest {

    private static MethodCfg cfg(Insn... insns) {
        return new MethodCfg(new MethodBody(4, new int[] {3}, List.of(insns), List.of()));
    }

    private static BitSet bits(int... set) {
        BitSet b = new BitSet();
        for (int i : set) {
            b.set(i);
        }
        return b;
    }

    @Test
    void diamondBranchesAreControlledByTheTestAndJoinAfterIt() {
        // 0: if r3 == 0 goto 3; 1: r0 = "a"; 2: goto 4; 3: r0 = "b"; 4: return r0
        MethodCfg cfg = cfg(new Insn.If(3, -1, 3), new Insn.ConstString(0, "a"), new Insn.Goto(4),
                new Insn.ConstString(0, "b"), new Insn.Return(0));
        assertEquals(4, cfg.blockCount());
        assertArrayEquals(new int[] {0, 1, 1, 2, 3}, cfg.blockOf);
        int join = cfg.immediatePostDominators()[0];
        assertEquals(3, join, "both arms meet at the return block");
        assertEquals(bits(1, 2), cfg.controlRegion(0), "each arm runs or not depending on the test");
    }

    @Test
    void codeAfterAnEarlyReturnDependsOnTheTest() {
        // 0: if r3 == 0 goto 2; 1: return r3; 2: r0 = "x"; 3: return r0
        MethodCfg cfg = cfg(new Insn.If(3, -1, 2), new Insn.Return(3), new Insn.ConstString(0, "x"),
                new Insn.Return(0));
        assertEquals(bits(1, 2), cfg.controlRegion(0),
                "with two exits nothing post-dominates the test: both ways are decided by it");
    }

    @Test
    void straightLineCodeHasNoControlRegion() {
        MethodCfg cfg = cfg(new Insn.ConstString(0, "a"), new Insn.Return(0));
        assertEquals(1, cfg.blockCount());
        assertEquals(new BitSet(), cfg.controlRegion(0));
    }
}
