package org.leakscan.analysis.taint;

import java.util.BitSet;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * An abstract value in one frame: the nodes a register may point to (ids in the frame's
 * {@link NodeTable}), the taint it may carry explicitly (it is, or is computed from, the data) and
 * implicitly (it was assigned under a branch that tested the data), and the string constants it may
 * equal. Constants may hold {@link StringValues#UNKNOWN} parts and {@link Symbols#HOLE holes}.
 * Immutable; {@link #join} returns {@code this} when nothing is added, so callers detect change
 * with {@code !=}.
 */
final class Value {

    /** More constants than this and the value is "any string". */
    static final int MAX_CONSTANTS = 16;
    /** Longer constants are cut: URLs and class names fit. */
    static final int MAX_CONSTANT_LENGTH = 2048;
    /** Constants that are integers carry this prefix, so they never read as strings. */
    static final char INT = '\u0000';
    /** Constants that are class literals carry this prefix. */
    static final char CLASS = '\u0001';

    static final Value EMPTY = new Value(new BitSet(), TaintSet.EMPTY, TaintSet.EMPTY, Set.of(), false);
    /** A string nothing is known about. */
    static final Value ANY_STRING = new Value(new BitSet(), TaintSet.EMPTY, TaintSet.EMPTY, Set.of(), true);

    private final BitSet objects;
    private final TaintSet taint;
    private final TaintSet implicit;
    private final Set<String> constants;
    private final boolean anyString;
    /** The words of a large object set, made on the first subset test that needs them (the set never changes). */
    private long[] objectWords;
    /** Asked on every join and store; the parts never change. */
    private final boolean empty;

    private Value(BitSet objects, TaintSet taint, TaintSet implicit, Set<String> constants, boolean anyString) {
        this.objects = objects;
        this.taint = taint;
        this.implicit = implicit;
        this.constants = constants;
        this.anyString = anyString;
        this.empty = objects.isEmpty() && taint.isEmpty() && implicit.isEmpty() && constants.isEmpty() && !anyString;
    }

    static Value of(BitSet objects, TaintSet taint, TaintSet implicit, Set<String> constants, boolean anyString) {
        if (objects.isEmpty() && taint.isEmpty() && implicit.isEmpty() && constants.isEmpty() && !anyString) {
            return EMPTY;
        }
        return new Value(objects, taint, implicit, constants, anyString);
    }

    static Value ofObject(int node) {
        BitSet b = new BitSet();
        b.set(node);
        return new Value(b, TaintSet.EMPTY, TaintSet.EMPTY, Set.of(), false);
    }

    static Value ofObjects(BitSet nodes) {
        return nodes.isEmpty() ? EMPTY : new Value((BitSet) nodes.clone(), TaintSet.EMPTY, TaintSet.EMPTY, Set.of(), false);
    }

    static Value ofTaint(TaintSet t) {
        return t.isEmpty() ? EMPTY : new Value(new BitSet(), t, TaintSet.EMPTY, Set.of(), false);
    }

    static Value ofImplicit(TaintSet t) {
        return t.isEmpty() ? EMPTY : new Value(new BitSet(), TaintSet.EMPTY, t, Set.of(), false);
    }

    static Value ofConstant(String s) {
        if (s.indexOf(Symbols.HOLE) >= 0) {
            // A constant of the app's that holds the hole marker (protobuf's message-info strings
            // do) would read as a template: it stands for some text, unknown.
            return new Value(new BitSet(), TaintSet.EMPTY, TaintSet.EMPTY, Set.of(), true);
        }
        String c = s.length() > MAX_CONSTANT_LENGTH ? s.substring(0, MAX_CONSTANT_LENGTH) : s;
        return new Value(new BitSet(), TaintSet.EMPTY, TaintSet.EMPTY, Set.of(c), false);
    }

    static Value ofInt(long v) {
        return new Value(new BitSet(), TaintSet.EMPTY, TaintSet.EMPTY, Set.of(INT + Long.toString(v)), false);
    }

    static Value ofClass(String typeDescriptor) {
        return new Value(new BitSet(), TaintSet.EMPTY, TaintSet.EMPTY, Set.of(CLASS + typeDescriptor), false);
    }

    /** A value with these constants (bounded like a join). */
    static Value ofConstants(Set<String> constants, boolean other) {
        if (other || constants.size() > MAX_CONSTANTS) {
            return constants.isEmpty() && !other ? EMPTY : ANY_STRING;
        }
        if (constants.isEmpty()) {
            return EMPTY;
        }
        TreeSet<String> out = new TreeSet<>();
        for (String c : constants) {
            out.add(c.length() > MAX_CONSTANT_LENGTH ? c.substring(0, MAX_CONSTANT_LENGTH) : c);
        }
        return new Value(new BitSet(), TaintSet.EMPTY, TaintSet.EMPTY, Collections.unmodifiableSet(out), false);
    }

    BitSet objects() {
        return objects;
    }

    TaintSet taint() {
        return taint;
    }

    TaintSet implicit() {
        return implicit;
    }

    /** Explicit and implicit taint together: what a branch on this value depends on. */
    TaintSet allTaint() {
        return taint.union(implicit);
    }

    boolean isTainted() {
        return !taint.isEmpty();
    }

    /** Every constant as stored (strings, templates with holes, integers, classes). */
    Set<String> constants() {
        return constants;
    }

    boolean mayBeOtherString() {
        return anyString;
    }

    /** The integer this value must be, or null. */
    Long intConstant() {
        String c = singleConstant();
        if (c == null || c.isEmpty() || c.charAt(0) != INT) {
            return null;
        }
        return Long.parseLong(c.substring(1));
    }

    /** Known complete strings and templates, without integers and classes. */
    Set<String> texts() {
        if (constants.isEmpty()) {
            return Set.of();
        }
        TreeSet<String> out = new TreeSet<>();
        for (String c : constants) {
            if (c.isEmpty() || (c.charAt(0) != INT && c.charAt(0) != CLASS)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The string constants this value may be that hold no hole (integers and classes left out). */
    Set<String> strings() {
        if (constants.isEmpty()) {
            return Set.of();
        }
        TreeSet<String> out = new TreeSet<>();
        for (String c : constants) {
            if (c.isEmpty() || (c.charAt(0) != INT && c.charAt(0) != CLASS && !Symbols.hasHole(c))) {
                out.add(c);
            }
        }
        return out;
    }

    /** The class literals this value may be, as type descriptors. */
    Set<String> classes() {
        if (constants.isEmpty()) {
            return Set.of();
        }
        TreeSet<String> out = new TreeSet<>();
        for (String c : constants) {
            if (!c.isEmpty() && c.charAt(0) == CLASS) {
                out.add(c.substring(1));
            }
        }
        return out;
    }

    /** True when a constant depends on a caller's text. */
    boolean hasHoles() {
        for (String c : constants) {
            if (Symbols.hasHole(c)) {
                return true;
            }
        }
        return false;
    }

    /** The single constant this value must be, or null. */
    String singleConstant() {
        return !anyString && constants.size() == 1 ? constants.iterator().next() : null;
    }

    boolean isEmpty() {
        return empty;
    }

    /** The union; {@code this} itself when {@code other} adds nothing. */
    Value join(Value other) {
        if (other == this || other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        boolean newObjects = !coversObjects(other);
        TaintSet t = taint.union(other.taint);
        TaintSet i = implicit.union(other.implicit);
        boolean newAny = other.anyString && !anyString;
        boolean newConstants = !anyString && !constants.containsAll(other.constants);
        if (!newObjects && t == taint && i == implicit && !newAny && !newConstants) {
            return this;
        }
        BitSet o = objects;
        if (newObjects) {
            o = (BitSet) objects.clone();
            o.or(other.objects);
        }
        boolean any = anyString || other.anyString;
        Set<String> c = constants;
        if (newConstants && !any) {
            TreeSet<String> merged = new TreeSet<>(constants);
            merged.addAll(other.constants);
            if (merged.size() > MAX_CONSTANTS) {
                any = true;
            } else {
                c = Collections.unmodifiableSet(merged);
            }
        }
        if (any) {
            c = Set.of();
        }
        return new Value(o, t, i, c, any);
    }

    private boolean coversObjects(Value other) {
        int quick = TaintSet.quickCovers(objects, other.objects);
        if (quick >= 0) {
            return quick == 1;
        }
        if (objectWords == null) {
            objectWords = objects.toLongArray();
        }
        if (other.objectWords == null) {
            other.objectWords = other.objects.toLongArray();
        }
        return TaintSet.covers(objectWords, other.objectWords);
    }

    /** The same objects and taint with these texts instead of its constants. */
    Value withTexts(Value texts) {
        Value t = ofConstants(texts.texts(), texts.mayBeOtherString());
        return new Value(objects, taint, implicit, t.constants, t.anyString);
    }

    Value withTaint(TaintSet more) {
        TaintSet t = taint.union(more);
        return t == taint ? this : new Value(objects, t, implicit, constants, anyString);
    }

    Value withImplicit(TaintSet more) {
        TaintSet i = implicit.union(more);
        return i == implicit ? this : new Value(objects, taint, i, constants, anyString);
    }

    /** Only the taint (for values that are new data derived from this one, e.g. a string). */
    Value taintOnly() {
        if (objects.isEmpty() && constants.isEmpty() && !anyString) {
            return this;
        }
        return of(new BitSet(), taint, implicit, Set.of(), false);
    }

    /** The value without its constants. */
    Value withoutConstants() {
        return constants.isEmpty() && !anyString ? this : of(objects, taint, implicit, Set.of(), false);
    }

    /** Without the implicit taint of {@code gone}; explicit taint stays. */
    Value withoutImplicit(TaintSet gone) {
        TaintSet i = implicit.minus(gone);
        return i == implicit ? this : of(objects, taint, i, constants, anyString);
    }

    /** Without implicit taint (library code does not track it). */
    Value withoutImplicit() {
        return implicit.isEmpty() ? this : of(objects, taint, TaintSet.EMPTY, constants, anyString);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Value v && v.objects.equals(objects) && v.taint.equals(taint) && v.implicit.equals(implicit)
                && v.constants.equals(constants) && v.anyString == anyString;
    }

    @Override
    public int hashCode() {
        return objects.hashCode() * 31 + taint.hashCode();
    }

    @Override
    public String toString() {
        return "Value{objs=" + objects + ", taint=" + taint + ", implicit=" + implicit + ", consts="
                + (anyString ? "*" : constants) + "}";
    }
}
