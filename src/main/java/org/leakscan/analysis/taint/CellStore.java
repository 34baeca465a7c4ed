package org.leakscan.analysis.taint;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The fields written into a frame's nodes: per node, a small open-addressing table from field id
 * to a cell id, the cells' values by id, and per node the set of fields written. Nodes are dense
 * ids, so the outer level is an array. Cell reads and joins are the innermost step of applying a
 * summary, so the tables hold plain {@code int} keys (boxed keys in a {@code HashMap} were a third
 * of a large app's top-level time).
 *
 * <p>Cell ids are dense and stable: the top level records which cells an application read by id
 * ({@link #id}), a cell read before it is written included, and which fields a node has as the
 * cell of {@link #STRUCTURE}.
 */
final class CellStore {

    /** The pseudo-field whose cell stands for the set of fields a node has. */
    static final int STRUCTURE = -2;

    private static final BitSet NONE = new BitSet();
    private static final int FREE = -1;

    /** Per node: field ids, {@link #FREE} where a slot is empty; length a power of two. */
    private int[][] keys = new int[64][];
    /** Per node: the cell id in the slot of the same index. */
    private int[][] ids = new int[64][];
    /** Per node: how many slots are taken. */
    private int[] counts = new int[64];
    private BitSet[] written = new BitSet[64];
    /** Cell values by cell id; {@link Value#EMPTY} for a cell read but never written. */
    private Value[] values = new Value[256];
    private int cellCount;
    private int size;

    /** Outcome of {@link #join}. */
    static final int UNCHANGED = 0;
    static final int GREW = 1;
    /** The cell grew from nothing: the node has a new field. */
    static final int NEW_FIELD = 2;

    Value get(int node, int field) {
        int id = find(node, field);
        return id < 0 ? Value.EMPTY : values[id];
    }

    /** The value of a cell by id. */
    Value value(int id) {
        return values[id];
    }

    /** The id of a cell, made (empty) if it has none yet. */
    int id(int node, int field) {
        int id = find(node, field);
        return id >= 0 ? id : insert(node, field);
    }

    /** The id of a cell if it has one, else -1. */
    int find(int node, int field) {
        if (node >= keys.length) {
            return -1;
        }
        int[] k = keys[node];
        if (k == null) {
            return -1;
        }
        int mask = k.length - 1;
        for (int i = slotOf(field, mask); ; i = (i + 1) & mask) {
            int key = k[i];
            if (key == field) {
                return ids[node][i];
            }
            if (key == FREE) {
                return -1;
            }
        }
    }

    /** Joins into one cell: {@link #UNCHANGED}, {@link #GREW} or {@link #NEW_FIELD}. */
    int join(int node, int field, Value v) {
        return v.isEmpty() ? UNCHANGED : join(id(node, field), node, field, v);
    }

    /** As {@link #join(int, int, Value)} for the cell {@code id} of {@code node}'s {@code field}. */
    int join(int id, int node, int field, Value v) {
        Value old = values[id];
        Value joined = old.join(v);
        if (joined == old) {
            return UNCHANGED;
        }
        values[id] = joined;
        if (old.isEmpty()) {
            written[node].set(field);
            size++;
            return NEW_FIELD;
        }
        return GREW;
    }

    /** The fields written into {@code node}; never modify. */
    BitSet fields(int node) {
        return node < written.length && written[node] != null ? written[node] : NONE;
    }

    /** Cells written. */
    int size() {
        return size;
    }

    private int insert(int node, int field) {
        if (node >= keys.length) {
            int n = Math.max(keys.length * 2, node + 1);
            keys = Arrays.copyOf(keys, n);
            ids = Arrays.copyOf(ids, n);
            counts = Arrays.copyOf(counts, n);
            written = Arrays.copyOf(written, n);
        }
        if (keys[node] == null) {
            keys[node] = freeSlots(8);
            ids[node] = new int[8];
            written[node] = new BitSet();
        }
        int[] k = keys[node];
        int mask = k.length - 1;
        int i = slotOf(field, mask);
        while (k[i] != FREE) {
            i = (i + 1) & mask;
        }
        int id = cellCount++;
        if (id >= values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[id] = Value.EMPTY;
        k[i] = field;
        ids[node][i] = id;
        if (++counts[node] * 4 > k.length * 3) {
            grow(node);
        }
        return id;
    }

    private void grow(int node) {
        int[] oldKeys = keys[node];
        int[] oldIds = ids[node];
        int[] k = freeSlots(oldKeys.length * 2);
        int[] is = new int[k.length];
        int mask = k.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != FREE) {
                int i = slotOf(oldKeys[j], mask);
                while (k[i] != FREE) {
                    i = (i + 1) & mask;
                }
                k[i] = oldKeys[j];
                is[i] = oldIds[j];
            }
        }
        keys[node] = k;
        ids[node] = is;
    }

    private static int[] freeSlots(int n) {
        int[] k = new int[n];
        Arrays.fill(k, FREE);
        return k;
    }

    /** Field ids are dense small ints: a multiplicative hash spreads neighbours apart. */
    private static int slotOf(int field, int mask) {
        return (field * 0x9E3779B9 >>> 16) & mask;
    }
}
