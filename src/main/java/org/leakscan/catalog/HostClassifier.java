package org.leakscan.catalog;

import com.google.common.net.InternetDomainName;
import java.net.InetAddress;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who is behind a host or IP address, from offline evidence only, in this order (the first that
 * applies names the owner; the report says which as {@code basis}):
 *
 * <ol>
 *   <li>special-use names and addresses ({@code localhost}, RFC 1918, link-local, documentation,
 *       the emulator's host, carriers' WAP gateways, {@code .onion}): the network kind, since no
 *       company owns them;</li>
 *   <li>the catalogue ({@code entities.json}): the longest matching domain; party {@code first}
 *       when the catalogued company is the app's maker (the signing certificate names it);</li>
 *   <li>first party: the host's registrable domain is the app's own, by the package name's
 *       reversed domain, the certificate's organisation, or a domain the manifest names;</li>
 *   <li>IP literals: country and AS from the bundled {@link IpDatabase}, the entity when the
 *       catalogue lists the AS;</li>
 *   <li>the country-code TLD;</li>
 *   <li>else {@code unknown}, with the reason.</li>
 * </ol>
 *
 * Registrable domains come from the Public Suffix List (Guava's {@link InternetDomainName}, both its
 * ICANN and private sections), so {@code shop.example.co.uk}'s is {@code example.co.uk} and
 * {@code myapp.appspot.com} is a site of its own. A pure function of its arguments; thread-safe.
 */
public final class HostClassifier {

    /** The owner's id for the app's own developer when the catalogue does not list it. */
    public static final String APP = "app";

    /** Words of company names that say nothing about which company it is. */
    private static final Set<String> LEGAL_WORDS = Set.of("inc", "incorporated", "llc", "llp", "lp", "ltd", "limited",
            "co", "corp", "corporation", "company", "gmbh", "mbh", "ag", "kg", "se", "sa", "sas", "sarl", "sl", "spa",
            "srl", "bv", "nv", "ab", "as", "asa", "aps", "oy", "oyj", "plc", "pty", "pte", "pvt", "private", "kk",
            "kft", "sro", "doo", "ooo", "ltda", "the", "group", "holdings", "holding", "international", "technology",
            "technologies", "tech", "software", "information", "services", "labs", "studio", "studios", "mobile",
            "digital", "media", "apps", "network", "networks", "interactive", "solutions", "systems", "of", "and");
    /** A certificate organisation shorter than this (after normalising) is too likely a coincidence. */
    private static final int MIN_NAME = 4;

    private final EntityCatalog entities;
    private final Supplier<IpDatabase> ipDatabase;
    /** Normalised company name, or a registrable domain's label, to the entity; ambiguous ones left out. */
    private final Map<String, Entity> byName;

    /**
     * @param entities   the companies and their domains
     * @param ipDatabase the IP database, asked for only when a public IP literal is classified
     */
    public HostClassifier(EntityCatalog entities, Supplier<IpDatabase> ipDatabase) {
        this.entities = entities;
        this.ipDatabase = ipDatabase;
        this.byName = namesOf(entities);
    }

    private static Map<String, Entity> namesOf(EntityCatalog entities) {
        Map<String, Entity> out = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (Entity e : entities.entities()) {
            Set<String> keys = new HashSet<>();
            keys.add(normaliseName(e.name()));
            for (String d : e.domains()) {
                String label = siteLabel(d);
                if (label != null && !e.sharedDomains().contains(d)) {
                    keys.add(label);
                }
            }
            for (String k : keys) {
                if (k.length() < MIN_NAME || ambiguous.contains(k)) {
                    continue;
                }
                Entity before = out.putIfAbsent(k, e);
                if (before != null && before != e) {
                    out.remove(k);
                    ambiguous.add(k);
                }
            }
        }
        return Map.copyOf(out);
    }

    /** Classifies {@code host} (a host name or an IP literal) for the app {@code facts} describes. */
    public HostClassification classify(String host, AppFacts facts) {
        return classify(host, developer(facts));
    }

    /** {@link #classify(String, AppFacts)} for one app, its facts digested once. */
    public java.util.function.Function<String, HostClassification> forApp(AppFacts facts) {
        Developer developer = developer(facts);
        return host -> classify(host, developer);
    }

