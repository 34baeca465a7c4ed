package org.leakscan.analysis.taint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/**
 * What decides that the top level applies an entry again or reuses a kept application: the cells
 * it read, by cell, whichever way the check goes (through the recent growth, or through every
 * cell read when more grew than was read).
 */
class CellGrowthTest {

    private static BitSet cells(int... ids) {
        BitSet b = new BitSet();
        for (int id : ids) {
            b.set(id);
        }
        return b;
    }

    @Test
    void aReadIsStaleOnlyWhenACellItReadGrewAfterIt() {
        CellGrowth g = new CellGrowth();
        g.grew(3, 1);
        g.grew(5, 2);
        BitSet read = cells(3, 7);
        assertTrue(g.unchangedSince(2, read, 2), "nothing read grew after version 2");
        g.grew(9, 3);
        assertTrue(g.unchangedSince(2, read, 2), "cell 9 was not read");
        g.grew(7, 4);
        assertFalse(g.unchangedSince(2, read, 2), "cell 7 was read and grew at 4");
        assertTrue(g.unchangedSince(4, read, 2), "nothing grew after 4");
    }

    @Test
    void bothWaysOfCheckingAgree() {
        CellGrowth g = new CellGrowth();
        for (int v = 1; v <= 5000; v++) {
            g.grew(v % 700, v); // more growth than any read set below: the per-cell way
        }
        BitSet read = cells(1, 2, 3);
        // After 4997 cells 98, 99 and 100 grew, no fewer than the 3 read: checked by stamps.
        assertTrue(g.unchangedSince(4997, read, 3));
        // After 4000 every cell grew again, 1, 2 and 3 among them.
        assertFalse(g.unchangedSince(4000, read, 3));
        // The same through the recent-growth log: a read set claimed larger than the growth since.
        assertFalse(g.unchangedSince(4000, read, 100_000));
        assertTrue(g.unchangedSince(4997, read, 100_000));
    }

    @Test
    void readersAreWokenByTheCellTheyReadNotByItsNeighbours() {
        CellGrowth g = new CellGrowth();
        g.addReader(10, 0);
        g.addReader(10, 2);
        g.addReader(11, 1);
        assertEquals(cells(0, 2), g.grew(10, 1));
        assertEquals(cells(1), g.grew(11, 2));
        assertNull(g.grew(5000, 3), "a cell nobody read wakes nobody");
    }
}
