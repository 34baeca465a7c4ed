package org.leakscan.android;

/**
 * A permission the app defines ({@code <permission>}).
 *
 * @param name            permission name
 * @param protectionLevel protection level as text, e.g. {@code dangerous},
 *                        {@code signature|privileged} (see {@link ProtectionLevel#format}); Android's
 *                        default {@code normal} when absent
 * @param group           {@code android:permissionGroup}, {@code null} when absent
 */
public record PermissionDeclaration(String name, String protectionLevel, String group) {
}
