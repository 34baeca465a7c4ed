package org.leakscan.analysis.dataflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leakscan.program.FieldRef;

/**
 * Field ids. Real fields are keyed by name and type (the owner named at an access may be a
 * subclass of the declaring one; objects keep the fields apart). Pseudo-fields start with
 * {@code @} and model what library objects hold: array elements, container content, values under
 * a constant key, the stream a writer wraps, a builder's text.
 */
final class Fields {

    /** Array elements at an unknown index. */
    static final String ELEMENTS = "@[]";
    /** What a library container holds when no key is known (lists, builders, unknown setters). */
    static final String CONTENT = "@content";
    /** The object a stream or writer wraps. */
    static final String WRAPS = "@wraps";
    /** Where a stream leads: its constants name the sink kind that opened it. */
    static final String OPENED_BY = "@opened";
    /** The text of a string builder, URI or URL (constants, for destinations and reflection). */
    static final String TEXT = "@text";
    /** An intent's target: class names and actions as constants. */
    static final String TARGET = "@target";
    /** The runnable or task an object will run (Thread, TimerTask...). */
    static final String RUNS = "@runs";

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    int id(String name) {
        Integer id = ids.get(name);
        if (id == null) {
            id = names.size();
            ids.put(name, id);
            names.add(name);
        }
        return id;
    }

    int id(FieldRef field) {
        return id(field.name() + ":" + field.type());
    }

    /** Element {@code index} of an array. */
    int element(long index) {
        return id("@[" + index + "]");
    }

    /** The slot of a keyed container under a constant key. */
    int key(String key) {
        return id("@key:" + key);
    }

    String name(int id) {
        return names.get(id);
    }

    boolean isPseudo(int id) {
        return names.get(id).startsWith("@");
    }

    boolean isElement(int id) {
        return names.get(id).startsWith("@[");
    }

    boolean isKey(int id) {
        return names.get(id).startsWith("@key:");
    }
}
