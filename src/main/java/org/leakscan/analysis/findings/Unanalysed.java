package org.leakscan.analysis.findings;

import java.util.List;

/**
 * Where the analysis is blind: reflection on names it could not resolve, native methods, code
 * loaded at run time, or a limit reached.
 *
 * @param kind  {@code reflection}, {@code native-method}, {@code dynamic-code}, {@code analysis-limit}
 * @param count how many places
 * @param where the places (at most 20 listed), as {@code class.method(descriptor)}
 */
public record Unanalysed(String kind, int count, List<String> where) {

    public Unanalysed {
        where = List.copyOf(where);
    }
}
