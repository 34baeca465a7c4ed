package org.leakscan.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leakscan.analysis.AnalysisContext;
import org.leakscan.analysis.AnalysisOptions;
import org.leakscan.analysis.Pass;
import org.leakscan.analysis.PassInfo;
import org.leakscan.analysis.PassRunner;
import org.leakscan.analysis.Passes;

/** The pass list honours every pass's declared order, whatever the options. */
class PassOrderTest {

    @Test
    void passListsAreInDeclaredOrder() {
        for (AnalysisOptions options : List.of(AnalysisOptions.DEFAULT, new AnalysisOptions(false))) {
            List<Pass> passes = Passes.forOptions(options);
            PassRunner.checkOrder(passes);
            Set<String> ids = new HashSet<>();
            for (Pass p : passes) {
                assertTrue(p.info().id().matches("[a-z][a-z-]*"), "pass ids are kebab-case: " + p.info().id());
                assertTrue(ids.add(p.info().id()));
                assertTrue(p.getClass().getSimpleName().endsWith("Pass"), p.getClass().getName());
            }
        }
    }

    @Test
    void checkOrderCatchesAPassBeforeItsDependency() {
        Pass a = fake("a");
        Pass b = fake("b", "a");
        assertThrows(IllegalStateException.class, () -> PassRunner.checkOrder(List.of(b, a)));
        assertThrows(IllegalStateException.class, () -> PassRunner.checkOrder(List.of(fake("c", "missing"))));
        PassRunner.checkOrder(List.of(a, b));
        assertEquals(2, List.of(a, b).size());
    }

    private static Pass fake(String id, String... after) {
        return new Pass() {
            @Override
            public PassInfo info() {
                return PassInfo.of(id, id, after);
            }

            @Override
            public void run(AnalysisContext context) {
            }
        };
    }
}
