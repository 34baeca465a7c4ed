package org.leakscan.analysis.findings;

import org.leakscan.catalog.HostClassification;

/**
 * Who is behind a host, and on what evidence (see {@link HostClassification} for every field):
 * the owner's {@code entity} id and {@code name}, its {@code country} (ISO 3166-1 alpha-2), whether
 * it is the app's own developer ({@code party}), the {@code basis} that named it, the network kind,
 * the registrable domain, the AS of an IP literal, and the {@code reason} when nothing is known.
 * {@code entity} and {@code country} are {@code "unknown"} only when no evidence applies. Never a guess.
 */
public record Owner(String entity, String name, String country, String party, String basis, String countryBasis,
                    String partyBasis, String network, String domain, Integer asn, String asName, Boolean shared,
                    String reason) {

    public static final String UNKNOWN = "unknown";

    /** Nothing known. */
    public static final Owner NONE = new Owner(UNKNOWN, null, UNKNOWN);

    /** An owner with no evidence recorded (reports from before #12, tests). */
    public Owner(String entity, String name, String country) {
        this(entity, name, country, null, null, null, null, null, null, null, null, null, null);
    }

    /** The report's record of a classification. */
    public static Owner of(HostClassification c) {
        return new Owner(c.entity(), c.name(), c.country(), c.party(), c.basis(), c.countryBasis(), c.partyBasis(),
                c.network(), c.domain(), c.asn(), c.asName(), c.shared(), c.reason());
    }

    public boolean isKnown() {
        return !UNKNOWN.equals(entity);
    }

    /** True when the country is known. */
    public boolean hasCountry() {
        return country != null && !UNKNOWN.equals(country);
    }

    /**
     * The owner for people, e.g. {@code Google, US}, {@code this device (loopback)},
     * {@code unknown owner, CN (ccTLD)}, {@code Zenlayer Inc (AS21859), CN}; null when nothing is known.
     */
    public String label() {
        StringBuilder s = new StringBuilder();
        if (isKnown()) {
            s.append(name != null ? name : entity);
            if (asn != null && name != null && !name.contains("AS" + Integer.toUnsignedString(asn))) {
                s.append(" (AS").append(Integer.toUnsignedString(asn)).append(')');
            }
        } else if (hasCountry()) {
            s.append("unknown owner");
        } else {
            return null;
        }
        if (hasCountry()) {
            s.append(", ").append(country);
        }
        if ("cctld".equals(basis) || "cctld".equals(countryBasis)) {
            s.append(" (ccTLD)");
        }
        return s.toString();
    }
}
