package org.leakscan.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.leakscan.diagnostics.Cancellation;

class InputRunnerTest {

    private static InputRunner runner(Duration timeout) {
        return new InputRunner(1, timeout, pool -> null);
    }

    @Test
    void anInputOverTheLimitGetsOneErrorAndItsThreadsAreStopped() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        AppAnalyzer.Result r = runner(Duration.ofMillis(200)).run("slow.apk", analyzer -> {
            try {
                while (true) {
                    Cancellation.check();
                    Thread.onSpinWait();
                }
            } finally {
                stopped.countDown();
            }
        });
        assertNull(r.findings(), "partial findings are dropped");
        assertEquals(1, r.errors().size());
        assertEquals("analysis timed out after 0.200 s (limit: --timeout)", r.errors().get(0).message());
        assertEquals("slow.apk", r.errors().get(0).input());
        assertTrue(stopped.await(10, TimeUnit.SECONDS), "the cancelled analysis stops");
    }

    @Test
    void theNextInputRunsNormally() {
        InputRunner runner = runner(Duration.ofSeconds(30));
        runner.run("slow.apk", analyzer -> {
            throw new OutOfMemoryError("Java heap space");
        });
        AppAnalyzer.Result ok = runner.run("fine.apk", analyzer -> new AppAnalyzer.Result("fine.apk", null, List.of()));
        assertEquals("fine.apk", ok.input());
        assertTrue(ok.errors().isEmpty());
    }

    @Test
    void runningOutOfMemoryCostsOnlyThatInput() {
        AppAnalyzer.Result r = runner(Duration.ZERO).run("huge.apk", analyzer -> {
            throw new OutOfMemoryError("Java heap space");
        });
        assertNull(r.findings());
        assertTrue(r.errors().get(0).message().startsWith("analysis ran out of memory"), r.errors().toString());
    }
}
