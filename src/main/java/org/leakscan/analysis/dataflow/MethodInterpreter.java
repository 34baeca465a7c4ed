package org.leakscan.analysis.dataflow;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.List;
import org.leakscan.program.FieldRef;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodBody;

/**
 * Runs one method to a local fixpoint over its basic blocks, with the method's current parameter
 * values and the current global state (heap, callees' results). Registers are flow-sensitive; the
 * heap, statics and calls go through the {@link TaintEngine}. Like ASM's {@code Analyzer}, it keeps
 * one register frame per block entry and joins frames where control flow meets.
 */
final class MethodInterpreter {

    private final TaintEngine engine;
    private final MethodState state;
    private final MethodCfg cfg;
    private final List<Insn> insns;
    private final int registers;
    /**
     * {@code -Dleakscan.traceFlow=true} prints each block interpreted and each sink reached, with
     * the values involved, to standard error: for developers asking why a flow is (not) found.
     */
    static final boolean TRACE = Boolean.getBoolean("leakscan.traceFlow");
    private Value caught = Value.EMPTY;
    /** Labels whose value decides whether each block runs (implicit flows), per block. */
    private BitSet[] implicit;
    /** Labels to strip from constants where branches on them join again, per block. */
    private BitSet[] joinStrip;
    /** The implicit labels of the block being interpreted. */
    private BitSet currentImplicit = new BitSet();

    MethodInterpreter(TaintEngine engine, MethodState state, MethodCfg cfg) {
        this.engine = engine;
        this.state = state;
        this.cfg = cfg;
        MethodBody body = state.method.body();
        this.insns = body.insns();
        this.registers = body.registerCount();
    }

    void run() {
        int blocks = cfg.blockCount();
        if (blocks == 0) {
            return;
        }
        Value[][] entry = new Value[blocks][];
        Value[] initial = new Value[registers];
        java.util.Arrays.fill(initial, Value.EMPTY);
        MethodBody body = state.method.body();
        for (int p = 0; p < body.parameterCount() && p < state.params.length; p++) {
            int reg = body.parameterRegister(p);
            if (reg >= 0 && reg < registers) {
                initial[reg] = engine.expand(state, state.params[p]);
                // A parameter the method only passes on (a bridge's check-cast) still carries the data through it.
                state.seen.or(initial[reg].taints());
            }
        }
        entry[0] = initial;
        implicit = new BitSet[blocks];
        joinStrip = new BitSet[blocks];
        for (int b = 0; b < blocks; b++) {
            implicit[b] = new BitSet();
            joinStrip[b] = new BitSet();
        }
        ArrayDeque<Integer> work = new ArrayDeque<>();
        BitSet queued = new BitSet(blocks);
        work.add(0);
        queued.set(0);
        BitSet handlerBlocks = new BitSet(blocks);
        for (int[] hs : cfg.handlers) {
            for (int h : hs) {
                handlerBlocks.set(h);
            }
        }
        while (!work.isEmpty()) {
            org.leakscan.diagnostics.Cancellation.check();
            int b = work.poll();
            queued.clear(b);
            Value[] regs = entry[b].clone();
            Value caughtBefore = caught;
            int end = cfg.end(b);
            currentImplicit = implicit[b];
            if (!state.contextImplicit.isEmpty()) {
                currentImplicit = (BitSet) implicit[b].clone();
                currentImplicit.or(state.contextImplicit);
            }
            BitSet throwing = new BitSet();
            for (int i = cfg.starts[b]; i < end; i++) {
                throwingTaint(i, regs, throwing);
                exec(i, regs);
            }
            BitSet decided = branchTaint(end - 1, regs);
            if (TRACE) {
                System.err.println("block " + b + " [" + cfg.starts[b] + "," + end + ") of " + state.method.ref()
                        + " decided=" + decided + " implicit=" + implicit[b] + " ipdom=" + cfg.immediatePostDominators()[b]
                        + " region=" + (decided.isEmpty() ? "" : cfg.controlRegion(b)));
            }
            if (!decided.isEmpty()) {
                spread(cfg.controlRegion(b), decided, entry, work, queued);
                int join = cfg.immediatePostDominators()[b];
                if (join >= 0) {
                    joinStrip[join].or(decided);
                }
            }
            if (!throwing.isEmpty() && cfg.handlers[b].length > 0) {
                spread(cfg.region(b, cfg.handlers[b]), throwing, entry, work, queued);
            }
            for (int s : cfg.successors[b]) {
                if (merge(entry, s, regs) && !queued.get(s)) {
                    queued.set(s);
                    work.add(s);
                }
            }
            for (int h : cfg.handlers[b]) {
                boolean changed = merge(entry, h, entry[b]);
                changed |= merge(entry, h, regs);
                if (changed && !queued.get(h)) {
                    queued.set(h);
                    work.add(h);
                }
            }
            if (caught != caughtBefore) {
                // A handler's move-exception reads what this method throws: run handlers again.
                for (int h = handlerBlocks.nextSetBit(0); h >= 0; h = handlerBlocks.nextSetBit(h + 1)) {
                    if (entry[h] != null && !queued.get(h)) {
                        queued.set(h);
                        work.add(h);
                    }
                }
            }
        }
    }

