package org.leakscan.android;

import java.util.List;

/**
 * An app component declared in the manifest.
 *
 * @param kind              what it is
 * @param name              class name, fully qualified
 * @param exportedAttribute {@code android:exported} as written, {@code null} when absent
 * @param exported          whether other apps can reach it, with Android's defaults applied
 * @param exportedReason    why: {@code explicit} (the attribute), {@code intent-filter} (no
 *                          attribute, has a filter), {@code provider-default-pre-17} (provider, no
 *                          attribute, targetSdk 16 or lower), {@code default} (none of these: not
 *                          exported)
 * @param permission        {@code android:permission} guarding it, {@code null} when absent
 * @param enabled           {@code android:enabled}, {@code null} when absent
 * @param targetActivity    for an activity alias, the fully qualified target activity
 * @param authorities       a provider's authorities ({@code android:authorities} split at {@code ;})
 * @param intentFilters     its intent filters
 * @param metaData          its {@code <meta-data>}
 */
public record Component(Kind kind, String name, Boolean exportedAttribute, boolean exported, String exportedReason,
        String permission, Boolean enabled, String targetActivity, List<String> authorities,
        List<IntentFilter> intentFilters, List<MetaData> metaData) {

    public Component {
        authorities = List.copyOf(authorities);
        intentFilters = List.copyOf(intentFilters);
        metaData = List.copyOf(metaData);
    }

    /** The kinds of manifest component, with their element names. */
    public enum Kind {
        ACTIVITY("activity"),
        ACTIVITY_ALIAS("activity-alias"),
        SERVICE("service"),
        RECEIVER("receiver"),
        PROVIDER("provider");

        private final String elementName;

        Kind(String elementName) {
            this.elementName = elementName;
        }

        /** The manifest element that declares this kind, e.g. {@code activity-alias}. */
        public String elementName() {
            return elementName;
        }
    }
}
