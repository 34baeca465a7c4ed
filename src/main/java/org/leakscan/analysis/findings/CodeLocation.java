package org.leakscan.analysis.findings;

import java.util.Comparator;

/**
 * Where in code: dotted class name and {@code name(descriptor)} method. The method is null for
 * class-level facts (a static field's initial value).
 */
public record CodeLocation(@com.google.gson.annotations.SerializedName("class") String className, String method) implements Comparable<CodeLocation> {

    private static final Comparator<CodeLocation> ORDER = Comparator.comparing(CodeLocation::className)
            .thenComparing(CodeLocation::method, Comparator.nullsFirst(Comparator.naturalOrder()));

    @Override
    public int compareTo(CodeLocation o) {
        return ORDER.compare(this, o);
    }
}
