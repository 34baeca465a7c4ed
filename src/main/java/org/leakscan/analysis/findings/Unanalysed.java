package org.leakscan.analysis.findings;

import java.util.List;

/**
 * Where the analysis is blind: reflection on names it could not resolve, native methods, code
 * loaded at run time, or a limit reached.
 *
 * @param kind  {@code reflection}, {@code native-method}, {@code dynamic-code}, {@code analysis-limit},
 *              or {@link #NOT_RUN} when the data-flow analysis did not run at all
 * @param count how many places
 * @param where the places (at most 20 listed), as {@code class.method(descriptor)}
 */
public record Unanalysed(String kind, int count, List<String> where) {

    public Unanalysed {
        where = List.copyOf(where);
    }

    /**
     * The kind that says the data-flow analysis was not run ({@code --no-flows}), so an empty
     * {@code flows} list means "not looked", not "none found".
     */
    public static final String NOT_RUN = "data-flow-not-run";

    /** The entry for a run without data flow. */
    public static Unanalysed notRun(String why) {
        return new Unanalysed(NOT_RUN, 1, List.of(why));
    }
}
