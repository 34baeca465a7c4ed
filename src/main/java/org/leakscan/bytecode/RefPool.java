package org.leakscan.bytecode;

import java.util.concurrent.ConcurrentHashMap;
import org.leakscan.program.FieldRef;
import org.leakscan.program.MethodRef;

/**
 * Interns method and field references and type strings while code is decoded, so the millions
 * of call sites of a large app share one object per distinct reference. Thread-safe; one pool
 * per app.
 */
public final class RefPool {

    private final ConcurrentHashMap<MethodRef, MethodRef> methods = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<FieldRef, FieldRef> fields = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();

    // Each lookup tries get() first: most references are seen before, and putIfAbsent locks a bin
    // even when it finds the key, which made interning the hottest spot of decoding.

    public MethodRef method(String owner, String name, String descriptor) {
        MethodRef ref = new MethodRef(owner, name, descriptor);
        MethodRef known = methods.get(ref);
        if (known != null) {
            return known;
        }
        ref = new MethodRef(string(owner), string(name), string(descriptor));
        MethodRef prior = methods.putIfAbsent(ref, ref);
        return prior == null ? ref : prior;
    }

    public FieldRef field(String owner, String name, String type) {
        FieldRef ref = new FieldRef(owner, name, type);
        FieldRef known = fields.get(ref);
        if (known != null) {
            return known;
        }
        ref = new FieldRef(string(owner), string(name), string(type));
        FieldRef prior = fields.putIfAbsent(ref, ref);
        return prior == null ? ref : prior;
    }

    public String string(String s) {
        if (s == null) {
            return null;
        }
        String known = strings.get(s);
        if (known != null) {
            return known;
        }
        String prior = strings.putIfAbsent(s, s);
        return prior == null ? s : prior;
    }
}
