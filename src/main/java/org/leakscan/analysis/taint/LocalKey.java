package org.leakscan.analysis.taint;

/**
 * The key of an object made in a frame: where it was made ({@code origin}), through which call of
 * the frame's method it arrived ({@code via}: the call site in this method, or at the top level the
 * entry that made it), and a tag telling several objects of one site apart. Keeping {@code via}
 * one level deep is what keeps three callers of one helper apart without cloning the helper.
 */
record LocalKey(Object via, Site origin, String tag) {
}
