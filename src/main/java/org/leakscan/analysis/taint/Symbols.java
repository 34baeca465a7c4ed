package org.leakscan.analysis.taint;

/**
 * Names for what a summary does not know yet. Each input node (a parameter, a field of an input, a
 * static field, a named global object, the result of a call left to the caller) has three taint
 * symbols: its own value's taint ({@link #VALUE}), the taint held in its containers' pseudo-fields
 * ({@link #CONTENT}, what a sink or library call sees of it), and the taint of every field reachable
 * from it ({@link #FULL}, what a serialiser sees). A string input also has a text hole: a constant
 * standing for "whatever text the caller passes here", so {@code base + "/collect"} keeps its shape.
 */
final class Symbols {

    static final int VALUE = 0;
    static final int CONTENT = 1;
    static final int FULL = 2;
    private static final int MODES = 3;

    /** Marks a hole in a text constant: {@code HOLE + node + HOLE}. */
    static final char HOLE = '\u0003';

    private Symbols() {
    }

    static int of(int node, int mode) {
        return node * MODES + mode;
    }

    static int node(int symbol) {
        return symbol / MODES;
    }

    static int mode(int symbol) {
        return symbol % MODES;
    }

    static String hole(int node) {
        return HOLE + Integer.toString(node) + HOLE;
    }

    static boolean hasHole(String text) {
        return text.indexOf(HOLE) >= 0;
    }
}
