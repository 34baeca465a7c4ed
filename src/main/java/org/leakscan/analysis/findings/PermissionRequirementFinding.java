package org.leakscan.analysis.findings;

import java.util.List;

/**
 * A permission requirement of the app's code that its manifest does not meet, judged at each API
 * level the app runs on (its {@code minSdk} up to the newest level known) for its target SDK: APIs
 * whose unmet requirements are the same on the same levels are one finding.
 *
 * @param status    {@code not-declared}: a plain requirement the manifest does not meet (at the
 *                  levels given); {@code conditional}: a requirement that holds only for some
 *                  arguments or data ({@link #dependsOn()}), not met; {@code privileged-only}: on
 *                  those levels only privileged or system apps can hold any permission that would do
 * @param dependsOn what a conditional requirement depends on, or null
 * @param unmet     what is missing, on which levels: usually one entry; several when the
 *                  requirement changed across the levels the app runs on
 * @param apis      what the code does that needs it: API descriptors, {@code content://…} URIs with
 *                  {@code (read)}/{@code (write)}, {@code intent <action>}, {@code receiver <action>}; sorted
 * @param history   for each of {@link #apis()}, how its requirement changes over the app's API
 *                  levels, when it does
 * @param notes     what else the facts say (what happens without the permission, Play policy…)
 * @param sources   where the facts come from
 * @param callers   methods (or receivers) that do it, sorted; at most {@value #MAX_CALLERS}
 * @param callerCount how many there are
 * @param libraries libraries (tracker ids or package names) whose code does it, sorted
 * @param inAppCode whether the app's own code does it too
 */
public record PermissionRequirementFinding(String status, String dependsOn, List<Unmet> unmet, List<String> apis,
                                           List<String> history,
                                           List<String> notes, List<String> sources, List<CodeLocation> callers,
                                           int callerCount, List<String> libraries, boolean inAppCode) {

    /** How many callers a finding lists. */
    public static final int MAX_CALLERS = 20;

    public static final String NOT_DECLARED = "not-declared";
    public static final String CONDITIONAL = "conditional";
    public static final String PRIVILEGED_ONLY = "privileged-only";

    public PermissionRequirementFinding {
        unmet = List.copyOf(unmet);
        apis = List.copyOf(apis);
        history = List.copyOf(history);
        notes = List.copyOf(notes);
        sources = List.copyOf(sources);
        callers = List.copyOf(callers);
        libraries = List.copyOf(libraries);
    }

    /**
     * What is missing on some levels.
     *
     * @param allOf  permissions all needed (for {@code not-declared} and {@code conditional}: those
     *               missing), sorted
     * @param anyOf  permissions of which one would do (none is held), sorted
     * @param levels the API levels, as ranges
     */
    public record Unmet(List<String> allOf, List<String> anyOf, List<LevelSpan> levels) {
        public Unmet {
            allOf = List.copyOf(allOf);
            anyOf = List.copyOf(anyOf);
            levels = List.copyOf(levels);
        }
    }

    /**
     * API levels {@code from} to {@code to}, both included.
     *
     * @param to the last level, or null when it goes on past the newest level known
     */
    public record LevelSpan(int from, Integer to) {
    }
}
