package org.leakscan.analysis;

import java.util.List;

/**
 * What a pass is: a stable id (used in error records and {@code --skip} style switches), one line
 * saying what it does, the ids of the passes whose results it reads, and of optional passes
 * (such as data flow, off with {@code --no-flows}) whose results it reads when they run.
 */
public record PassInfo(String id, String description, List<String> runsAfter, List<String> runsAfterIfPresent) {

    public PassInfo {
        runsAfter = List.copyOf(runsAfter);
        runsAfterIfPresent = List.copyOf(runsAfterIfPresent);
    }

    public static PassInfo of(String id, String description, String... runsAfter) {
        return new PassInfo(id, description, List.of(runsAfter), List.of());
    }

    /** The same pass, also reading the results of these passes when they are in the list. */
    public PassInfo andAfterIfPresent(String... ids) {
        return new PassInfo(id, description, runsAfter, List.of(ids));
    }
}
