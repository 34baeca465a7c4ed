package org.leakscan.analysis.taint;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.List;
import org.leakscan.program.ClassDef;
import org.leakscan.program.FieldRef;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodBody;
import org.leakscan.program.MethodDef;

/**
 * Runs one method's body over a {@link SummaryFrame} to a fixpoint over its basic blocks, like
 * ASM's {@code Analyzer}: one register frame per block entry, joined where control flow meets.
 * Registers are flow-sensitive; the frame's heap is not, so the body runs again while a cell it
 * read grows. Branches on personal data taint what they decide (implicit flows), in app code only.
 */
final class Interpreter {

    /** At most this many passes over a body whose own writes keep changing what it read. */
    private static final int MAX_PASSES = 12;
    /**
     * {@code -Dleakscan.traceFlow=true} prints each block interpreted and each call, with the values
     * involved, to standard error: for developers asking why a flow is (not) found.
     */
    static final boolean TRACE = Boolean.getBoolean("leakscan.traceFlow");
    /** {@code -Dleakscan.traceSummaries=true} prints each summary made, with its size. */
    static final boolean TRACE_SUMMARIES = Boolean.getBoolean("leakscan.traceSummaries");

    private final SummaryFrame frame;
    private final Calls calls;
    private final MethodDef method;
    private final MethodCfg cfg;
    private final List<Insn> insns;
    private final int registers;
    private final boolean implicitFlows;
    private Value caught = Value.EMPTY;
    private TaintSet[] implicit;
    private TaintSet[] joinStrip;
    private TaintSet currentImplicit = TaintSet.EMPTY;

    Interpreter(SummaryFrame frame, Calls calls, MethodCfg cfg) {
        this.frame = frame;
        this.calls = calls;
        this.method = frame.method;
        this.cfg = cfg;
        MethodBody body = method.body();
        this.insns = body.insns();
        this.registers = body.registerCount();
        this.implicitFlows = frame.scope.tracksImplicit(method);
    }

