package org.leakscan.analysis.dataflow;

/**
 * An abstract heap object: every run-time object made at one place stands for one of these.
 *
 * @param id    dense number, the bit in a {@link Value}'s object set
 * @param kind  what made it
 * @param type  its type descriptor when known (dispatch uses it), else {@code Ljava/lang/Object;}
 * @param where a stable description of where it was made, for keys and debugging
 */
public record AbstractObject(int id, Kind kind, String type, String where) {

    /** What made an object. */
    public enum Kind {
        /** A {@code new} or array creation in app code. */
        ALLOC,
        /** The value a library call returned, one per call site. */
        RESULT,
        /** The instance of a manifest component (activity, service...) the framework creates. */
        COMPONENT,
        /** An object the framework passes to a callback or lifecycle method. */
        FRAMEWORK,
        /** The intent a component is started with, or a broadcast delivered to it. */
        INTENT,
        /** An object made through reflection ({@code Class.newInstance}). */
        REFLECT
    }
}