    private HostClassification classify(String host, Developer developer) {
        if (host == null || host.isBlank()) {
            return unknown(null, null, "no host");
        }
        InetAddress address = NetworkKind.literal(host);
        if (address != null) {
            return classifyAddress(address, developer);
        }
        String lower = host.strip().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        if (lower.startsWith("*.")) {
            lower = lower.substring(2);
        }
        NetworkKind kind = NetworkKind.ofName(lower);
        if (kind != NetworkKind.PUBLIC) {
            return ofKind(kind, HostClassification.UNKNOWN, null);
        }
        String name = EntityCatalog.normalize(lower);
        if (name == null) {
            return unknown(null, null, "not a host name");
        }
        Optional<EntityCatalog.Match> match = entities.match(name);
        String site = siteOf(name, match);
        if (match.isPresent()) {
            EntityCatalog.Match m = match.get();
            Entity e = m.entity();
            boolean tenant = site != null && !site.equals(m.domain()) && site.endsWith("." + m.domain());
            String firstParty = null;
            if (tenant) {
                firstParty = firstPartyBasis(site, developer);
            } else if (developer.isEntity(e)) {
                firstParty = "first-party-certificate";
            }
            return new HostClassification(e.id(), e.name(), e.country(), firstParty != null ? "first" : "third",
                    "catalogue", null, firstParty, NetworkKind.PUBLIC.id(), site, null, null, tenant ? Boolean.TRUE : null,
                    null);
        }
        String firstParty = site == null ? null : firstPartyBasis(site, developer);
        Optional<String> tldCountry = CountryCodeTlds.countryOf(name);
        if (firstParty != null) {
            String country = developer.country != null ? developer.country : tldCountry.orElse(HostClassification.UNKNOWN);
            String countryBasis = developer.country != null ? "certificate" : tldCountry.isPresent() ? "cctld" : null;
            return new HostClassification(APP, developer.organisation != null ? developer.organisation : "the app's developer",
                    country, "first", firstParty, countryBasis, null, NetworkKind.PUBLIC.id(), site, null, null, null, null);
        }
        if (tldCountry.isPresent()) {
            return new HostClassification(HostClassification.UNKNOWN, null, tldCountry.get(), "third", "cctld", null, null,
                    NetworkKind.PUBLIC.id(), site, null, null, null, null);
        }
        String tld = name.substring(name.lastIndexOf('.') + 1);
        return unknown(NetworkKind.PUBLIC.id(), site, (site == null ? name + " is a public suffix" : site
                + " is in no catalogue entry and is not the app's own") + "; ." + tld + " names no country");
    }

    private HostClassification classifyAddress(InetAddress address, Developer developer) {
        NetworkKind kind = NetworkKind.of(address);
        if (kind != NetworkKind.PUBLIC) {
            String country = kind == NetworkKind.CARRIER_GATEWAY ? NetworkKind.carrierGatewayCountry(address) : null;
            return ofKind(kind, country == null ? HostClassification.UNKNOWN : country, null);
        }
        Optional<IpDatabase.Network> found = ipDatabase.get().lookup(address);
        if (found.isEmpty()) {
            return unknown(NetworkKind.PUBLIC.id(), null, "public address the IP database does not cover");
        }
        IpDatabase.Network n = found.get();
        Entity e = n.asn() == null ? null : entities.entityOfAsn(n.asn()).orElse(null);
        String country = n.country() != null ? n.country() : e != null ? e.country() : HostClassification.UNKNOWN;
        String countryBasis = n.country() == null && e != null ? "catalogue" : null;
        if (e != null) {
            boolean first = developer.isEntity(e);
            return new HostClassification(e.id(), e.name(), country, first ? "first" : "third", "ip-database", countryBasis,
                    first ? "first-party-certificate" : null, NetworkKind.PUBLIC.id(), null, n.asn(), n.asName(), null, null);
        }
        String entity = n.asn() == null ? HostClassification.UNKNOWN : "as" + Integer.toUnsignedString(n.asn());
        String name = n.asName() == null || n.asName().isBlank() ? null : n.asName();
        return new HostClassification(entity, name, country, "third", "ip-database", null, null, NetworkKind.PUBLIC.id(),
                null, n.asn(), name, null, null);
    }

    private static HostClassification ofKind(NetworkKind kind, String country, String domain) {
        String party = kind == NetworkKind.ONION || kind == NetworkKind.CARRIER_GATEWAY ? "third" : "none";
        return new HostClassification(kind.id(), kind.description(), country, party, "network-kind", null, null, kind.id(),
                domain, null, null, null, null);
    }

    private static HostClassification unknown(String network, String domain, String reason) {
        return new HostClassification(HostClassification.UNKNOWN, null, HostClassification.UNKNOWN, "third", "none", null,
                null, network, domain, null, null, null, reason);
    }

    /** The first-party basis that ties {@code site} to the app's developer, or null. */
    private String firstPartyBasis(String site, Developer developer) {
        if (site.equals(developer.packageSite)) {
            return "first-party-package";
        }
        String label = siteLabel(site);
        if (label != null && label.length() >= MIN_NAME && developer.names.contains(label)) {
            return "first-party-certificate";
        }
        if (developer.manifestSites.contains(site)) {
            return "first-party-manifest";
        }
        return null;
    }

