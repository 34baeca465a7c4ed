package org.leakscan.analysis.taint;

/**
 * An abstract object in one frame: every run-time object made at one place, or found at one input
 * location, stands for one node.
 *
 * @param id     dense number in its {@link NodeTable}, the bit in a {@link Value}'s object set
 * @param kind   what it stands for
 * @param type   its type descriptor when known, else {@code Ljava/lang/Object;}
 * @param exact  true when {@link #type} is the run-time type (an allocation), false when it is a
 *               declared type (a parameter, a field, a library result)
 * @param key    a stable description, unique per kind in its table
 * @param parent for {@link Kind#FIELD}: the node whose field it is; else -1
 * @param field  for {@link Kind#FIELD}: the field id ({@link Fields}); else -1
 * @param depth  for {@link Kind#FIELD}: how many field steps from a root input; else 0
 */
record Node(int id, Kind kind, String type, boolean exact, Object key, int parent, int field, int depth) {

    /** What a node stands for. */
    enum Kind {
        /** An incoming argument (0 is the receiver of an instance method). */
        PARAM,
        /** What an input node's field held at entry. */
        FIELD,
        /** What a static field held at entry. */
        STATIC,
        /**
         * A named object shared by the whole app: a preferences file, the app's files, a
         * component's incoming intent, the framework's stand-in for the app's activities...
         */
        GLOBAL,
        /** The result of a call whose target or meaning depends on the caller. */
        PENDING,
        /** A {@code new} or array creation. */
        ALLOC,
        /** The value a library call returned. */
        RESULT,
        /** An object made through reflection. */
        REFLECT
    }

    /** True for nodes a summary knows only by where they come from (their content is the caller's). */
    boolean isInput() {
        return kind == Kind.PARAM || kind == Kind.FIELD || kind == Kind.STATIC || kind == Kind.GLOBAL
                || kind == Kind.PENDING;
    }

    /** True for nodes made in the frame (objects allocated or returned by library code here). */
    boolean isLocal() {
        return kind == Kind.ALLOC || kind == Kind.RESULT || kind == Kind.REFLECT;
    }
}
