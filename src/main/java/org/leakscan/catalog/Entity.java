package org.leakscan.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A company that owns hosts an app can talk to, from {@code entities.json}.
 *
 * @param id         stable lowercase slug ({@code meta}, {@code bytedance}, {@code appsflyer})
 * @param name       the company's common name
 * @param country    ISO 3166-1 alpha-2 code of its headquarters, not of its servers
 * @param domains    the domains it owns and serves from; a host matches by longest suffix
 * @param parent     the id of the entity that owns this one, or null for a company owned by no
 *                   listed entity
 * @param categories what it does ({@code advertising}, {@code analytics}, {@code cloud}, ...)
 * @param website    its website, an {@code https} URL
 * @param sharedDomains those of its domains under which names belong to its customers (dynamic
 *                   DNS, hosting), beyond what the Public Suffix List already says
 * @param asns       the AS numbers of its own networks, so an IP literal in them names it
 * @param source     where the facts come from ({@code company-site}, {@code registry-filing}, ...)
 */
public record Entity(String id, String name, String country, List<String> domains, String parent,
                     List<String> categories, String website, List<String> sharedDomains, List<Integer> asns,
                     String source) {

    public Entity {
        domains = List.copyOf(domains);
        categories = List.copyOf(categories);
        sharedDomains = List.copyOf(sharedDomains);
        asns = List.copyOf(asns);
    }

    /** The owner's id, when a listed entity owns this one. */
    public Optional<String> parentId() {
        return Optional.ofNullable(parent);
    }
}
