package org.leakscan.analysis.taint;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The bound on one summary's own work is counted, nested summaries apart, and holds only inside a summary. */
class BudgetTest {

    @Test
    void aSummaryStopsWhenItsOwnCountedWorkPassesTheBound() {
        Budget b = new Budget(0);
        b.enter();
        b.charge((int) (Budget.MAX_OWN_WORK / 2));
        assertThrows(Budget.Oversized.class, () -> b.charge((int) (Budget.MAX_OWN_WORK / 2) + 1));
    }

    @Test
    void workOfANestedSummaryIsNotItsCallersOwn() {
        Budget b = new Budget(0);
        b.enter();
        b.charge((int) (Budget.MAX_OWN_WORK - 10));
        b.enter();
        b.charge((int) (Budget.MAX_OWN_WORK - 10)); // the nested summary's own, just under the bound
        b.leave();
        assertDoesNotThrow(() -> b.charge(5));
        assertThrows(Budget.Oversized.class, () -> b.charge(10));
    }

    @Test
    void theTopLevelHasNoSummaryBound() {
        Budget b = new Budget(0);
        assertDoesNotThrow(() -> b.charge((int) (Budget.MAX_OWN_WORK * 3)));
    }
}
