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
 * @param usedBy        what in the code needs it, sorted: framework APIs (DEX descriptors), content
 *                      URIs read or written, intent actions started, broadcasts received
 * @param grantedWith   for a permission the manifest does not name that the app still holds: the
 *                      declared permission the platform grants it with for the app's target SDK
 *                      (READ_CONTACTS gives READ_CALL_LOG below 16), or {@code targetSdk < N} for
 *                      an implicit one; null otherwise
 */
public record PermissionFinding(String name, boolean declared, String protection, String group,
                                Integer maxSdkVersion, List<String> usedBy, String grantedWith) {

    public PermissionFinding {
        usedBy = List.copyOf(usedBy);
    }

    /** A permission the manifest names, or one the code needs. */
    public PermissionFinding(String name, boolean declared, String protection, String group, Integer maxSdkVersion,
                             List<String> usedBy) {
        this(name, declared, protection, group, maxSdkVersion, usedBy, null);
    }

    /** True for runtime permissions the user grants at run time. */
    public boolean isDangerous() {
        return protection != null && protection.split("\\|")[0].equals("dangerous");
    }
}
