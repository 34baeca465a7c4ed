package org.leakscan.android;

/**
 * One {@code <data>} element of an intent filter; each part {@code null} when absent.
 *
 * @param scheme      {@code android:scheme}
 * @param host        {@code android:host}
 * @param port        {@code android:port}
 * @param path        {@code android:path}
 * @param pathPrefix  {@code android:pathPrefix}
 * @param pathPattern {@code android:pathPattern}
 * @param mimeType    {@code android:mimeType}
 */
public record IntentData(String scheme, String host, String port, String path, String pathPrefix, String pathPattern,
        String mimeType) {
}
