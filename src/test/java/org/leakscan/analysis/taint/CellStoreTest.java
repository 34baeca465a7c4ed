package org.leakscan.analysis.taint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** Cells by node and field, their stable ids, and what a join reports. */
class CellStoreTest {

    @Test
    void joinsReportWhetherACellIsNewGrewOrStayed() {
        CellStore s = new CellStore();
        Value a = Value.ofConstant("a");
        assertEquals(CellStore.NEW_FIELD, s.join(1, 4, a));
        assertEquals(CellStore.UNCHANGED, s.join(1, 4, a));
        assertEquals(CellStore.GREW, s.join(1, 4, Value.ofConstant("b")));
        assertEquals(CellStore.UNCHANGED, s.join(1, 4, Value.EMPTY));
        assertEquals(2, s.get(1, 4).constants().size());
        assertSame(Value.EMPTY, s.get(1, 5));
        assertSame(Value.EMPTY, s.get(99, 4));
        assertEquals(1, s.size());
    }

    @Test
    void aCellReadBeforeItIsWrittenKeepsItsIdAndIsNotAField() {
        CellStore s = new CellStore();
        int id = s.id(2, 7);
        assertSame(Value.EMPTY, s.value(id));
        assertEquals(new BitSet(), s.fields(2), "read, not written");
        assertEquals(CellStore.NEW_FIELD, s.join(2, 7, Value.ofConstant("x")));
        assertEquals(id, s.id(2, 7));
        assertEquals(id, s.find(2, 7));
        BitSet seven = new BitSet();
        seven.set(7);
        assertEquals(seven, s.fields(2));
    }

    @Test
    void manyFieldsOfOneNodeKeepTheirValuesAndIdsAcrossGrowth() {
        CellStore s = new CellStore();
        int[] ids = new int[500];
        for (int f = 0; f < 500; f++) {
            s.join(3, f * 37, Value.ofInt(f));
            ids[f] = s.find(3, f * 37);
        }
        for (int f = 0; f < 500; f++) {
            assertEquals(Long.valueOf(f), s.get(3, f * 37).intConstant());
            assertEquals(ids[f], s.id(3, f * 37));
        }
        assertEquals(-1, s.find(3, 1));
        assertNotEquals(s.id(3, CellStore.STRUCTURE), s.id(4, CellStore.STRUCTURE));
        assertEquals(500, s.size());
    }
}
