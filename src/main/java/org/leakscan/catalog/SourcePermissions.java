package org.leakscan.catalog;

import java.util.List;

/**
 * The permissions behind a source, as the catalogue states them: either any one of the names
 * suffices ({@link Relation#ANY_OF}) or all are needed ({@link Relation#ALL_OF}). Where the
 * requirement changed across API levels the entry's notes say which name applies when; the
 * list is the set that evidences the access in a manifest.
 *
 * @param relation how the names combine
 * @param names    full permission names, e.g. {@code android.permission.READ_PHONE_STATE}; empty for {@link #NONE}
 */
public record SourcePermissions(Relation relation, List<String> names) {

    /** How the listed permissions combine. */
    public enum Relation {
        /** One of the permissions suffices ({@code "anyOf"} in the file). */
        ANY_OF,
        /** All the permissions are needed ({@code "allOf"} in the file). */
        ALL_OF
    }

    /** No permission stated. */
    public static final SourcePermissions NONE = new SourcePermissions(Relation.ANY_OF, List.of());

    public SourcePermissions {
        names = List.copyOf(names);
    }

    /** True when the catalogue names no permission. */
    public boolean isEmpty() {
        return names.isEmpty();
    }
}
