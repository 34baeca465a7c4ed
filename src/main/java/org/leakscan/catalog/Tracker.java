package org.leakscan.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code trackers.json}: a third-party SDK that collects data, and the signatures
 * that find it in an app.
 *
 * @param id           stable slug, e.g. {@code appsflyer}, {@code facebook-ads}
 * @param name         the SDK's name as its vendor writes it
 * @param owner        entity id of the owning company, e.g. {@code meta}, {@code google}
 * @param categories   what it does with the data, at least one
 * @param website      the vendor's page for it
 * @param packages     Java package prefixes of its code, each with its trailing dot
 *                     ({@code com.appsflyer.}); a class belongs to the tracker with the longest
 *                     matching prefix
 * @param hosts        host suffixes it talks to; may be empty (self-hosted SDKs)
 * @param strings      distinctive constant strings that survive obfuscation; may be empty
 * @param manifestKeys manifest meta-data names and component class names it requires; may be empty
 */
public record Tracker(String id, String name, String owner, List<TrackerCategory> categories, String website,
                      List<String> packages, List<String> hosts, List<String> strings, List<String> manifestKeys) {

    public Tracker {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(website, "website");
        categories = List.copyOf(categories);
        packages = List.copyOf(packages);
        hosts = List.copyOf(hosts);
        strings = List.copyOf(strings);
        manifestKeys = List.copyOf(manifestKeys);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException(id + ": no category");
        }
        if (packages.isEmpty()) {
            throw new IllegalArgumentException(id + ": no package prefix");
        }
    }
}
