package org.leakscan.analysis.taint;

import java.util.BitSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies a callee's {@link MethodSummary} at one call: maps the callee's input nodes to what the
 * caller passes (its arguments, the fields of its objects, its statics), the callee's symbols to
 * the taint the caller's values carry, the callee's local objects to objects of the caller made
 * through this call, and text holes to the caller's texts; then replays the callee's writes,
 * re-issues the calls it left to its caller, and hands on its hits, which become flows where data
 * and destination are now known.
 */
final class Instantiation {

    /** A hole in a template is filled with at most this many texts before it becomes unknown. */
    private static final int MAX_FILLS = Value.MAX_CONSTANTS;

    private final Frame caller;
    private final MethodSummary callee;
    private final Value[] args;
    private final Value[] mapped;
    private final byte[] state;
    private final Map<Integer, MethodSummary.PendingCall> pendingByNode = new java.util.HashMap<>();
    private final Calls calls;
    private final TaintSet context;
    private final TaintSet[] symbols;
    private final Map<TaintSet, TaintSet[]> translated = new java.util.HashMap<>();

    Instantiation(Frame caller, MethodSummary callee, Value[] args, TaintSet context) {
        this.context = context;
        this.caller = caller;
        this.callee = callee;
        this.args = args;
        this.mapped = new Value[callee.nodes().size()];
        this.state = new byte[callee.nodes().size()];
        this.symbols = new TaintSet[callee.nodes().size() * 3];
        for (MethodSummary.PendingCall p : callee.pending()) {
            pendingByNode.put(p.node(), p);
        }
        this.calls = caller.scope.calls;
    }

    Frame.CallResult apply() {
        Scope scope = caller.scope;
        for (MethodSummary.Cell c : callee.cells()) {
            scope.budget.check();
            Value targets = node(c.node());
            caller.write(targets, c.field(), value(c.value()));
        }
        for (MethodSummary.PendingCall p : callee.pending()) {
            node(p.node());
        }
        for (Map.Entry<String, Value> s : callee.statics().entrySet()) {
            caller.writeStatic(s.getKey(), value(s.getValue()));
        }
        BitSet live = callee.live();
        for (int o = live.nextSetBit(0); o >= 0; o = live.nextSetBit(o + 1)) {
            node(o);
        }
        for (MethodSummary.Hit h : callee.hits()) {
            TaintSet[] explicit = taint(h.explicit());
            TaintSet[] implicit = taint(h.implicit());
            caller.hit(h.sink(), explicit[0], explicit[1].union(implicit[0]).union(implicit[1]), value(h.destination()));
        }
        if (!context.isEmpty()) {
            // The call runs (or runs on this object) because of a test of the data: what its sinks
            // reveal is that test.
            for (MethodSummary.Hit h : callee.bare()) {
                caller.hit(h.sink(), TaintSet.EMPTY, context, value(h.destination()));
            }
        }
        return new Frame.CallResult(value(callee.returned()), value(callee.thrown()), null);
    }

    /** The caller's value for a callee node: its objects there, and for an input what was there. */
    Value node(int id) {
        if (state[id] == 2) {
            return mapped[id];
        }
        if (state[id] == 1) {
            return Value.EMPTY; // a cycle through a pending call's own result
        }
        state[id] = 1;
        Node n = callee.nodes().get(id);
        Value v = switch (n.kind()) {
            case PARAM -> {
                int i = (Integer) n.key();
                yield i < args.length ? args[i] : Value.EMPTY;
            }
            case FIELD -> {
                Value parent = node(n.parent());
                yield n.field() == caller.fields.allElements ? caller.read(parent, caller.fields.elements)
                        : caller.readRaw(parent, n.field());
            }
            case STATIC -> caller.readStatic((String) n.key(), n.type());
            case GLOBAL -> caller.globalValue((String) n.key(), n.type());
            case PENDING -> reissue(pendingByNode.get(id));
            case ALLOC, RESULT, REFLECT -> Value.ofObject(caller.instance(n).id());
        };
        mapped[id] = v;
        state[id] = 2;
        return v;
    }

    /** Makes a call the callee left to its caller, here, as if made at its own place. */
    private Value reissue(MethodSummary.PendingCall p) {
        if (p == null) {
            return Value.EMPTY;
        }
        caller.scope.budget.check();
        Value[] a = new Value[p.args().length];
        for (int i = 0; i < a.length; i++) {
            a[i] = value(p.args()[i]);
        }
        Value out = calls.invoke(caller, p.site(), p.call(), a, TaintSet.EMPTY).value();
        if (Interpreter.TRACE) {
            System.err.println((caller.isTop() ? "top" : "in " + ((SummaryFrame) caller).method.ref()) + " reissue "
                    + p.call().method() + " args=" + java.util.Arrays.toString(a) + " -> " + out);
        }
        return out;
    }

