package org.leakscan.analysis.dataflow;

import java.util.BitSet;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * An abstract value: the objects a register may point to, the taint labels it may carry, and the
 * string constants it may equal. Taint comes in two kinds: explicit labels (the value is, or is
 * computed from, the data) and implicit labels (the value was assigned under a branch that tested
 * the data, or is the result of such a test). Immutable; {@link #join} returns {@code this} when
 * nothing is added, so callers detect change with {@code !=}.
 */
public final class Value {

    /** More constants than this and the value is "any string". */
    static final int MAX_CONSTANTS = 16;
    /** Longer constants than this are cut: URLs and class names fit; a megabyte of text does not need to. */
    static final int MAX_CONSTANT_LENGTH = 2048;

    private static final BitSet NONE = new BitSet();

    public static final Value EMPTY = new Value(new BitSet(), new BitSet(), NONE, Set.of(), false);

    private final BitSet objects;
    private final BitSet taints;
    private final BitSet implicit;
    private final Set<String> constants;
    /** True when the value may be a string not in {@link #constants} (constants then only list known ones). */
    private final boolean anyString;

    private Value(BitSet objects, BitSet taints, BitSet implicit, Set<String> constants, boolean anyString) {
        this.objects = objects;
        this.taints = taints;
        this.implicit = implicit;
        this.constants = constants;
        this.anyString = anyString;
    }

    private Value(BitSet objects, BitSet taints, Set<String> constants, boolean anyString) {
        this(objects, taints, NONE, constants, anyString);
    }

    /** A value that carries only implicit labels. */
    public static Value ofImplicit(BitSet labels) {
        return labels.isEmpty() ? EMPTY : new Value(new BitSet(), new BitSet(), (BitSet) labels.clone(), Set.of(), false);
    }

    /** Implicit labels: the data decided that this value was assigned, or this value is a test of it. */
    public BitSet implicitTaints() {
        return implicit;
    }

    /** Explicit and implicit labels together: what a branch on this value depends on. */
    public BitSet allTaints() {
        if (implicit.isEmpty()) {
            return taints;
        }
        BitSet all = (BitSet) taints.clone();
        all.or(implicit);
        return all;
    }

    /** The same value with extra implicit labels. */
    public Value withImplicit(BitSet more) {
        if (more.isEmpty() || contains(implicit, more)) {
            return this;
        }
        BitSet i = (BitSet) implicit.clone();
        i.or(more);
        return new Value(objects, taints, i, constants, anyString);
    }

    public static Value ofObject(int object) {
        BitSet b = new BitSet();
        b.set(object);
        return new Value(b, new BitSet(), Set.of(), false);
    }

    public static Value ofObjects(BitSet objects) {
        return objects.isEmpty() ? EMPTY : new Value((BitSet) objects.clone(), new BitSet(), Set.of(), false);
    }

    public static Value ofTaint(int label) {
        BitSet b = new BitSet();
        b.set(label);
        return new Value(new BitSet(), b, Set.of(), false);
    }

    public static Value ofTaints(BitSet labels) {
        return labels.isEmpty() ? EMPTY : new Value(new BitSet(), (BitSet) labels.clone(), Set.of(), false);
    }

    public static Value ofConstant(String s) {
        String c = s.length() > MAX_CONSTANT_LENGTH ? s.substring(0, MAX_CONSTANT_LENGTH) : s;
        return new Value(new BitSet(), new BitSet(), Set.of(c), false);
    }

    /** Constants that are integers carry this prefix, so they never read as strings. */
    static final char INT = '\u0000';
    /** Constants that are class literals ({@code Foo.class}) carry this prefix. */
    static final char CLASS = '\u0001';

    public static Value ofInt(long v) {
        return new Value(new BitSet(), new BitSet(), Set.of(INT + Long.toString(v)), false);
    }

    public static Value ofClass(String typeDescriptor) {
        return new Value(new BitSet(), new BitSet(), Set.of(CLASS + typeDescriptor), false);
    }

    /** The integer this value must be, or null. */
    public Long intConstant() {
        String c = singleConstant();
        if (c == null || c.isEmpty() || c.charAt(0) != INT) {
            return null;
        }
        return Long.parseLong(c.substring(1));
    }

    /** The string constants this value may be (integers and class literals left out). */
    public Set<String> strings() {
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

    /** The class literals this value may be, as type descriptors. */
    public Set<String> classes() {
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

    /** A value with these constants (bounded like a join). */
    public static Value ofConstants(Set<String> constants, boolean other) {
        Value v = EMPTY;
        for (String c : constants) {
            v = v.join(ofConstant(c));
        }
        return other ? v.join(ANY_STRING) : v;
    }

    /** A string nothing is known about. */
    public static final Value ANY_STRING = new Value(new BitSet(), new BitSet(), Set.of(), true);

    public BitSet objects() {
        return objects;
    }

    public BitSet taints() {
        return taints;
    }

    public boolean isTainted() {
        return !taints.isEmpty();
    }

    /** The string constants this value may be; empty when none are known. */
    public Set<String> constants() {
        return constants;
    }

    /** True when the value may be a string other than {@link #constants()}. */
    public boolean mayBeOtherString() {
        return anyString;
    }

    /** The single constant this value must be, or null. */
    public String singleConstant() {
        return !anyString && constants.size() == 1 ? constants.iterator().next() : null;
    }

    public boolean isEmpty() {
        return objects.isEmpty() && taints.isEmpty() && implicit.isEmpty() && constants.isEmpty() && !anyString;
    }

    /** The union; {@code this} itself when {@code other} adds nothing. */
    public Value join(Value other) {
        if (other == this || other == EMPTY || other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        boolean newObjects = !contains(objects, other.objects);
        boolean newTaints = !contains(taints, other.taints);
        boolean newImplicit = !contains(implicit, other.implicit);
        boolean newAny = other.anyString && !anyString;
        boolean newConstants = !anyString && !constants.containsAll(other.constants);
        if (!newObjects && !newTaints && !newImplicit && !newAny && !newConstants) {
            return this;
        }
        BitSet imp = implicit;
        if (newImplicit) {
            imp = (BitSet) implicit.clone();
            imp.or(other.implicit);
        }
        BitSet o = objects;
        if (newObjects) {
            o = (BitSet) objects.clone();
            o.or(other.objects);
        }
        BitSet t = taints;
        if (newTaints) {
            t = (BitSet) taints.clone();
            t.or(other.taints);
        }
        boolean any = anyString || other.anyString;
        Set<String> c = constants;
        if (newConstants && !any) {
            TreeSet<String> merged = new TreeSet<>(constants);
            merged.addAll(other.constants);
            if (merged.size() > MAX_CONSTANTS) {
                any = true;
                c = Set.of();
            } else {
                c = Collections.unmodifiableSet(merged);
            }
        }
        if (any) {
            c = Set.of();
        }
        return new Value(o, t, imp, c, any);
    }

    /**
     * The same objects and labels with these texts instead of its constants: a string builder's
     * register after a call that changed its text (a strong update of what that register knows).
     */
    public Value withTexts(Value texts) {
        Value t = ofConstants(texts.strings(), texts.mayBeOtherString());
        return new Value(objects, taints, implicit, t.constants, t.anyString);
    }

    /** The same objects and constants with extra taint labels. */
    public Value withTaints(BitSet more) {
        if (more.isEmpty() || contains(taints, more)) {
            return this;
        }
        BitSet t = (BitSet) taints.clone();
        t.or(more);
        return new Value(objects, t, implicit, constants, anyString);
    }

    /** The same value without the given labels. */
    public Value withoutTaints(BitSet labels) {
        if (!taints.intersects(labels) && !implicit.intersects(labels)) {
            return this;
        }
        BitSet t = (BitSet) taints.clone();
        t.andNot(labels);
        BitSet i = (BitSet) implicit.clone();
        i.andNot(labels);
        return new Value(objects, t, i, constants, anyString);
    }

    /** Only the taint labels (for values that are new data derived from this one, e.g. a string). */
    public Value taintOnly() {
        if (objects.isEmpty() && constants.isEmpty() && !anyString) {
            return this;
        }
        return taints.isEmpty() && implicit.isEmpty() ? EMPTY : new Value(new BitSet(), taints, implicit, Set.of(), false);
    }

    /** The value without its constants. */
    public Value withoutConstants() {
        return constants.isEmpty() && !anyString ? this : new Value(objects, taints, implicit, Set.of(), false);
    }

    private static boolean contains(BitSet big, BitSet small) {
        if (small.isEmpty()) {
            return true;
        }
        BitSet x = (BitSet) small.clone();
        x.andNot(big);
        return x.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Value v && v.objects.equals(objects) && v.taints.equals(taints)
                && v.implicit.equals(implicit) && v.constants.equals(constants) && v.anyString == anyString;
    }

    @Override
    public int hashCode() {
        return objects.hashCode() * 31 + taints.hashCode();
    }

    @Override
    public String toString() {
        return "Value{objs=" + objects + ", taints=" + taints + ", implicit=" + implicit + ", consts="
                + (anyString ? "*" : constants) + "}";
    }
}
