package org.leakscan.android;

/**
 * The {@code <application>} element's security-relevant attributes. {@code null} means absent.
 *
 * @param className             {@code android:name}, fully qualified
 * @param debuggable            {@code android:debuggable}
 * @param allowBackup           {@code android:allowBackup}
 * @param usesCleartextTraffic  {@code android:usesCleartextTraffic}
 * @param networkSecurityConfig {@code android:networkSecurityConfig} as a resource name such as
 *                              {@code xml/network_security_config} when the table knows it, else
 *                              {@code @0x7f…}
 * @param label                 {@code android:label}, resolved to its string when possible
 */
public record Application(String className, Boolean debuggable, Boolean allowBackup, Boolean usesCleartextTraffic,
        String networkSecurityConfig, String label) {

    /** An application element with no attributes (or none at all). */
    public static final Application NONE = new Application(null, null, null, null, null, null);
}
