package org.leakscan.analysis.taint;

import java.util.Arrays;
import java.util.BitSet;

/**
 * When each cell of the top-level heap grew, and which entries read it (cells by the ids of
 * {@link CellStore#id}): what decides that an entry is applied again and that a kept application
 * or heap walk still holds. Reads and growth are by cell, not by object: on a large SDK's
 * singletons one field growing made every reader of any other field apply again.
 */
final class CellGrowth {

    /** Per cell, the version at which it last grew (0: never). */
    private long[] stamps = new long[1024];
    /** The cells that grew, in order, with the version each grew at. */
    private int[] grownCells = new int[4096];
    private long[] grownAt = new long[4096];
    private int growths;
    /** Per cell, the entries (by id) that read it. */
    private BitSet[] readers = new BitSet[1024];

    /** Records that {@code cell} grew at {@code version}; returns the entries to wake, or null. */
    BitSet grew(int cell, long version) {
        if (growths == grownCells.length) {
            grownCells = Arrays.copyOf(grownCells, growths * 2);
            grownAt = Arrays.copyOf(grownAt, growths * 2);
        }
        grownCells[growths] = cell;
        grownAt[growths++] = version;
        if (cell >= stamps.length) {
            stamps = Arrays.copyOf(stamps, Math.max(cell + 1, stamps.length * 2));
        }
        stamps[cell] = version;
        return cell < readers.length ? readers[cell] : null;
    }

    void addReader(int cell, int entry) {
        if (cell >= readers.length) {
            readers = Arrays.copyOf(readers, Math.max(cell + 1, readers.length * 2));
        }
        BitSet r = readers[cell];
        if (r == null) {
            readers[cell] = r = new BitSet();
        }
        r.set(entry);
    }

    /**
     * True when no cell of {@code cellsRead} ({@code cellCount} of them) grew after {@code at}.
     * A kept application is usually checked soon after it was made, when few cells have grown
     * since: then those are looked up in what it read, instead of every read cell's stamp.
     */
    boolean unchangedSince(long at, BitSet cellsRead, int cellCount) {
        int from = firstGrowthAfter(at);
        if (growths - from < cellCount) {
            for (int i = from; i < growths; i++) {
                if (cellsRead.get(grownCells[i])) {
                    return false;
                }
            }
            return true;
        }
        for (int c = cellsRead.nextSetBit(0); c >= 0; c = cellsRead.nextSetBit(c + 1)) {
            if (c < stamps.length && stamps[c] > at) {
                return false;
            }
        }
        return true;
    }

    /** The first index of {@link #grownCells} that grew after {@code at}. */
    private int firstGrowthAfter(long at) {
        int lo = 0;
        int hi = growths;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (grownAt[mid] <= at) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
