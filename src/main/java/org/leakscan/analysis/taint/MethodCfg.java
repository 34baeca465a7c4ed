package org.leakscan.analysis.taint;

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

    private int[] postDominators;
    private BitSet[] regions;

    /**
     * The immediate post-dominator of each block (the first block every path from it to the exit
     * passes), or -1 when only the exit post-dominates it. Computed on first use with the
     * Cooper-Harvey-Kennedy algorithm on the reversed graph (exception edges included); linear in
     * practice, so large methods stay cheap.
     */
    int[] immediatePostDominators() {
        if (postDominators != null) {
            return postDominators;
        }
        int n = blockCount();
        int exit = n;
        // Reverse graph: predecessors of b in the forward graph are its successors in the reverse.
        List<List<Integer>> reverseSucc = new ArrayList<>(n + 1);
        for (int i = 0; i <= n; i++) {
            reverseSucc.add(new ArrayList<>());
        }
        for (int b = 0; b < n; b++) {
            boolean exits = successors[b].length == 0 && handlers[b].length == 0;
            if (exits) {
                reverseSucc.get(exit).add(b);
            }
            for (int[] edges : new int[][] {successors[b], handlers[b]}) {
                for (int s : edges) {
                    reverseSucc.get(s).add(b);
                }
            }
        }
        // Post-order of the reverse graph from the exit, iteratively.
        int[] order = new int[n + 1];
        Arrays.fill(order, -1);
        int[] byOrder = new int[n + 1];
        int count = 0;
        boolean[] seen = new boolean[n + 1];
        java.util.ArrayDeque<int[]> stack = new java.util.ArrayDeque<>();
        stack.push(new int[] {exit, 0});
        seen[exit] = true;
        while (!stack.isEmpty()) {
            int[] top = stack.peek();
            List<Integer> next = reverseSucc.get(top[0]);
            if (top[1] < next.size()) {
                int c = next.get(top[1]++);
                if (!seen[c]) {
                    seen[c] = true;
                    stack.push(new int[] {c, 0});
                }
            } else {
                stack.pop();
                order[top[0]] = count;
                byOrder[count++] = top[0];
            }
        }
        int[] idom = new int[n + 1];
        Arrays.fill(idom, -1);
        idom[exit] = exit;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int k = count - 2; k >= 0; k--) { // reverse post-order, root excluded
                int b = byOrder[k];
                int newIdom = -1;
                // Predecessors in the reverse graph are the forward successors (and the exit for exits).
                List<Integer> preds = new ArrayList<>();
                for (int s : successors[b]) {
                    preds.add(s);
                }
                for (int h : handlers[b]) {
                    preds.add(h);
                }
                if (successors[b].length == 0 && handlers[b].length == 0) {
                    preds.add(exit);
                }
                for (int p : preds) {
                    if (idom[p] < 0) {
                        continue;
                    }
                    newIdom = newIdom < 0 ? p : intersect(p, newIdom, idom, order);
                }
                if (newIdom >= 0 && idom[b] != newIdom) {
                    idom[b] = newIdom;
                    changed = true;
                }
            }
        }
        int[] ipdom = new int[n];
        for (int b = 0; b < n; b++) {
            ipdom[b] = idom[b] == exit || idom[b] < 0 ? -1 : idom[b];
        }
        postDominators = ipdom;
        return ipdom;
    }

    private static int intersect(int a, int b, int[] idom, int[] order) {
        while (a != b) {
            while (order[a] < order[b]) {
                a = idom[a];
            }
            while (order[b] < order[a]) {
                b = idom[b];
            }
        }
        return a;
    }

    /**
     * The blocks control-dependent on the branch that ends block {@code b}: reachable from its
     * successors without passing its immediate post-dominator. Whether they run depends on which
     * way the branch went.
     */
    BitSet controlRegion(int b) {
        if (regions == null) {
            regions = new BitSet[blockCount()];
        }
        if (regions[b] == null) {
            regions[b] = region(b, successors[b]);
        }
        return regions[b];
    }

    /** Blocks reachable from {@code starts} without passing the immediate post-dominator of {@code b}. */
    BitSet region(int b, int[] starts) {
        int stop = immediatePostDominators()[b];
        BitSet out = new BitSet(blockCount());
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
        for (int s : starts) {
            if (s != stop && !out.get(s)) {
                out.set(s);
                todo.add(s);
            }
        }
        while (!todo.isEmpty()) {
            int x = todo.poll();
            for (int[] edges : new int[][] {successors[x], handlers[x]}) {
                for (int s : edges) {
                    if (s != stop && !out.get(s)) {
                        out.set(s);
                        todo.add(s);
                    }
                }
            }
        }
        return out;
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
