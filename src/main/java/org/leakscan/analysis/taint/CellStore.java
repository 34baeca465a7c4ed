package org.leakscan.analysis.taint;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The fields written into a frame's nodes: per node, a small map from field id to value, and the
 * set of fields written. Nodes are dense ids, so the outer level is an array.
 */
final class CellStore {

    private static final BitSet NONE = new BitSet();

    @SuppressWarnings("unchecked")
    private Map<Integer, Value>[] values = new Map[64];
    private BitSet[] written = new BitSet[64];
    private int size;

    Value get(int node, int field) {
        if (node >= values.length || values[node] == null) {
            return Value.EMPTY;
        }
        return values[node].getOrDefault(field, Value.EMPTY);
    }

    /** Joins into one cell; true when it grew. */
    boolean join(int node, int field, Value v) {
        if (v.isEmpty()) {
            return false;
        }
        if (node >= values.length) {
            int n = Math.max(values.length * 2, node + 1);
            values = Arrays.copyOf(values, n);
            written = Arrays.copyOf(written, n);
        }
        Map<Integer, Value> m = values[node];
        if (m == null) {
            m = values[node] = new HashMap<>(8);
            written[node] = new BitSet();
        }
        Value old = m.getOrDefault(field, Value.EMPTY);
        Value joined = old.join(v);
        if (joined == old) {
            return false;
        }
        if (m.put(field, joined) == null) {
            size++;
        }
        written[node].set(field);
        return true;
    }

    /** The fields written into {@code node}; never modify. */
    BitSet fields(int node) {
        return node < written.length && written[node] != null ? written[node] : NONE;
    }

    int size() {
        return size;
    }
}
