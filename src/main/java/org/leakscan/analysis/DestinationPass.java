package org.leakscan.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import javax.security.auth.x500.X500Principal;
import org.leakscan.analysis.findings.Endpoint;
import org.leakscan.analysis.findings.Flow;
import org.leakscan.analysis.findings.NetworkSecurity;
import org.leakscan.analysis.findings.Owner;
import org.leakscan.analysis.findings.Signing;
import org.leakscan.android.AndroidManifest;
import org.leakscan.android.Component;
import org.leakscan.android.IntentData;
import org.leakscan.android.IntentFilter;
import org.leakscan.catalog.AppFacts;
import org.leakscan.catalog.HostClassification;

/**
 * Who is behind every destination: classifies each endpoint's host and each flow destination's
 * host with the {@link org.leakscan.catalog.HostClassifier} (catalogue, first party, network kind,
 * IP database, ccTLD), given what the app says about its maker: package name, signing
 * certificates, app-link hosts and network security config domains. Runs after the passes that
 * find hosts, so the data flow only has to hand over host names.
 */
public final class DestinationPass implements Pass {

    public static final PassInfo INFO = PassInfo.of("destinations",
            "owner, country and party of every endpoint and flow destination, with the evidence",
            EndpointPass.INFO.id(), SigningPass.INFO.id(), NetworkSecurityPass.INFO.id(), ManifestPass.INFO.id())
            .andAfterIfPresent(DataFlowPass.INFO.id());

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public void run(AnalysisContext context) {
        Function<String, HostClassification> classify = context.catalogs().entities().classifier().forApp(facts(context));
        Map<String, Owner> owners = new HashMap<>();
        Function<String, Owner> ownerOf = host -> owners.computeIfAbsent(host, h -> Owner.of(classify.apply(h)));
        List<Endpoint> endpoints = new ArrayList<>();
        for (Endpoint e : context.endpoints()) {
            endpoints.add(e.owner() == null ? e : new Endpoint(e.kind(), e.url(), e.host(), e.scheme(), e.cleartext(),
                    e.value(), ownerOf.apply(e.host()), e.foundIn()));
        }
        context.setEndpoints(endpoints);
        List<Flow> flows = new ArrayList<>();
        for (Flow f : context.flows()) {
            List<Flow.Destination> destinations = new ArrayList<>();
            for (Flow.Destination d : f.destinations()) {
                destinations.add(d.host() == null ? d : Flow.Destination.network(d.host(), d.url(), ownerOf.apply(d.host())));
            }
            flows.add(f.withDestinations(destinations));
        }
        context.setFlows(flows, context.unanalysed());
    }

    /** What the app says about its maker. */
    static AppFacts facts(AnalysisContext context) {
        AndroidManifest manifest = context.manifest();
        String packageName = manifest != null ? manifest.packageName() : null;
        List<String> organisations = new ArrayList<>();
        String country = null;
        for (Signing s : context.signing()) {
            if (s.debugCertificate() || s.subject() == null) {
                continue;
            }
            Map<String, String> subject = subjectParts(s.subject());
            String o = subject.get("O");
            if (o != null && !o.isBlank() && !organisations.contains(o.strip())) {
                organisations.add(o.strip());
            }
            if (country == null) {
                country = isoCountry(subject.get("C"));
            }
        }
        TreeSet<String> domains = new TreeSet<>();
        if (manifest != null) {
            for (Component c : manifest.components()) {
                for (IntentFilter f : c.intentFilters()) {
                    boolean web = f.data().stream().anyMatch(d -> "http".equalsIgnoreCase(d.scheme())
                            || "https".equalsIgnoreCase(d.scheme()));
                    if (web) {
                        for (IntentData d : f.data()) {
                            if (d.host() != null && !d.host().isBlank() && !d.host().startsWith("@")) {
                                domains.add(d.host().strip());
                            }
                        }
                    }
                }
            }
        }
        NetworkSecurity n = context.networkSecurity();
        if (n != null) {
            domains.addAll(n.cleartextDomains());
            n.pinning().forEach(p -> domains.addAll(p.domains()));
            for (String where : n.userCertificates()) {
                if (where.startsWith("domain ")) {
                    domains.add(where.substring("domain ".length()).strip());
                }
            }
        }
        return new AppFacts(packageName, organisations, country, List.copyOf(domains));
    }

    private static final java.util.Set<String> ISO_COUNTRIES = java.util.Set.of(java.util.Locale.getISOCountries());

    /** A certificate's {@code C=} as an ISO 3166-1 code ({@code UK} is written for GB), or null. */
    static String isoCountry(String c) {
        if (c == null) {
            return null;
        }
        String code = c.strip().toUpperCase(java.util.Locale.ROOT);
        code = code.equals("UK") ? "GB" : code;
        return ISO_COUNTRIES.contains(code) ? code : null;
    }

    /** The attributes of an RFC 2253 name by type ({@code O}, {@code C}); the first of each. */
    static Map<String, String> subjectParts(String subject) {
        Map<String, String> out = new HashMap<>();
        try {
            String rfc2253 = new X500Principal(subject).getName(X500Principal.RFC2253);
            javax.naming.ldap.LdapName name = new javax.naming.ldap.LdapName(rfc2253);
            List<javax.naming.ldap.Rdn> rdns = new ArrayList<>(name.getRdns());
            java.util.Collections.reverse(rdns); // LdapName lists the last RDN first
            for (javax.naming.ldap.Rdn rdn : rdns) {
                out.putIfAbsent(rdn.getType().toUpperCase(java.util.Locale.ROOT), String.valueOf(rdn.getValue()));
            }
        } catch (IllegalArgumentException | javax.naming.InvalidNameException e) {
            // An unparsable subject says nothing about the maker.
        }
        return out;
    }
}
