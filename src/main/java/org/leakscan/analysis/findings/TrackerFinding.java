package org.leakscan.analysis.findings;

import java.util.List;

/**
 * A third-party SDK found in the app, with the evidence for it.
 *
 * @param id         the tracker catalogue's id
 * @param name       the SDK's name
 * @param company    the owning company's name (its id when the entities catalogue lacks it)
 * @param entity     the owning company's entity id
 * @param country    the owner's headquarters country, or {@code unknown}
 * @param categories what the SDK does (analytics, advertising, ...)
 * @param website    the vendor's site
 * @param evidence   why it is reported
 */
public record TrackerFinding(String id, String name, String company, String entity, String country,
                             List<String> categories, String website, Evidence evidence) {

    public TrackerFinding {
        categories = List.copyOf(categories);
    }

    /**
     * What was seen: classes in the SDK's packages (per package prefix, with counts), its hosts in
     * code or resources, its distinctive strings in code, and its manifest entries (components,
     * meta-data).
     */
    public record Evidence(List<PackageCount> packages, List<String> hosts, List<String> strings,
                           List<String> manifest) {
        public Evidence {
            packages = List.copyOf(packages);
            hosts = List.copyOf(hosts);
            strings = List.copyOf(strings);
            manifest = List.copyOf(manifest);
        }
    }

    /** Classes found under one of the SDK's package prefixes. */
    public record PackageCount(String name, int classes) {
    }
}
