package org.leakscan.analysis;

import java.util.List;

/**
 * What a pass is: a stable id (used in error records and {@code --skip} style switches), one line
 * saying what it does, and the ids of the passes whose results it reads.
 */
public record PassInfo(String id, String description, List<String> runsAfter) {

    public PassInfo {
        runsAfter = List.copyOf(runsAfter);
    }

    public static PassInfo of(String id, String description, String... runsAfter) {
        return new PassInfo(id, description, List.of(runsAfter));
    }
}
