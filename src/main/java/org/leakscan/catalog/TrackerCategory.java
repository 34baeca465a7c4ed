package org.leakscan.catalog;

import java.util.Locale;

/** What a tracker does with the data it collects; the {@code categories} of a {@code trackers.json} entry. */
public enum TrackerCategory {
    /** Usage and product analytics. */
    ANALYTICS,
    /** Ad networks and ad SDKs. */
    ADVERTISING,
    /** SDKs that run auctions over other ad networks. */
    AD_MEDIATION,
    /** Viewability and ad-fraud measurement bundled with ads. */
    AD_VERIFICATION,
    /** Install attribution and deep linking. */
    ATTRIBUTION,
    /** Crash and error reports. */
    CRASH_REPORTING,
    /** Application performance and real-user monitoring. */
    PERFORMANCE_MONITORING,
    /** Push, in-app messaging and marketing automation. */
    ENGAGEMENT,
    /** Social login and sharing. */
    SOCIAL,
    /** Device fingerprinting and fraud-prevention signals. */
    IDENTIFICATION,
    /** Location and proximity collection. */
    LOCATION,
    /** Screen and interaction recording. */
    SESSION_REPLAY,
    /** Collects events to forward them to other services. */
    CUSTOMER_DATA_PLATFORM;

    /** The JSON name, e.g. {@code crash-reporting}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The category with this JSON name.
     *
     * @throws IllegalArgumentException when there is none
     */
    public static TrackerCategory fromId(String id) {
        for (TrackerCategory c : values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("not a tracker category: " + id);
    }
}