    void run() {
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            frame.startPass();
            runOnce();
            if (!frame.readCellChanged()) {
                return;
            }
        }
    }

    private void runOnce() {
        int blocks = cfg.blockCount();
        if (blocks == 0) {
            return;
        }
        Value[][] entry = new Value[blocks][];
        Value[] initial = new Value[registers];
        java.util.Arrays.fill(initial, Value.EMPTY);
        MethodBody body = method.body();
        for (int p = 0; p < body.parameterCount(); p++) {
            int reg = body.parameterRegister(p);
            if (reg >= 0 && reg < registers) {
                initial[reg] = frame.paramValue(p);
            }
        }
        entry[0] = initial;
        implicit = new TaintSet[blocks];
        joinStrip = new TaintSet[blocks];
        java.util.Arrays.fill(implicit, TaintSet.EMPTY);
        java.util.Arrays.fill(joinStrip, TaintSet.EMPTY);
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
            frame.scope.budget.check();
            int b = work.poll();
            queued.clear(b);
            Value[] regs = entry[b].clone();
            Value caughtBefore = caught;
            int end = cfg.end(b);
            currentImplicit = implicit[b];
            TaintSet throwing = TaintSet.EMPTY;
            for (int i = cfg.starts[b]; i < end; i++) {
                throwing = throwing.union(throwingTaint(i, regs));
                exec(i, regs);
            }
            TaintSet decided = implicitFlows ? branchTaint(end - 1, regs) : TaintSet.EMPTY;
            if (TRACE) {
                System.err.println("block " + b + " [" + cfg.starts[b] + "," + end + ") of " + method.ref()
                        + " decided=" + decided + " implicit=" + implicit[b]);
            }
            if (!decided.isEmpty()) {
                spread(cfg.controlRegion(b), decided, entry, work, queued);
                int join = cfg.immediatePostDominators()[b];
                if (join >= 0) {
                    joinStrip[join] = joinStrip[join].union(decided);
                }
            }
            if (implicitFlows && !throwing.isEmpty() && cfg.handlers[b].length > 0) {
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

    /** Taint of the operands of the branch at {@code index}, if it is one. */
    private TaintSet branchTaint(int index, Value[] regs) {
        Insn insn = insns.get(index);
        if (insn instanceof Insn.If f) {
            return get(regs, f.a()).allTaint().union(get(regs, f.b()).allTaint());
        } else if (insn instanceof Insn.Switch s) {
            return get(regs, s.src()).allTaint();
        }
        return TaintSet.EMPTY;
    }

    /** An array access with a tainted index may throw: whether a handler runs depends on the index. */
    private TaintSet throwingTaint(int index, Value[] regs) {
        if (!implicitFlows) {
            return TaintSet.EMPTY;
        }
        Insn insn = insns.get(index);
        if (insn instanceof Insn.ArrayGet g) {
            return get(regs, g.index()).allTaint().union(get(regs, g.array()).implicit());
        } else if (insn instanceof Insn.ArrayPut p) {
            return get(regs, p.index()).allTaint().union(get(regs, p.array()).implicit());
        }
        return TaintSet.EMPTY;
    }

    /** Adds implicit taint to a region's blocks, queueing those already reached. */
    private void spread(BitSet region, TaintSet taint, Value[][] entry, ArrayDeque<Integer> work, BitSet queued) {
        for (int r = region.nextSetBit(0); r >= 0; r = region.nextSetBit(r + 1)) {
            TaintSet joined = implicit[r].union(taint);
            if (joined != implicit[r]) {
                implicit[r] = joined;
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
        TaintSet strip = joinStrip[block];
        for (int r = 0; r < target.length; r++) {
            Value j = fresh ? target[r] : target[r].join(incoming[r]);
            if (!strip.isEmpty() && j.objects().isEmpty() && j.singleConstant() != null) {
                // Where both ways of a secret-dependent branch meet, a constant that is the same
                // whichever way it went tells nothing about the secret (x = "a" on both paths).
                // Only the branch's implicit taint goes: a value one way brings explicitly
                // (return id != null ? id : "ERR") is still the data.
                j = j.withoutImplicit(strip);
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
            Value v = value;
            if (!implicitFlows) {
                v = v.withoutImplicit();
            } else if (!currentImplicit.isEmpty()) {
                v = v.withImplicit(currentImplicit);
            }
            regs[reg] = v;
        }
    }

    private static Value get(Value[] regs, int reg) {
        return reg >= 0 && reg < regs.length ? regs[reg] : Value.EMPTY;
    }

    private void exec(int index, Value[] regs) {
        Insn insn = insns.get(index);
        Site site = new Site(method, index);
        frame.via = site;
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
                set(regs, m.dst(), caught.join(frame.thrown));
            }
            case FIELD_GET -> {
                Insn.FieldGet g = (Insn.FieldGet) insn;
                Value v = g.isStatic() ? readStatic(site, g.field()) : readField(site, get(regs, g.object()), g.field());
                set(regs, g.dst(), v);
            }
            case FIELD_PUT -> {
                Insn.FieldPut p = (Insn.FieldPut) insn;
                FieldRef f = p.field();
                Value v = get(regs, p.src());
                if (!implicitFlows) {
                    v = v.withoutImplicit();
                }
                if (p.isStatic()) {
                    frame.writeStatic(staticKey(f), v);
                } else {
                    frame.write(get(regs, p.object()), frame.fields.id(f), v);
                }
            }
            case ARRAY_GET -> {
                Insn.ArrayGet g = (Insn.ArrayGet) insn;
                set(regs, g.dst(), frame.readElement(get(regs, g.array()), get(regs, g.index())));
            }
            case ARRAY_PUT -> {
                Insn.ArrayPut p = (Insn.ArrayPut) insn;
                frame.writeElement(get(regs, p.array()), get(regs, p.index()), get(regs, p.src()));
            }
            case NEW_INSTANCE -> {
                Insn.NewInstance n = (Insn.NewInstance) insn;
                set(regs, n.dst(), Value.ofObject(frame.newObject(site, "", Node.Kind.ALLOC, n.type(), true).id()));
            }
            case NEW_ARRAY -> {
                Insn.NewArray n = (Insn.NewArray) insn;
                // A secret-dependent size decides whether later accesses throw: an implicit label.
                Value array = Value.ofObject(frame.newObject(site, "", Node.Kind.ALLOC, n.type(), true).id());
                set(regs, n.dst(), array.withImplicit(get(regs, n.size()).allTaint()));
            }
            case FILLED_NEW_ARRAY -> {
                Insn.FilledNewArray n = (Insn.FilledNewArray) insn;
                Value array = Value.ofObject(frame.newObject(site, "", Node.Kind.ALLOC, n.type(), true).id());
                int[] elements = n.elements();
                for (int k = 0; k < elements.length; k++) {
                    frame.writeElement(array, Value.ofInt(k), get(regs, elements[k]));
                }
                set(regs, n.dst(), array);
            }
            case CHECK_CAST -> {
                // Same value; its static type narrows, which dispatch reads from the nodes themselves.
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
                    Value v = get(regs, r.src());
                    frame.returned = frame.returned.join(implicitFlows ? v : v.withoutImplicit());
                }
            }
            case THROW -> {
                Insn.Throw t = (Insn.Throw) insn;
                Value v = get(regs, t.src());
                caught = caught.join(v);
                frame.thrown = frame.thrown.join(v.withoutImplicit());
            }
            case INVOKE -> invoke(site, (Insn.Invoke) insn, regs);
            case GOTO, IF, SWITCH -> {
            }
            default -> throw new IllegalStateException("unhandled instruction kind " + insn.kind());
        }
    }

    private void invoke(Site site, Insn.Invoke call, Value[] regs) {
        int[] argRegs = call.args();
        Value[] args = new Value[argRegs.length];
        for (int k = 0; k < argRegs.length; k++) {
            args[k] = get(regs, argRegs[k]);
        }
        Value builderAfter = call.invokeKind() != Insn.InvokeKind.STATIC && StringValues.isBuilder(call.method().owner())
                && !args[0].objects().isEmpty() ? StringValues.builderAfter(frame, call.method(), args) : null;
        Frame.CallResult result = calls.invoke(frame, site, call, args, implicitFlows ? currentImplicit : TaintSet.EMPTY);
        caught = caught.join(result.thrown());
        if (TRACE) {
            System.err.println("  call " + call.method() + " args=" + java.util.Arrays.toString(args) + " -> " + result.value());
        }
        if (call.result() >= 0) {
            set(regs, call.result(), result.value());
        }
        // A call may replace what its arguments point to (out-parameters of models).
        if (result.updatedArgs() != null) {
            for (int k = 0; k < argRegs.length; k++) {
                if (result.updatedArgs()[k] != null) {
                    set(regs, argRegs[k], get(regs, argRegs[k]).join(result.updatedArgs()[k]));
                }
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

    private Value readField(Site site, Value base, FieldRef field) {
        Value out = frame.read(base, frame.fields.id(field));
        if (!frame.scope.isAppClass(field.owner())) {
            // A library object's field is part of the object's data (Account.name, ScanResult.BSSID).
            out = out.join(base.taintOnly());
            out = out.join(frame.scope.library.fieldSource(frame, site, field, base));
        } else if (base.isTainted() && madeByLibrary(base.objects())) {
            // An app object that library code made (Parcel.readValue, a deserialiser): its fields
            // hold what the library read, which the value's taint stands for.
            out = out.join(base.taintOnly());
        }
        return out;
    }

    private boolean madeByLibrary(BitSet objs) {
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            if (frame.node(o).kind() == Node.Kind.RESULT) {
                return true;
            }
        }
        return objs.isEmpty();
    }

    private Value readStatic(Site site, FieldRef field) {
        String key = staticKey(field);
        Value v = frame.readStatic(key, field.type());
        Object constant = staticConstant(field);
        if (constant instanceof String text) {
            // A constant the bytecode gives as the field's initial value (BuildConfig.API_URL in a
            // DEX's static values) is never written by code.
            v = v.join(Value.ofConstant(text));
        } else if (constant instanceof Integer || constant instanceof Long) {
            v = v.join(Value.ofInt(((Number) constant).longValue()));
        }
        return v.join(frame.scope.library.staticFieldValue(frame, site, field));
    }

    /** The initial value the declaring app class gives a static field in its bytecode, or null. */
    private Object staticConstant(FieldRef field) {
        String t = field.owner();
        while (t != null) {
            ClassDef c = frame.scope.hierarchy.appClass(t);
            if (c == null) {
                return null;
            }
            for (var f : c.fields()) {
                if (f.ref().name().equals(field.name())) {
                    return f.isStatic() ? f.constantValue() : null;
                }
            }
            t = c.superType();
        }
        return null;
    }

    /** Statics are keyed by the class that declares them, whichever subclass an access names. */
    private String staticKey(FieldRef field) {
        String t = field.owner();
        while (t != null) {
            ClassDef c = frame.scope.hierarchy.appClass(t);
            if (c == null) {
                break;
            }
            for (var f : c.fields()) {
                if (f.ref().name().equals(field.name())) {
                    return t + "->" + field.name();
                }
            }
            t = c.superType();
        }
        return field.owner() + "->" + field.name();
    }
}
