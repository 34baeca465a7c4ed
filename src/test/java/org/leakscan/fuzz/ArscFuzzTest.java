package org.leakscan.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.leakscan.android.MalformedResourcesException;
import org.leakscan.android.ResourcePackage;
import org.leakscan.android.ResourceTable;
import org.leakscan.android.StringResource;

/**
 * Coverage-guided fuzzing of the {@code resources.arsc} reader. Contract: a table whose queries
 * answer, or {@link MalformedResourcesException}; anything else is a bug.
 */
class ArscFuzzTest {

    private static final int[] IDS = {0x7f010000, 0x7f010001, 0x7f020000, 0x7f030000, 0x7f040000, 0x7f050000,
            0x7f060000, 0x01010000};

    @FuzzTest(maxDuration = "15s")
    void parseTable(byte[] data) {
        try {
            ResourceTable table = ResourceTable.parse(data);
            table.packageName();
            for (ResourcePackage p : table.packages()) {
                p.toString();
            }
            for (StringResource s : table.strings()) {
                table.resolve(s.id());
                table.name(s.id());
            }
            for (int id : IDS) {
                table.resolve(id);
                table.string(id);
                table.name(id);
                table.bag(id);
            }
            table.id("string/app_name");
        } catch (MalformedResourcesException e) {
            Contract.oneLine(e.getMessage());
        }
    }
}
