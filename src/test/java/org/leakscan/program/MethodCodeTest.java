package org.leakscan.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Lazily decoded code: decoded once, on first use, by however many threads ask; a failure told once. */
class MethodCodeTest {

    private static final MethodRef CALLEE = new MethodRef("La;", "f", "()V");

    private static MethodBody body() {
        // one call, at bytecode offset 7 (a DEX code-unit address, say)
        return new MethodBody(1, new int[0], List.of(new Insn.Const(0, 1), new Insn.Invoke(Insn.InvokeKind.STATIC,
                CALLEE, new int[0], -1), new Insn.Return(-1)), List.of(), new int[] {0, 7, 10});
    }

    @Test
    void aLazyBodyIsDecodedOnceOnFirstUse() throws Exception {
        AtomicInteger decodes = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        MethodCode code = MethodCode.lazy(new CodeRefs(new Object[] {CALLEE}, new int[] {7}, 3), () -> {
            decodes.incrementAndGet();
            Thread.sleep(50); // let the other threads arrive while decoding
            return body();
        }, failure -> {
            throw new AssertionError("no failure expected: " + failure);
        });
        assertEquals(0, decodes.get(), "references are there without decoding");
        assertEquals(1, code.refs().size());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<MethodBody>> got = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                got.add(pool.submit(() -> {
                    start.await();
                    return code.body();
                }));
            }
            start.countDown();
            MethodBody first = got.get(0).get();
            for (Future<MethodBody> f : got) {
                assertSame(first, f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, decodes.get());
        assertNull(code.failure());
    }

    @Test
    void aFailedDecodeIsToldOnceAndRemembered() {
        AtomicInteger decodes = new AtomicInteger();
        List<String> told = new ArrayList<>();
        MethodCode code = MethodCode.lazy(CodeRefs.NONE, () -> {
            decodes.incrementAndGet();
            throw new IllegalStateException("unsupported opcode execute-inline at 0x4");
        }, told::add);
        assertNull(code.failure(), "not known before the first use");
        assertNull(code.body());
        assertNull(code.body());
        assertEquals(1, decodes.get());
        assertEquals(List.of("unsupported opcode execute-inline at 0x4"), told);
        assertEquals("unsupported opcode execute-inline at 0x4", code.failure());
    }

    @Test
    void offsetsFindTheirInstruction() {
        MethodBody b = body();
        assertEquals(1, b.indexAt(7));
        assertEquals(0, b.indexAt(0));
        assertEquals(-1, b.indexAt(3), "no instruction was decoded from offset 3");
        assertEquals(7, b.offsetOf(1));
        MethodBody plain = new MethodBody(1, new int[0], b.insns(), List.of());
        assertEquals(2, plain.indexAt(2), "without offsets, an offset is the index");
        assertEquals(-1, plain.indexAt(3));
    }

    @Test
    void referencesOfADecodedBodyUseItsOffsets() {
        CodeRefs refs = MethodCode.decoded(body(), 5).refs();
        assertEquals(1, refs.size());
        assertSame(CALLEE, refs.ref(0));
        assertEquals(7, refs.offset(0));
        assertEquals(5, refs.instructionCount());
    }
}
