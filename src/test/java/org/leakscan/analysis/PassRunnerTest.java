package org.leakscan.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leakscan.catalog.Catalogs;
import org.leakscan.diagnostics.Cancellation;
import org.leakscan.diagnostics.Diagnostics;
import org.leakscan.input.PackageReader;
import org.leakscan.program.Program;
import org.leakscan.testing.FixtureApps;

/** Passes run as soon as what they run after is done: side by side when independent. */
class PassRunnerTest {

    /** A pass made of a lambda. */
    private interface Body {
        void run(AnalysisContext context) throws Exception;
    }

    private static Pass pass(String id, Body body, String... after) {
        return new Pass() {
            @Override
            public PassInfo info() {
                return PassInfo.of(id, id, after);
            }

            @Override
            public void run(AnalysisContext context) throws Exception {
                body.run(context);
            }
        };
    }

    private ExecutorService pool;
    private AnalysisContext context;

    @BeforeEach
    void context() throws Exception {
        pool = Executors.newFixedThreadPool(1);
        context = new AnalysisContext(new PackageReader().read(FixtureApps.get("inventory").apk()), null, null,
                new Program(List.of()), Catalogs.builtIn(), new Diagnostics("test"), pool);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void independentPassesRunSideBySide() {
        // Each waits for the other to have started: run one after the other, both would time out.
        CountDownLatch started = new CountDownLatch(2);
        List<String> met = new CopyOnWriteArrayList<>();
        Body meet = c -> {
            started.countDown();
            if (started.await(20, TimeUnit.SECONDS)) {
                met.add("met");
            }
        };
        PassRunner.run(List.of(pass("a", meet), pass("b", meet)), context);
        assertEquals(List.of("met", "met"), met);
    }

    @Test
    void aPassStartsOnlyAfterThePassesItRunsAfter() {
        List<String> order = new CopyOnWriteArrayList<>();
        PassRunner.run(List.of(
                pass("slow", c -> {
                    Thread.sleep(200);
                    order.add("slow");
                }),
                pass("fast", c -> order.add("fast")),
                pass("after-slow", c -> order.add("after-slow"), "slow")), context);
        assertEquals(3, order.size());
        assertTrue(order.indexOf("slow") < order.indexOf("after-slow"), order.toString());
        assertEquals("fast", order.get(0), "the independent pass did not wait for the slow one: " + order);
    }

    @Test
    void aFailedPassIsRecordedAndWhatRunsAfterItStillRuns() {
        List<String> ran = new CopyOnWriteArrayList<>();
        PassRunner.run(List.of(
                pass("broken", c -> {
                    throw new IllegalStateException("boom");
                }),
                pass("next", c -> ran.add("next"), "broken")), context);
        assertEquals(List.of("next"), ran);
        assertEquals(1, context.diagnostics().errors().size());
        assertTrue(context.diagnostics().errors().get(0).toString().contains("boom"),
                context.diagnostics().errors().toString());
    }

    @Test
    void interruptingTheRunnerStopsItsPasses() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread runner = new Thread(() -> {
            try {
                PassRunner.run(List.of(pass("endless", c -> {
                    running.countDown();
                    try {
                        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); System.nanoTime() < end; ) {
                            Cancellation.check();
                            Thread.onSpinWait();
                        }
                    } finally {
                        stopped.countDown();
                    }
                })), context);
            } catch (RuntimeException expected) {
                // cancelled
            }
        });
        runner.start();
        assertTrue(running.await(20, TimeUnit.SECONDS));
        runner.interrupt();
        assertTrue(stopped.await(20, TimeUnit.SECONDS), "the pass went on after its runner was interrupted");
        runner.join(20_000);
    }
}
