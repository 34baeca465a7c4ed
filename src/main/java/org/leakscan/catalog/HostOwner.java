package org.leakscan.catalog;

/**
 * Who owns a host, as the report names it ({@code endpoints[].owner},
 * {@code flows[].destinations[].owner}).
 *
 * @param entity  the owning entity's id, or {@value #UNKNOWN_VALUE}
 * @param name    the owning company's name, or null when the entity is unknown
 * @param country ISO 3166-1 alpha-2 code of the owner's headquarters; when no entity matched, the
 *                country of a country-code top-level domain; else {@value #UNKNOWN_VALUE}
 */
public record HostOwner(String entity, String name, String country) {

    /** The value of {@link #entity()} and {@link #country()} when they are not known. */
    public static final String UNKNOWN_VALUE = "unknown";

    /** Neither the owner nor a country is known. */
    public static final HostOwner UNKNOWN = new HostOwner(UNKNOWN_VALUE, null, UNKNOWN_VALUE);

    /** True when a catalogued entity owns the host. */
    public boolean known() {
        return !UNKNOWN_VALUE.equals(entity);
    }

    /** An unknown owner in a known country (from the host's country-code top-level domain). */
    static HostOwner unknownIn(String country) {
        return new HostOwner(UNKNOWN_VALUE, null, country);
    }

    /** The owner {@code entity}. */
    static HostOwner of(Entity entity) {
        return new HostOwner(entity.id(), entity.name(), entity.country());
    }
}
