package org.leakscan.catalog;

import java.util.List;

/**
 * One of the 14 categories of the Google Play Data safety form (Location, Personal info, ...,
 * Device or other IDs), with the Play names of the data types it contains.
 *
 * @param id        stable id, e.g. {@code location}, {@code personal-info}, {@code device-ids}
 * @param name      the Play name, e.g. {@code Personal info}
 * @param playTypes the Play names of its data types, e.g. {@code Approximate location}, {@code Precise location}
 */
public record DataCategory(String id, String name, List<String> playTypes) {

    public DataCategory {
        playTypes = List.copyOf(playTypes);
    }
}
