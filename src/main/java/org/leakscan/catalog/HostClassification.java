package org.leakscan.catalog;

/**
 * Who is behind a host, and on what evidence ({@link HostClassifier}).
 *
 * @param entity       a catalogued entity's id; {@code app} (the app's own developer, not
 *                     catalogued); a network kind ({@code loopback}, {@code private}, ...);
 *                     {@code as<N>} (a network the IP database names); or {@code unknown}
 * @param name         the owner's name for people ("Google", "this device (loopback)"), or null
 * @param country      ISO 3166-1 alpha-2, or {@code unknown}
 * @param party        {@code first} (the app's developer), {@code third} (anyone else on the
 *                     internet, including unknown owners) or {@code none} (the device or a local
 *                     network: nobody receives the data over the internet)
 * @param basis        the evidence that named the owner: {@code catalogue},
 *                     {@code first-party-package}, {@code first-party-certificate},
 *                     {@code first-party-manifest}, {@code network-kind}, {@code ip-database},
 *                     {@code cctld} or {@code none}
 * @param countryBasis where the country comes from when that is not {@code basis}
 *                     ({@code certificate}, {@code cctld}, {@code catalogue}), else null
 * @param partyBasis   why the party is {@code first} when {@code basis} is not a first-party basis
 *                     (a catalogued company that made the app), else null
 * @param network      the network kind ({@code public}, {@code private}, {@code loopback}, ...)
 * @param domain       the registrable domain (Public Suffix List), or the customer's name under a
 *                     shared domain; null for addresses and special-use names
 * @param asn          the AS number of an IP literal, or null
 * @param asName       the AS's name, or null
 * @param shared       true when the host is a customer's name under the entity's shared domain
 *                     (hosting, dynamic DNS): the entity runs the service, a customer the host
 * @param reason       why nothing is known ({@code basis: none}), else null
 */
public record HostClassification(String entity, String name, String country, String party, String basis,
                                 String countryBasis, String partyBasis, String network, String domain, Integer asn,
                                 String asName, Boolean shared, String reason) {

    public static final String UNKNOWN = "unknown";

    /** True when the owner is not {@code unknown}: a company, the app's developer, a network or an AS. */
    public boolean known() {
        return !UNKNOWN.equals(entity);
    }
}