    /** Labels of the operands of the branch at {@code index}, if it is one. */
    private BitSet branchTaint(int index, Value[] regs) {
        Insn insn = insns.get(index);
        BitSet out = new BitSet();
        if (insn instanceof Insn.If f) {
            out.or(get(regs, f.a()).allTaints());
            out.or(get(regs, f.b()).allTaints());
        } else if (insn instanceof Insn.Switch s) {
            out.or(get(regs, s.src()).allTaints());
        }
        return out;
    }

    /** An array access with a tainted index may throw: whether a handler runs depends on the index. */
    private void throwingTaint(int index, Value[] regs, BitSet out) {
        Insn insn = insns.get(index);
        if (insn instanceof Insn.ArrayGet g) {
            out.or(get(regs, g.index()).allTaints());
            out.or(get(regs, g.array()).implicitTaints());
        } else if (insn instanceof Insn.ArrayPut p) {
            out.or(get(regs, p.index()).allTaints());
            out.or(get(regs, p.array()).implicitTaints());
        }
    }

    /** Adds implicit labels to a region's blocks, queueing those already reached. */
    private void spread(BitSet region, BitSet labels, Value[][] entry, ArrayDeque<Integer> work, BitSet queued) {
        for (int r = region.nextSetBit(0); r >= 0; r = region.nextSetBit(r + 1)) {
            BitSet missing = (BitSet) labels.clone();
            missing.andNot(implicit[r]);
            if (!missing.isEmpty()) {
                implicit[r].or(missing);
                if (entry[r] != null && !queued.get(r)) {
                    queued.set(r);
                    work.add(r);
                }
            }
        }
    }

    private boolean merge(Value[][] entry, int block, Value[] incoming) {
        Value[] target = entry[block];
        boolean fresh = target == null;
        if (fresh) {
            target = entry[block] = incoming.clone();
        }
        boolean changed = fresh;
        BitSet strip = joinStrip[block];
        for (int r = 0; r < target.length; r++) {
            Value j = fresh ? target[r] : target[r].join(incoming[r]);
            if (!strip.isEmpty() && j.objects().isEmpty() && j.singleConstant() != null) {
                // Where both ways of a secret-dependent branch meet, a constant that is the same
                // whichever way it went tells nothing about the secret (x = "a" on both paths).
                // Decided on the joined value: one way's constant alone says nothing yet.
                j = j.withoutTaints(strip);
            }
            if (j != target[r]) {
                target[r] = j;
                changed = true;
            }
        }
        return changed;
    }

    private void set(Value[] regs, int reg, Value value) {
        if (reg >= 0 && reg < regs.length) {
            Value v = currentImplicit.isEmpty() ? value : value.withImplicit(currentImplicit);
            regs[reg] = v;
            if (v.isTainted()) {
                state.seen.or(v.taints());
            }
            if (!v.implicitTaints().isEmpty()) {
                state.seen.or(v.implicitTaints());
            }
        }
    }

    private static Value get(Value[] regs, int reg) {
        return reg >= 0 && reg < regs.length ? regs[reg] : Value.EMPTY;
    }

