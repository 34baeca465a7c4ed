package org.leakscan.analysis.permissions;

import org.leakscan.catalog.PermissionRequirement;

/**
 * One requirement in force at one platform level for one target SDK.
 *
 * @param requirement the permissions; conditional when {@code dependsOn} is set
 * @param dependsOn   what a conditional requirement depends on, or null
 * @param note        what else the facts say (what happens without it), or null
 */
public record Part(PermissionRequirement requirement, String dependsOn, String note) {

    /** What an annotation's {@code conditional = true} means, where no fact says more. */
    public static final String ANNOTATED_CONDITION =
            "some arguments or part of the result only (Android's annotation marks it conditional; see the API reference)";

    public Part {
        if (requirement.conditional() != (dependsOn != null)) {
            throw new IllegalArgumentException("a part is conditional exactly when it says what it depends on");
        }
    }

    public boolean conditional() {
        return dependsOn != null;
    }
}
