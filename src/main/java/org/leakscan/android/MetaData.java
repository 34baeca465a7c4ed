package org.leakscan.android;

/**
 * A {@code <meta-data>} element (SDK keys and settings often live here).
 *
 * @param name     {@code android:name}
 * @param value    {@code android:value} as text; a reference is resolved to its value when the
 *                 resource table has it, else written {@code @0x7f…}; {@code null} when absent
 * @param resource {@code android:resource} as a resource name ({@code xml/file_paths}) when the
 *                 table knows it, else {@code @0x7f…}; {@code null} when absent
 */
public record MetaData(String name, String value, String resource) {
}