    private void exec(int index, Value[] regs) {
        Insn insn = insns.get(index);
        switch (insn.kind()) {
            case CONST_STRING -> {
                Insn.ConstString c = (Insn.ConstString) insn;
                set(regs, c.dst(), Value.ofConstant(c.value()));
            }
            case CONST -> {
                Insn.Const c = (Insn.Const) insn;
                set(regs, c.dst(), Value.ofInt(c.value()));
            }
            case CONST_CLASS -> {
                Insn.ConstClass c = (Insn.ConstClass) insn;
                set(regs, c.dst(), Value.ofClass(c.type()));
            }
            case MOVE -> {
                Insn.Move m = (Insn.Move) insn;
                set(regs, m.dst(), get(regs, m.src()));
            }
            case MOVE_EXCEPTION -> {
                Insn.MoveException m = (Insn.MoveException) insn;
                set(regs, m.dst(), caught.join(state.thrown));
            }
            case FIELD_GET -> {
                Insn.FieldGet g = (Insn.FieldGet) insn;
                Value v = g.isStatic() ? engine.readStatic(state, index, g.field())
                        : engine.readField(state, index, get(regs, g.object()), g.field());
                set(regs, g.dst(), v);
            }
            case FIELD_PUT -> {
                Insn.FieldPut p = (Insn.FieldPut) insn;
                FieldRef f = p.field();
                if (p.isStatic()) {
                    engine.writeStatic(f, get(regs, p.src()));
                } else {
                    engine.writeField(get(regs, p.object()), f, get(regs, p.src()));
                }
            }
            case ARRAY_GET -> {
                Insn.ArrayGet g = (Insn.ArrayGet) insn;
                set(regs, g.dst(), engine.readElement(state, get(regs, g.array()), get(regs, g.index())));
            }
            case ARRAY_PUT -> {
                Insn.ArrayPut p = (Insn.ArrayPut) insn;
                engine.writeElement(get(regs, p.array()), get(regs, p.index()), get(regs, p.src()));
            }
            case NEW_INSTANCE -> {
                Insn.NewInstance n = (Insn.NewInstance) insn;
                set(regs, n.dst(), engine.allocate(state, index, n.type()));
            }
            case NEW_ARRAY -> {
                Insn.NewArray n = (Insn.NewArray) insn;
                // A secret-dependent size decides whether later accesses throw: an implicit label.
                set(regs, n.dst(), engine.allocate(state, index, n.type()).withImplicit(get(regs, n.size()).allTaints()));
            }
            case FILLED_NEW_ARRAY -> {
                Insn.FilledNewArray n = (Insn.FilledNewArray) insn;
                Value array = engine.allocate(state, index, n.type());
                int[] elements = n.elements();
                for (int k = 0; k < elements.length; k++) {
                    engine.writeElement(array, Value.ofInt(k), get(regs, elements[k]));
                }
                set(regs, n.dst(), array);
            }
            case CHECK_CAST -> {
                // Same value; its static type narrows, which dispatch reads from the objects themselves.
            }
            case OPERATION -> {
                Insn.Operation o = (Insn.Operation) insn;
                // A computed number: no longer any known constant.
                Value v = Value.ANY_STRING;
                if (o.op() == Insn.OpKind.ARITHMETIC || o.op() == Insn.OpKind.CONVERSION) {
                    for (int s : o.srcs()) {
                        v = v.join(get(regs, s).taintOnly());
                    }
                }
                set(regs, o.dst(), v);
            }
            case RETURN -> {
                Insn.Return r = (Insn.Return) insn;
                if (r.src() >= 0) {
                    engine.returnValue(state, get(regs, r.src()));
                }
            }
            case THROW -> {
                Insn.Throw t = (Insn.Throw) insn;
                Value v = get(regs, t.src());
                caught = caught.join(v);
                engine.throwValue(state, v);
            }
            case INVOKE -> {
                Insn.Invoke call = (Insn.Invoke) insn;
                int[] argRegs = call.args();
                Value[] args = new Value[argRegs.length];
                for (int k = 0; k < argRegs.length; k++) {
                    args[k] = get(regs, argRegs[k]);
                }
                Value builderAfter = call.invokeKind() != Insn.InvokeKind.STATIC && StringValues.isBuilder(call.method().owner())
                        && !args[0].objects().isEmpty() ? StringValues.builderAfter(engine, state, call.method(), args) : null;
                TaintEngine.CallResult result = engine.invoke(state, index, call, args, currentImplicit);
                caught = caught.join(result.thrown());
                if (call.result() >= 0) {
                    set(regs, call.result(), engine.expand(state, result.value()));
                }
                // A call may replace what its arguments point to (out-parameters of models).
                for (int k = 0; k < argRegs.length; k++) {
                    if (result.updatedArgs() != null && result.updatedArgs()[k] != null) {
                        set(regs, argRegs[k], get(regs, argRegs[k]).join(result.updatedArgs()[k]));
                    }
                }
                if (builderAfter != null) {
                    // Every register holding this builder now holds its new text, and only that.
                    BitSet builder = args[0].objects();
                    for (int r = 0; r < regs.length; r++) {
                        if (regs[r].objects().equals(builder)) {
                            regs[r] = regs[r].withTexts(builderAfter);
                        }
                    }
                }
            }
            case GOTO, IF, SWITCH -> {
            }
            default -> throw new IllegalStateException("unhandled instruction kind " + insn.kind());
        }
    }
}
