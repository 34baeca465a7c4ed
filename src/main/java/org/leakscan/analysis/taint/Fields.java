package org.leakscan.analysis.taint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leakscan.program.FieldRef;

/**
 * Field ids, shared by every frame of one analysis. Real fields are keyed by name and type (the
 * owner named at an access may be a subclass of the declaring one; nodes keep the fields apart).
 * Pseudo-fields start with {@code @} and model what library objects hold: array elements,
 * container content, values under a constant key, the stream a writer wraps, a builder's text.
 */
final class Fields {

    /** Array elements at an unknown index. */
    static final String ELEMENTS = "@[]";
    /** What a library container holds when no key is known (lists, builders, unknown setters). */
    static final String CONTENT = "@content";
    /** The object a stream or writer wraps. */
    static final String WRAPS = "@wraps";
    /** Where a stream leads: its constants name the sink that opened it. */
    static final String OPENED_BY = "@opened";
    /** The text of a string builder, URI, URL or request (constants, for destinations and reflection). */
    static final String TEXT = "@text";
    /** An intent's target: class names and actions as constants. */
    static final String TARGET = "@target";
    /** The runnable or task an object will run (Thread, TimerTask...). */
    static final String RUNS = "@runs";
    /**
     * What a file holds, on a {@code File}: read by what reads the file (a stream opened on it, an
     * uploader the catalogues say takes it), not by what asks its name or turns it into text.
     */
    static final String FILE_DATA = "@file";
    /** Every field below the depth an input path is followed to. */
    static final String ANY = "@*";
    /** Every element of an input array as it was at entry, at whatever index (for reads at an unknown index). */
    static final String ALL_ELEMENTS = "@[*]";

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    /** Ids of pseudo-fields and of array elements, asked on every taint walk. */
    private final java.util.BitSet pseudo = new java.util.BitSet();
    private final java.util.BitSet element = new java.util.BitSet();
    final int elements;
    final int content;
    final int wraps;
    final int openedBy;
    final int text;
    final int target;
    final int runs;
    final int fileData;
    final int any;
    final int allElements;

    Fields() {
        elements = id(ELEMENTS);
        content = id(CONTENT);
        wraps = id(WRAPS);
        openedBy = id(OPENED_BY);
        text = id(TEXT);
        target = id(TARGET);
        runs = id(RUNS);
        fileData = id(FILE_DATA);
        any = id(ANY);
        allElements = id(ALL_ELEMENTS);
    }

    int id(String name) {
        Integer id = ids.get(name);
        if (id == null) {
            id = names.size();
            ids.put(name, id);
            names.add(name);
            if (name.startsWith("@")) {
                pseudo.set(id);
            }
            if (name.startsWith("@[")) {
                element.set(id);
            }
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
        return pseudo.get(id);
    }

    /** Array elements, at a known index or not. */
    boolean isElement(int id) {
        return element.get(id);
    }

    /** The declared type of a real field ({@code name:type}), or null for pseudo-fields. */
    String typeOf(int id) {
        String n = names.get(id);
        int colon = n.indexOf(':');
        return n.startsWith("@") || colon < 0 ? null : n.substring(colon + 1);
    }
}
