package org.leakscan.analysis.dataflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Interns abstract objects by where they were made; ids are dense and stable for one run. */
final class ObjectTable {

    private final Map<String, AbstractObject> byKey = new HashMap<>();
    private final List<AbstractObject> byId = new ArrayList<>();

    /** The object for {@code key}, made on first request. */
    AbstractObject get(AbstractObject.Kind kind, String key, String type) {
        String k = kind.name() + "|" + key;
        AbstractObject o = byKey.get(k);
        if (o == null) {
            o = new AbstractObject(byId.size(), kind, type == null ? "Ljava/lang/Object;" : type, key);
            byKey.put(k, o);
            byId.add(o);
        }
        return o;
    }

    /** True when the object for {@code key} already exists. */
    boolean exists(AbstractObject.Kind kind, String key) {
        return byKey.containsKey(kind.name() + "|" + key);
    }

    AbstractObject get(int id) {
        return byId.get(id);
    }

    int size() {
        return byId.size();
    }
}
