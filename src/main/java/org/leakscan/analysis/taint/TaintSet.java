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
    /** The words of large sets, made on the first subset test that needs them (the sets never change). */
    private long[] labelWords;
    private long[] inputWords;
    /** Asked on every union; the sets never change. */
    private final boolean empty;

    private TaintSet(BitSet labels, BitSet inputs) {
        this.labels = labels;
        this.inputs = inputs;
        this.empty = labels.isEmpty() && inputs.isEmpty();
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
        return empty;
    }

    /** True when some part is symbolic (depends on the caller). */
    boolean isSymbolic() {
        return !inputs.isEmpty();
    }

    boolean contains(TaintSet other) {
        return other == this || other.isEmpty() || (coversLabels(other) && coversInputs(other));
    }

    TaintSet union(TaintSet other) {
        if (other == this || other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        boolean l = !coversLabels(other);
        boolean i = !coversInputs(other);
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

    private boolean coversLabels(TaintSet other) {
        int quick = quickCovers(labels, other.labels);
        if (quick >= 0) {
            return quick == 1;
        }
        if (labelWords == null) {
            labelWords = labels.toLongArray();
        }
        if (other.labelWords == null) {
            other.labelWords = other.labels.toLongArray();
        }
        return covers(labelWords, other.labelWords);
    }

    private boolean coversInputs(TaintSet other) {
        int quick = quickCovers(inputs, other.inputs);
        if (quick >= 0) {
            return quick == 1;
        }
        if (inputWords == null) {
            inputWords = inputs.toLongArray();
        }
        if (other.inputWords == null) {
            other.inputWords = other.inputs.toLongArray();
        }
        return covers(inputWords, other.inputWords);
    }

    /**
     * The subset test where it is cheap: 1 covered, 0 not, -1 when both are large and it is
     * better done word by word (taint on real apps reaches thousands of bits).
     */
    static int quickCovers(BitSet big, BitSet small) {
        if (small == big || small.isEmpty()) {
            return 1;
        }
        int length = small.length();
        if (length > big.length()) {
            return 0;
        }
        if (length > SMALL) {
            return -1;
        }
        for (int i = small.nextSetBit(0); i >= 0; i = small.nextSetBit(i + 1)) {
            if (!big.get(i)) {
                return 0;
            }
        }
        return 1;
    }

    /** Subset test on the words of two sets ({@link BitSet#toLongArray}: no trailing zero words). */
    static boolean covers(long[] big, long[] small) {
        if (small.length > big.length) {
            return false;
        }
        for (int i = 0; i < small.length; i++) {
            if ((small[i] & ~big[i]) != 0) {
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
