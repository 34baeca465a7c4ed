package org.leakscan.analysis.dataflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodBody;
import org.leakscan.program.TryBlock;

/**
 * Basic blocks of one method body and the edges between them, exception edges included: every
 * block that overlaps a try range has an edge to each of its handlers.
 */
final class MethodCfg {

    /** First instruction of each block, ascending; block {@code b} ends where {@code b+1} starts. */
    final int[] starts;
    /** Normal successors per block. */
    final int[][] successors;
    /** Handler blocks per block. */
    final int[][] handlers;
    /** Block of each instruction. */
    final int[] blockOf;
    final int insnCount;

    MethodCfg(MethodBody body) {
        List<Insn> insns = body.insns();
        int n = insns.size();
        insnCount = n;
        BitSet leaders = new BitSet(n + 1);
        if (n > 0) {
            leaders.set(0);
        }
        for (int i = 0; i < n; i++) {
            Insn insn = insns.get(i);
            switch (insn.kind()) {
                case GOTO -> {
                    mark(leaders, ((Insn.Goto) insn).target(), n);
                    mark(leaders, i + 1, n);
                }
                case IF -> {
                    mark(leaders, ((Insn.If) insn).target(), n);
                    mark(leaders, i + 1, n);
                }
                case SWITCH -> {
                    for (int t : ((Insn.Switch) insn).targets()) {
                        mark(leaders, t, n);
                    }
                    mark(leaders, i + 1, n);
                }
                case RETURN, THROW -> mark(leaders, i + 1, n);
                default -> {
                }
            }
        }
        for (TryBlock t : body.tryBlocks()) {
            mark(leaders, t.start(), n);
            mark(leaders, t.end(), n);
            for (TryBlock.Handler h : t.handlers()) {
                mark(leaders, h.target(), n);
            }
        }
        starts = leaders.stream().filter(x -> x < n).toArray();
        blockOf = new int[n];
        for (int b = 0; b < starts.length; b++) {
            int end = b + 1 < starts.length ? starts[b + 1] : n;
            Arrays.fill(blockOf, starts[b], end, b);
        }
        successors = new int[starts.length][];
        handlers = new int[starts.length][];
        for (int b = 0; b < starts.length; b++) {
            int end = end(b);
            Insn last = insns.get(end - 1);
            List<Integer> succ = new ArrayList<>();
            switch (last.kind()) {
                case GOTO -> add(succ, ((Insn.Goto) last).target(), n);
                case IF -> {
                    add(succ, ((Insn.If) last).target(), n);
                    add(succ, end, n);
                }
                case SWITCH -> {
                    for (int t : ((Insn.Switch) last).targets()) {
                        add(succ, t, n);
                    }
                    add(succ, end, n);
                }
                case RETURN, THROW -> {
                }
                default -> add(succ, end, n);
            }
            successors[b] = succ.stream().mapToInt(Integer::intValue).distinct().toArray();
            List<Integer> hs = new ArrayList<>();
            for (TryBlock t : body.tryBlocks()) {
                if (t.start() < end && starts[b] < t.end()) {
                    for (TryBlock.Handler h : t.handlers()) {
                        add(hs, h.target(), n);
                    }
                }
            }
            handlers[b] = hs.stream().mapToInt(Integer::intValue).distinct().toArray();
        }
    }

    int end(int block) {
        return block + 1 < starts.length ? starts[block + 1] : insnCount;
    }

    int blockCount() {
        return starts.length;
    }

    private static void mark(BitSet leaders, int i, int n) {
        if (i >= 0 && i < n) {
            leaders.set(i);
        }
    }

    private void add(List<Integer> out, int insn, int n) {
        if (insn >= 0 && insn < n) {
            out.add(blockOf[insn]);
        }
    }
}
