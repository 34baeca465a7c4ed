package org.leakscan.catalog;

/**
 * A value that holds over a range of Android API levels (device platform levels), both ends
 * included.
 *
 * @param from  the first level
 * @param to    the last level; {@link #OPEN} when it still holds at the newest level known
 * @param value what holds
 */
public record LevelRange<T>(int from, int to, T value) {

    /** {@link #to()} of a range that has not ended. */
    public static final int OPEN = Integer.MAX_VALUE;

    public LevelRange {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("bad level range " + from + ".." + to);
        }
    }

    public boolean contains(int level) {
        return level >= from && level <= to;
    }

    /** True when the range has not ended. */
    public boolean isOpen() {
        return to == OPEN;
    }

    /** {@code API 23–28}, {@code API 29+}, {@code API 30}. */
    public String describe() {
        return describe(from, to);
    }

    /** {@code API 23–28}, {@code API 29+}, {@code API 30} for a range of levels. */
    public static String describe(int from, int to) {
        if (to == OPEN) {
            return from <= 1 ? "all API levels" : "API " + from + "+";
        }
        if (from == to) {
            return "API " + from;
        }
        return (from <= 1 ? "up to API " + to : "API " + from + "–" + to);
    }
}
