package org.leakscan.analysis.findings;

/**
 * Who owns a host, from the entities catalogue: the company's id and name and its headquarters
 * country (ISO 3166-1 alpha-2). {@code entity} is {@code "unknown"} when no company's domain
 * matches (then {@code name} is absent); {@code country} is {@code "unknown"} when neither the
 * company nor a country-code top-level domain gives one. Never a guess.
 */
public record Owner(String entity, String name, String country) {

    public static final String UNKNOWN = "unknown";

    /** Nothing known. */
    public static final Owner NONE = new Owner(UNKNOWN, null, UNKNOWN);

    public boolean isKnown() {
        return !UNKNOWN.equals(entity);
    }
}