    /** Explicit and implicit taint in the caller for callee taint in explicit position. */
    TaintSet[] taint(TaintSet t) {
        if (!t.isSymbolic()) {
            return new TaintSet[] {t, TaintSet.EMPTY};
        }
        TaintSet[] cached = translated.get(t);
        if (cached != null) {
            return cached;
        }
        // Accumulated in place: a summary's taint can name thousands of symbols, and a union per
        // symbol would copy the growing set each time.
        BitSet labels = (BitSet) t.labels().clone();
        BitSet inputs = new BitSet();
        BitSet implicitLabels = new BitSet();
        BitSet implicitInputs = new BitSet();
        BitSet in = t.inputs();
        for (int s = in.nextSetBit(0); s >= 0; s = in.nextSetBit(s + 1)) {
            TaintSet e = symbol(s);
            labels.or(e.labels());
            inputs.or(e.inputs());
            TaintSet i = node(Symbols.node(s)).implicit();
            implicitLabels.or(i.labels());
            implicitInputs.or(i.inputs());
        }
        TaintSet[] out = {TaintSet.of(labels, inputs), TaintSet.of(implicitLabels, implicitInputs)};
        translated.put(t, out);
        return out;
    }

    /** What one callee symbol stands for in the caller, worked out once per application. */
    private TaintSet symbol(int s) {
        TaintSet cached = s < symbols.length ? symbols[s] : null;
        if (cached == null) {
            Value v = node(Symbols.node(s));
            cached = switch (Symbols.mode(s)) {
                case Symbols.VALUE -> v.taint();
                case Symbols.CONTENT -> caller.contentTaint(v);
                default -> caller.fullTaint(v);
            };
            if (s < symbols.length) {
                symbols[s] = cached;
            }
        }
        return cached;
    }

    /** A callee value in the caller's terms. */
    Value value(Value v) {
        if (v.isEmpty()) {
            return v;
        }
        BitSet objs = new BitSet();
        BitSet src = v.objects();
        for (int o = src.nextSetBit(0); o >= 0; o = src.nextSetBit(o + 1)) {
            objs.or(node(o).objects());
        }
        TaintSet[] explicit = taint(v.taint());
        TaintSet[] implicit = taint(v.implicit());
        boolean any = v.mayBeOtherString();
        if (!v.hasHoles()) {
            // Constants that hold no hole are the caller's as they are.
            return Value.of(objs, explicit[0], explicit[1].union(implicit[0]).union(implicit[1]), v.constants(), any);
        }
        Set<String> constants = new TreeSet<>();
        for (String c : v.constants()) {
            if (!Symbols.hasHole(c)) {
                constants.add(c);
                continue;
            }
            if (isOneHole(c)) {
                // The caller's value itself: its texts, integers and class literals.
                Value whole = node(Integer.parseInt(c.substring(1, c.length() - 1)));
                constants.addAll(whole.constants());
                any |= whole.mayBeOtherString();
                continue;
            }
            Set<String> filled = fill(c);
            if (filled == null) {
                any = true;
            } else {
                constants.addAll(filled);
            }
        }
        Value out = Value.of(objs, explicit[0], explicit[1].union(implicit[0]).union(implicit[1]), Set.of(), false);
        return out.join(Value.ofConstants(constants, any));
    }

    private static boolean isOneHole(String c) {
        return c.length() > 2 && c.charAt(0) == Symbols.HOLE && c.indexOf(Symbols.HOLE, 1) == c.length() - 1;
    }

    /**
     * The texts a template stands for in the caller: each hole replaced by the caller's texts for
     * that input ({@link StringValues#UNKNOWN} when it has none). A template that is one hole and
     * finds nothing gives nothing: the caller's value simply has no text. Null when too many.
     */
    private Set<String> fill(String template) {
        Set<String> out = new TreeSet<>();
        out.add("");
        int i = 0;
        boolean onlyHole = true;
        while (i < template.length()) {
            int start = template.indexOf(Symbols.HOLE, i);
            if (start < 0) {
                String rest = template.substring(i);
                out = append(out, Set.of(rest));
                onlyHole &= rest.isEmpty();
                break;
            }
            if (start > i) {
                out = append(out, Set.of(template.substring(i, start)));
                onlyHole = false;
            }
            int end = template.indexOf(Symbols.HOLE, start + 1);
            if (end < 0) {
                out = append(out, Set.of(template.substring(start))); // not a hole after all
                break;
            }
            int node = Integer.parseInt(template.substring(start + 1, end));
            Value v = node(node);
            Set<String> texts = new TreeSet<>(v.texts());
            Long n = v.intConstant();
            if (n != null) {
                texts.add(Long.toString(n));
            }
            if (texts.isEmpty() || v.mayBeOtherString()) {
                texts.add(StringValues.UNKNOWN);
            }
            out = append(out, texts);
            if (out == null) {
                return null;
            }
            i = end + 1;
        }
        if (onlyHole && out.size() == 1 && out.contains(StringValues.UNKNOWN)) {
            return Set.of();
        }
        return out;
    }

    private static Set<String> append(Set<String> left, Set<String> right) {
        if (left == null || left.size() * right.size() > MAX_FILLS) {
            return null;
        }
        Set<String> out = new TreeSet<>();
        for (String l : left) {
            for (String r : right) {
                out.add((l + r).replace(StringValues.UNKNOWN + StringValues.UNKNOWN, StringValues.UNKNOWN));
            }
        }
        return out;
    }
}
