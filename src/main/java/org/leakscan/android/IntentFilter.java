package org.leakscan.android;

import java.util.List;

/**
 * An {@code <intent-filter>}.
 *
 * @param actions    {@code <action android:name>} values
 * @param categories {@code <category android:name>} values
 * @param data       {@code <data>} elements
 * @param priority   {@code android:priority}, 0 when absent
 */
public record IntentFilter(List<String> actions, List<String> categories, List<IntentData> data, int priority) {

    public IntentFilter {
        actions = List.copyOf(actions);
        categories = List.copyOf(categories);
        data = List.copyOf(data);
    }
}
