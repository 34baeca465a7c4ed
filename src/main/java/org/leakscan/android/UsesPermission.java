package org.leakscan.android;

/**
 * A permission the app requests.
 *
 * @param name          permission name, e.g. {@code android.permission.READ_PHONE_STATE}
 * @param maxSdkVersion {@code android:maxSdkVersion}: requested only up to this API level;
 *                      {@code null} when absent
 * @param sdk23         whether it came from {@code <uses-permission-sdk-23>} (requested only on
 *                      API 23 and later)
 */
public record UsesPermission(String name, Integer maxSdkVersion, boolean sdk23) {
}
