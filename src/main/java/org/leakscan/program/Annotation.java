package org.leakscan.program;

import java.util.Map;

/**
 * An annotation kept in the bytecode (runtime- or class-retained in JVM class files; build,
 * runtime or system visibility in DEX).
 *
 * @param type     type descriptor, e.g. {@code Lretrofit2/http/GET;}
 * @param elements element values: String, Number, Boolean, a type descriptor String for class
 *                 values, enum constant names, {@code List<Object>} for arrays, or nested Annotation
 */
public record Annotation(String type, Map<String, Object> elements) {

    public Annotation {
        elements = Map.copyOf(elements);
    }

    /** The element's value, or null. */
    public Object get(String name) {
        return elements.get(name);
    }
}
