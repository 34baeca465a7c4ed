package org.leakscan.analysis.findings;

import java.util.List;

/**
 * What the app's network security config allows, in the terms that matter for data in transit.
 *
 * @param file                where the config was read ({@code res/xml/network_security_config.xml})
 * @param cleartextPermitted  whether cleartext is allowed for domains no domain-config names: the
 *                            base config's setting, else the manifest's {@code usesCleartextTraffic}
 *                            or its default for the target SDK; absent when none says
 * @param cleartextDomains    domains whose domain-config permits cleartext ({@code *.} = with subdomains)
 * @param userCertificates    where user-added CAs are trusted: {@code base-config},
 *                            {@code domain <name>}, {@code debug-overrides} (debuggable builds only)
 * @param pinning             pin sets: the domains they cover, pins ({@code sha256/<base64>}), expiry
 */
public record NetworkSecurity(String file, Boolean cleartextPermitted, List<String> cleartextDomains,
                              List<String> userCertificates, List<PinSet> pinning) {

    public NetworkSecurity {
        cleartextDomains = List.copyOf(cleartextDomains);
        userCertificates = List.copyOf(userCertificates);
        pinning = List.copyOf(pinning);
    }

    /** One {@code <pin-set>}; {@code expiration} is null when the set does not expire. */
    public record PinSet(List<String> domains, List<String> pins, String expiration) {
        public PinSet {
            domains = List.copyOf(domains);
            pins = List.copyOf(pins);
        }
    }
}
