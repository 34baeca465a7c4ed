package org.leakscan.analysis.findings;

import java.util.List;

/**
 * A permission the manifest asks for, or that code needs.
 *
 * @param name          e.g. {@code android.permission.READ_PHONE_STATE}
 * @param declared      true when the manifest has a {@code uses-permission} for it
 * @param protection    protection level from the platform's manifest ({@code dangerous},
 *                      {@code normal}, {@code signature|privileged}...), or null when the platform
 *                      does not define it (an app's or SDK's own permission)
 * @param group         the runtime permission group, or null
 * @param maxSdkVersion the {@code uses-permission} limit, or null
 * @param usedBy        framework APIs called in code that need it (DEX descriptors), sorted
 */
public record PermissionFinding(String name, boolean declared, String protection, String group,
                                Integer maxSdkVersion, List<String> usedBy) {

    public PermissionFinding {
        usedBy = List.copyOf(usedBy);
    }

    /** True for runtime permissions the user grants at run time. */
    public boolean isDangerous() {
        return protection != null && protection.split("\\|")[0].equals("dangerous");
    }
}
