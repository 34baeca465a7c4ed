package org.leakscan.analysis.dataflow;

import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.leakscan.program.MethodDef;

/**
 * The global heap: a value per (object, field) and per static field, joined over every write
 * (weak updates, flow-insensitive). Reads register the reading method; a write that changes a
 * value re-queues the methods that read it, so the engine reaches a fixpoint.
 */
final class Heap {

    private static final Value[] NONE = new Value[0];

    private final Map<Long, Value> cells = new HashMap<>();
    private final Map<Integer, BitSet> fieldsOf = new HashMap<>();
    private final Map<String, Value> statics = new HashMap<>();
    private final Map<Long, Set<MethodDef>> cellReaders = new HashMap<>();
    private final Map<String, Set<MethodDef>> staticReaders = new HashMap<>();
    private final Consumer<MethodDef> requeue;

    Heap(Consumer<MethodDef> requeue) {
        this.requeue = requeue;
    }

    private static long key(int object, int field) {
        return ((long) object << 32) | (field & 0xffffffffL);
    }

    /** The value of one field of one object; {@code reader} is re-queued when it grows. */
    Value read(int object, int field, MethodDef reader) {
        long k = key(object, field);
        if (reader != null) {
            cellReaders.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(reader);
        }
        return cells.getOrDefault(k, Value.EMPTY);
    }

    /** Every field of an object written so far, for reads through an unknown key or index. */
    BitSet fieldsOf(int object, MethodDef reader) {
        if (reader != null) {
            cellReaders.computeIfAbsent(key(object, -1), x -> new LinkedHashSet<>()).add(reader);
        }
        return fieldsOf.getOrDefault(object, new BitSet());
    }

    /** Joins {@code value} into one field; returns true when it grew. */
    boolean write(int object, int field, Value value) {
        if (value.isEmpty()) {
            return false;
        }
        long k = key(object, field);
        Value old = cells.getOrDefault(k, Value.EMPTY);
        Value joined = old.join(value);
        if (joined == old) {
            return false;
        }
        cells.put(k, joined);
        BitSet fields = fieldsOf.computeIfAbsent(object, x -> new BitSet());
        boolean newField = !fields.get(field);
        fields.set(field);
        wake(cellReaders.get(k));
        if (newField) {
            wake(cellReaders.get(key(object, -1)));
        }
        return true;
    }

    Value readStatic(String field, MethodDef reader) {
        if (reader != null) {
            staticReaders.computeIfAbsent(field, x -> new LinkedHashSet<>()).add(reader);
        }
        return statics.getOrDefault(field, Value.EMPTY);
    }

    boolean writeStatic(String field, Value value) {
        if (value.isEmpty()) {
            return false;
        }
        Value old = statics.getOrDefault(field, Value.EMPTY);
        Value joined = old.join(value);
        if (joined == old) {
            return false;
        }
        statics.put(field, joined);
        wake(staticReaders.get(field));
        return true;
    }

    private void wake(Set<MethodDef> readers) {
        if (readers != null) {
            for (MethodDef m : readers.toArray(new MethodDef[0])) {
                requeue.accept(m);
            }
        }
    }

    int cellCount() {
        return cells.size();
    }

    static Value[] none() {
        return NONE;
    }
}
