package org.leakscan.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The permissions an Android API requires, as AOSP's {@code @RequiresPermission} states them:
 * every permission in {@link #allOf()} and, when {@link #anyOf()} is not empty, at least one of
 * those. Usually only one list is used; API 34 has six members that use both (the foreground
 * service types in {@code ServiceInfo}, e.g. {@code FOREGROUND_SERVICE_TYPE_CAMERA} needs
 * {@code FOREGROUND_SERVICE_CAMERA} and any of {@code CAMERA}), which is why this is not a single
 * relation plus a list.
 *
 * @param allOf       permissions that are all required (a single {@code value} lands here), sorted
 * @param anyOf       permissions of which one suffices, sorted; may be empty
 * @param conditional true when the annotation says {@code conditional = true}: the permission is
 *                    needed only for some arguments or for part of the result (for example
 *                    {@code WifiManager.getConnectionInfo()} needs location only for SSID and BSSID)
 */
public record PermissionRequirement(List<String> allOf, List<String> anyOf, boolean conditional) {

    /** How the listed permissions combine. */
    public enum Relation {
        /** Every permission is required ({@code allOf}, or a single {@code value}). */
        ALL_OF,
        /** Any one permission suffices ({@code anyOf}). */
        ANY_OF,
        /** Every permission of {@code allOf} and one of {@code anyOf}. */
        ALL_OF_AND_ANY_OF
    }

    public PermissionRequirement {
        allOf = List.copyOf(allOf);
        anyOf = List.copyOf(anyOf);
        if (allOf.isEmpty() && anyOf.isEmpty()) {
            throw new IllegalArgumentException("a permission requirement needs at least one permission");
        }
    }

    /** A requirement with one relation: {@code ALL_OF} or {@code ANY_OF} over {@code permissions}. */
    public PermissionRequirement(Relation relation, List<String> permissions, boolean conditional) {
        this(relation == Relation.ALL_OF ? permissions : List.of(),
                relation == Relation.ANY_OF ? permissions : List.of(), conditional);
        if (relation == Relation.ALL_OF_AND_ANY_OF) {
            throw new IllegalArgumentException("ALL_OF_AND_ANY_OF needs two lists; use the canonical constructor");
        }
    }

    /** Which of the two lists are in use. */
    public Relation relation() {
        if (anyOf.isEmpty()) {
            return Relation.ALL_OF;
        }
        return allOf.isEmpty() ? Relation.ANY_OF : Relation.ALL_OF_AND_ANY_OF;
    }

    /** Every permission named: {@code allOf}, then {@code anyOf}. */
    public List<String> permissions() {
        if (anyOf.isEmpty()) {
            return allOf;
        }
        if (allOf.isEmpty()) {
            return anyOf;
        }
        List<String> all = new ArrayList<>(allOf);
        all.addAll(anyOf);
        return List.copyOf(all);
    }

    /** True when {@code granted} satisfies this requirement (ignoring {@link #conditional()}). */
    public boolean isSatisfiedBy(Collection<String> granted) {
        return granted.containsAll(allOf) && (anyOf.isEmpty() || anyOf.stream().anyMatch(granted::contains));
    }
}
