package org.leakscan.analysis.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The value domain's lattice operations. */
class ValueTest {

    @Test
    void joinIsAUnionAndReturnsItselfWhenNothingIsAdded() {
        Value a = Value.ofConstant("a").join(Value.ofTaint(1));
        Value b = Value.ofConstant("b").join(Value.ofObject(7));
        Value j = a.join(b);
        assertEquals(Set.of("a", "b"), j.strings());
        assertTrue(j.taints().get(1));
        assertTrue(j.objects().get(7));
        assertSame(j, j.join(a), "joining what is already there changes nothing");
        assertSame(j, j.join(Value.EMPTY));
    }

    @Test
    void tooManyConstantsBecomeAnyString() {
        Value v = Value.EMPTY;
        for (int i = 0; i <= Value.MAX_CONSTANTS; i++) {
            v = v.join(Value.ofConstant("c" + i));
        }
        assertTrue(v.mayBeOtherString());
        assertNull(v.singleConstant());
    }

    @Test
    void integersAndClassLiteralsAreNotStrings() {
        Value v = Value.ofInt(42).join(Value.ofClass("Lcom/example/A;"));
        assertEquals(Set.of(), v.strings());
        assertEquals(Set.of("Lcom/example/A;"), v.classes());
        assertEquals(42L, Value.ofInt(42).intConstant());
    }

    @Test
    void implicitLabelsAreKeptApartFromExplicitOnes() {
        BitSet one = new BitSet();
        one.set(3);
        Value v = Value.ofConstant("x").withImplicit(one);
        assertFalse(v.isTainted(), "an implicit label is not explicit taint");
        assertEquals(one, v.allTaints());
        Value stripped = v.withoutTaints(one);
        assertEquals(new BitSet(), stripped.allTaints());
        assertEquals(Set.of("x"), stripped.strings());
    }

    @Test
    void aBuildersTextIsReplacedNotJoined() {
        Value builder = Value.ofObject(5).withTexts(Value.ofConstant("https://a.example/"));
        Value after = builder.join(Value.ofTaint(2)).withTexts(Value.ofConstant("https://a.example/?id=\u0002"));
        assertEquals(Set.of("https://a.example/?id=\u0002"), after.strings());
        assertTrue(after.objects().get(5));
        assertTrue(after.taints().get(2), "labels stay");
    }
}
