package org.leakscan.analysis.findings;

import java.util.List;

/**
 * A manifest component.
 *
 * @param type           {@code activity}, {@code activity-alias}, {@code service}, {@code receiver}, {@code provider}
 * @param name           fully qualified class name
 * @param exported       whether other apps can start it (explicit, or implied as Android does)
 * @param exportedReason {@code explicit}, {@code intent-filter}, {@code provider-default-pre-17} or {@code default}
 * @param permission     the permission callers need, or null
 * @param actions        intent-filter actions, sorted
 */
public record ComponentFinding(String type, String name, boolean exported, String exportedReason, String permission,
                               List<String> actions) {

    public ComponentFinding {
        actions = List.copyOf(actions);
    }
}
