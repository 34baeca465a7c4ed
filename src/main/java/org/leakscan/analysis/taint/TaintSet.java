package org.leakscan.analysis.taint;

import java.util.BitSet;

/**
 * What a value may carry: concrete source labels (one per source site, app-wide) and symbolic
 * inputs of the method being summarised ({@link Symbols}: "whatever taint input location X held at
 * entry"). Immutable; {@link #union} returns {@code this} when nothing is added.
 */
final class TaintSet {

    /** Up to this highest bit a subset test goes bit by bit; beyond it, word by word. */
    private static final int SMALL = 256;

    static final TaintSet EMPTY = new TaintSet(new BitSet(), new BitSet());

    private final BitSet labels;
    private final BitSet inputs;

    private TaintSet(BitSet labels, BitSet inputs) {
        this.labels = labels;
        this.inputs = inputs;
    }

    static TaintSet of(BitSet labels, BitSet inputs) {
        if (labels.isEmpty() && inputs.isEmpty()) {
            return EMPTY;
        }
        return new TaintSet((BitSet) labels.clone(), (BitSet) inputs.clone());
    }

    static TaintSet label(int label) {
        BitSet b = new BitSet();
        b.set(label);
        return new TaintSet(b, new BitSet());
    }

    static TaintSet labels(BitSet labels) {
        return labels.isEmpty() ? EMPTY : new TaintSet((BitSet) labels.clone(), new BitSet());
    }

    static TaintSet symbol(int symbol) {
        BitSet b = new BitSet();
        b.set(symbol);
        return new TaintSet(new BitSet(), b);
    }

    /** Concrete source labels; never modify. */
    BitSet labels() {
        return labels;
    }

    /** Symbolic inputs; never modify. */
    BitSet inputs() {
        return inputs;
    }

    boolean isEmpty() {
        return labels.isEmpty() && inputs.isEmpty();
    }

    /** True when some part is symbolic (depends on the caller). */
    boolean isSymbolic() {
        return !inputs.isEmpty();
    }

    boolean contains(TaintSet other) {
        return other == this || other.isEmpty() || (covers(labels, other.labels) && covers(inputs, other.inputs));
    }

    TaintSet union(TaintSet other) {
        if (other == this || other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        boolean l = !covers(labels, other.labels);
        boolean i = !covers(inputs, other.inputs);
        if (!l && !i) {
            return this;
        }
        BitSet nl = labels;
        if (l) {
            nl = (BitSet) labels.clone();
            nl.or(other.labels);
        }
        BitSet ni = inputs;
        if (i) {
            ni = (BitSet) inputs.clone();
            ni.or(other.inputs);
        }
        return new TaintSet(nl, ni);
    }

    /** Without the given concrete labels and symbols. */
    TaintSet minus(TaintSet other) {
        if (isEmpty() || other.isEmpty() || (!labels.intersects(other.labels) && !inputs.intersects(other.inputs))) {
            return this;
        }
        BitSet nl = (BitSet) labels.clone();
        nl.andNot(other.labels);
        BitSet ni = (BitSet) inputs.clone();
        ni.andNot(other.inputs);
        return nl.isEmpty() && ni.isEmpty() ? EMPTY : new TaintSet(nl, ni);
    }

    /** The concrete part only. */
    TaintSet concrete() {
        return inputs.isEmpty() ? this : labels.isEmpty() ? EMPTY : new TaintSet(labels, new BitSet());
    }

    static boolean covers(BitSet big, BitSet small) {
        if (small == big || small.isEmpty()) {
            return true;
        }
        if (small.length() > big.length()) {
            return false;
        }
        if (small.length() > SMALL) {
            // Word at a time: taint on real apps reaches thousands of bits.
            BitSet rest = (BitSet) small.clone();
            rest.andNot(big);
            return rest.isEmpty();
        }
        for (int i = small.nextSetBit(0); i >= 0; i = small.nextSetBit(i + 1)) {
            if (!big.get(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaintSet t && t.labels.equals(labels) && t.inputs.equals(inputs);
    }

    @Override
    public int hashCode() {
        return labels.hashCode() * 31 + inputs.hashCode();
    }

    @Override
    public String toString() {
        return (labels.isEmpty() ? "" : "L" + labels) + (inputs.isEmpty() ? "" : "S" + inputs);
    }
}
