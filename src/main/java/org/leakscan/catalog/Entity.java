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
 */
public record Entity(String id, String name, String country, List<String> domains, String parent,
                     List<String> categories, String website) {

    public Entity {
        domains = List.copyOf(domains);
        categories = List.copyOf(categories);
    }

    /** The owner's id, when a listed entity owns this one. */
    public Optional<String> parentId() {
        return Optional.ofNullable(parent);
    }
}