    /**
     * The host's site: the customer's name under a catalogued shared domain ({@code foo.xicp.net}),
     * else its registrable domain by the Public Suffix List, private section included
     * ({@code foo.appspot.com}, {@code example.co.uk}); null when the name is a public suffix.
     */
    private static String siteOf(String name, Optional<EntityCatalog.Match> match) {
        if (match.isPresent() && match.get().shared() && name.endsWith("." + match.get().domain())) {
            String below = name.substring(0, name.length() - match.get().domain().length() - 1);
            return below.substring(below.lastIndexOf('.') + 1) + "." + match.get().domain();
        }
        return registrable(name);
    }

    /** The registrable domain of {@code name} (PSL, private section included), or null. */
    static String registrable(String name) {
        try {
            if (!InternetDomainName.isValid(name)) {
                return null;
            }
            InternetDomainName d = InternetDomainName.from(name);
            return d.isUnderPublicSuffix() ? d.topPrivateDomain().toString() : null;
        } catch (IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }

    /** The label of a site left of its public suffix ({@code example} for {@code example.co.uk}), or null. */
    static String siteLabel(String domain) {
        String site = registrable(domain);
        if (site == null) {
            return null;
        }
        int dot = site.indexOf('.');
        return dot < 0 ? null : site.substring(0, dot);
    }

    /**
     * A company name reduced to what identifies it: lower case ASCII letters and digits, legal
     * forms and generic words dropped ("Oray Technology Co., Ltd." → {@code oray}).
     */
    static String normaliseName(String name) {
        if (name == null) {
            return "";
        }
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace(".", "")
                .toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (String word : ascii.split("[^a-z0-9]+")) {
            if (!word.isEmpty() && !LEGAL_WORDS.contains(word)) {
                out.append(word);
            }
        }
        return out.toString();
    }

    /** What the app says about its maker, reduced to what host matching needs. */
    private record Developer(String packageSite, Set<String> names, Set<String> manifestSites, String organisation,
                             String country, Set<String> entityIds) {

        /** True when the certificate names {@code e}, its parent or a company it owns. */
        boolean isEntity(Entity e) {
            if (entityIds.contains(e.id())) {
                return true;
            }
            return e.parent() != null && entityIds.contains(e.parent());
        }
    }

    private Developer developer(AppFacts facts) {
        Set<String> names = new HashSet<>();
        Set<String> entityIds = new HashSet<>();
        String organisation = null;
        for (String o : facts.certificateOrganisations()) {
            String n = normaliseName(o);
            if (n.length() < MIN_NAME) {
                continue;
            }
            names.add(n);
            if (organisation == null) {
                organisation = o.strip();
            }
            Entity e = byName.get(n);
            if (e != null) {
                entityIds.add(e.id());
            }
        }
        Set<String> manifestSites = new HashSet<>();
        for (String d : facts.manifestDomains()) {
            String name = EntityCatalog.normalize(d);
            if (name == null || NetworkKind.ofName(name) != NetworkKind.PUBLIC) {
                continue;
            }
            Optional<EntityCatalog.Match> m = entities.match(name);
            String site = siteOf(name, m);
            // A catalogued company's own domain named in the manifest (a pin for its API, a link
            // to its site) does not make the company the app's maker; a customer's name under its
            // shared domain does belong to the app.
            if (site != null && (m.isEmpty() || (!site.equals(m.get().domain()) && site.endsWith("." + m.get().domain())))) {
                manifestSites.add(site);
            }
        }
        return new Developer(packageSite(facts.packageName()), Set.copyOf(names), Set.copyOf(manifestSites),
                organisation, facts.certificateCountry(), Set.copyOf(entityIds));
    }

    /**
     * The site the package name spells reversed ({@code com.example.app} → {@code example.com},
     * {@code uk.co.bank.app} → {@code bank.co.uk}, {@code com.appspot.myapp} → {@code myapp.appspot.com}):
     * the shortest reversed prefix that is a registrable domain. Null when there is none, or when it
     * is a catalogued company's own domain: anybody can name a package {@code com.google.…} or
     * {@code com.github.someone.app}, so only the certificate can make a company the app's maker.
     */
    private String packageSite(String packageName) {
        if (packageName == null) {
            return null;
        }
        String[] labels = packageName.toLowerCase(Locale.ROOT).split("\\.");
        List<String> reversed = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            reversed.add(0, labels[i]);
            if (i == 0) {
                continue;
            }
            String candidate = String.join(".", reversed);
            String name = EntityCatalog.normalize(candidate);
            if (name == null) {
                return null;
            }
            Optional<EntityCatalog.Match> m = entities.match(name);
            String site = siteOf(name, m);
            if (site != null && site.equals(name)) {
                boolean catalogued = m.isPresent() && !(m.get().shared() || (!site.equals(m.get().domain())
                        && site.endsWith("." + m.get().domain())));
                return catalogued ? null : site;
            }
        }
        return null;
    }
}
