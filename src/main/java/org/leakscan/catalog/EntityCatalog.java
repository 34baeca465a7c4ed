package org.leakscan.catalog;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.InputStream;
import java.net.IDN;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The companies from {@code entities.json} (schema {@value #SCHEMA}) and who owns a host.
 *
 * <p>{@link #ownerOf(String)} matches a host against every entity's domains by the longest suffix
 * that ends on a label boundary: {@code api.facebook.com} and {@code facebook.com} match
 * {@code facebook.com}, {@code notfacebook.com} does not, and {@code aws.amazon.com} (listed under
 * AWS) wins over {@code amazon.com}. Case and a trailing dot do not matter. A host no entity owns
 * still gets the country of its country-code TLD when that TLD names one (see
 * {@link CountryCodeTlds}); an IP address, a single label or a malformed name gets neither.
 * Immutable and thread-safe.
 */
public final class EntityCatalog {

    /** The file name in {@code signatures/} and in a {@code --signatures} directory. */
    public static final String FILE_NAME = "entities.json";
    /** The schema name the file must carry. */
    public static final String SCHEMA = "leakscan-entities/1";

    /** What an entity can do, in the order of the schema. */
    public static final List<String> CATEGORIES = List.of("platform", "advertising", "attribution", "analytics",
            "audience-measurement", "engagement", "crash-reporting", "monitoring", "session-replay", "location-data",
            "consent", "cloud", "cdn", "publisher", "games", "social", "messaging", "payments", "e-commerce", "search",
            "maps", "device-maker", "security", "customer-support", "developer-tools", "telecom", "hosting",
            "dynamic-dns", "tunnel", "paste", "url-shortener");

    /** Where an entity's facts come from, in the order of the schema. */
    public static final List<String> SOURCES = List.of("company-site", "sdk-documentation", "privacy-policy",
            "annual-report", "registry-filing", "tracker-research");

    /**
     * Entity ids the classifier gives owners that are not catalogued companies (the app's own
     * developer, a kind of network, no evidence); the file may not use them. {@code as<N>} ids
     * (networks named by the IP database) are refused by pattern.
     */
    public static final Set<String> RESERVED_IDS = Set.of("app", "unknown", "none", "public", "loopback", "private",
            "link-local", "carrier-nat", "carrier-gateway", "emulator", "documentation", "local-name", "onion",
            "multicast", "reserved");
    private static final Pattern AS_ID = Pattern.compile("as[0-9]+");

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** The schema's domain rule: the last label is letters or an xn-- label, so no IP address passes. */
    private static final Pattern DOMAIN =
            Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})");
    private static final Pattern WEBSITE = Pattern.compile("https://[a-z0-9.-]+(/\\S*)?");
    /** A host's labels after normalisation; underscores occur in real host names, so they pass here. */
    private static final Pattern HOST_LABELS = Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)+");
    private static final Pattern ALL_DIGITS = Pattern.compile("[0-9]+");

    private static final Set<String> ROOT_KEYS = Set.of("schema", "about", "entities");
    private static final Set<String> ENTITY_KEYS = Set.of("id", "name", "country", "parent", "categories", "website",
            "domains", "sharedDomains", "asns", "source", "notes");

    private static final CatalogJson.CatalogFile<EntityCatalog> FILE =
            new CatalogJson.CatalogFile<>(FILE_NAME, SCHEMA, EntityCatalog::fromJson);

    private final Map<String, Entity> byId;
    private final Map<String, Entity> byDomain;
    private final Map<Integer, Entity> byAsn;
    private final Set<String> sharedDomains;
    private final List<Entity> entities;

    private EntityCatalog(Map<String, Entity> byId, Map<String, Entity> byDomain, Map<Integer, Entity> byAsn) {
        this.byId = Map.copyOf(byId);
        this.byDomain = Map.copyOf(byDomain);
        this.byAsn = Map.copyOf(byAsn);
        Set<String> shared = new HashSet<>();
        byId.values().forEach(e -> shared.addAll(e.sharedDomains()));
        this.sharedDomains = Set.copyOf(shared);
        this.entities = List.copyOf(byId.values());
    }

    /**
     * The catalogue shipped in the jar, parsed once on first use.
     *
     * @throws CatalogException when the shipped file is missing or invalid (a build error)
     */
    public static EntityCatalog loadDefault() {
        return FILE.shipped();
    }

    /**
     * The catalogue in {@code directory} when it holds a {@value #FILE_NAME}, else the shipped one.
     *
     * @throws CatalogException when the file cannot be read or is not valid
     */
    public static EntityCatalog loadFrom(Path directory) {
        return FILE.loadFrom(directory);
    }

    /** Parses a {@value #SCHEMA} document; errors name it {@value #FILE_NAME}. Does not close {@code in}. */
    public static EntityCatalog load(InputStream in) {
        return load(in, FILE_NAME);
    }

    /** Parses a {@value #SCHEMA} document; errors name it {@code label}. Does not close {@code in}. */
    public static EntityCatalog load(InputStream in, String label) {
        return FILE.load(in, label);
    }

    /** Builds the catalogue from a schema-checked root; errors start with {@code file}. */
    private static EntityCatalog fromJson(JsonObject root, String file) {
        CatalogJson.allowOnly(root, ROOT_KEYS, file);
        CatalogJson.optionalString(root, "about", file);
        Map<String, Entity> byId = new LinkedHashMap<>();
        Map<String, String> placeOf = new HashMap<>();
        Map<String, Entity> byDomain = new HashMap<>();
        Map<Integer, Entity> byAsn = new HashMap<>();
        int index = 0;
        for (JsonElement element : CatalogJson.array(root, "entities", file, true)) {
            String where = file + ": entities[" + index++ + "]";
            JsonObject o = CatalogJson.object(element, where);
            String id = CatalogJson.string(o, "id", where);
            where += " (" + id + ")";
            CatalogJson.allowOnly(o, ENTITY_KEYS, where);
            Entity entity = readEntity(o, id, where);
            if (byId.containsKey(id)) {
                throw new CatalogException(where + ": id \"" + id + "\" already used by " + placeOf.get(id));
            }
            for (String domain : entity.domains()) {
                Entity owner = byDomain.putIfAbsent(domain, entity);
                if (owner != null) {
                    throw new CatalogException(where + ": domain \"" + domain + "\" already belongs to "
                            + placeOf.get(owner.id()));
                }
            }
            for (Integer asn : entity.asns()) {
                Entity owner = byAsn.putIfAbsent(asn, entity);
                if (owner != null) {
                    throw new CatalogException(where + ": AS" + asn + " already belongs to " + placeOf.get(owner.id()));
                }
            }
            byId.put(id, entity);
            placeOf.put(id, where.substring(file.length() + 2));
        }
        if (byId.isEmpty()) {
            throw new CatalogException(file + ": \"entities\" is empty");
        }
        checkParents(byId, placeOf, file);
        return new EntityCatalog(byId, byDomain, byAsn);
    }

    private static Entity readEntity(JsonObject o, String id, String where) {
        if (!ID.matcher(id).matches()) {
            throw new CatalogException(where + ": id must be a lowercase slug (letters, digits, single hyphens)");
        }
        if (RESERVED_IDS.contains(id) || AS_ID.matcher(id).matches()) {
            throw new CatalogException(where + ": id \"" + id + "\" is reserved for owners that are not catalogued companies");
        }
        String name = CatalogJson.string(o, "name", where);
        String country = CatalogJson.string(o, "country", where);
        if (!CountryCodeTlds.isCountry(country)) {
            throw new CatalogException(where + ": country \"" + country + "\" is not an ISO 3166-1 alpha-2 code");
        }
        String parent = CatalogJson.optionalString(o, "parent", where);
        if (parent != null && parent.equals(id)) {
            throw new CatalogException(where + ": an entity cannot be its own parent");
        }
        List<String> categories = CatalogJson.stringList(o, "categories", where, true);
        if (categories.isEmpty()) {
            throw new CatalogException(where + ": \"categories\" is empty");
        }
        Set<String> seenCategories = new HashSet<>();
        for (String category : categories) {
            if (!CATEGORIES.contains(category)) {
                throw new CatalogException(where + ": unknown category \"" + category + "\" (expected one of " + CATEGORIES + ")");
            }
            if (!seenCategories.add(category)) {
                throw new CatalogException(where + ": category \"" + category + "\" appears twice");
            }
        }
        String website = CatalogJson.string(o, "website", where);
        if (!WEBSITE.matcher(website).matches()) {
            throw new CatalogException(where + ": website \"" + website + "\" is not an https URL");
        }
        List<String> domains = CatalogJson.stringList(o, "domains", where, true);
        if (domains.isEmpty()) {
            throw new CatalogException(where + ": \"domains\" is empty");
        }
        Set<String> seenDomains = new LinkedHashSet<>();
        for (String domain : domains) {
            if (!DOMAIN.matcher(domain).matches() || domain.length() > 253) {
                throw new CatalogException(where + ": \"" + domain
                        + "\" is not a lowercase domain of two labels or more (IDNs in xn-- form)");
            }
            if (!seenDomains.add(domain)) {
                throw new CatalogException(where + ": domain \"" + domain + "\" appears twice");
            }
        }
        List<String> shared = o.has("sharedDomains") ? CatalogJson.stringList(o, "sharedDomains", where, true) : List.of();
        for (String d : shared) {
            if (!seenDomains.contains(d)) {
                throw new CatalogException(where + ": shared domain \"" + d + "\" is not one of the entity's domains");
            }
        }
        List<Integer> asns = new ArrayList<>();
        if (o.has("asns")) {
            for (JsonElement a : CatalogJson.array(o, "asns", where, true)) {
                if (!a.isJsonPrimitive() || !a.getAsJsonPrimitive().isNumber() || a.getAsLong() <= 0 || a.getAsLong() > 4294967294L) {
                    throw new CatalogException(where + ": \"asns\" holds " + a + ", not an AS number");
                }
                asns.add((int) a.getAsLong());
            }
        }
        // Required of the shipped file (its schema and a test say so); a user's file from before
        // sources existed still loads.
        String source = CatalogJson.optionalString(o, "source", where);
        if (source != null && !SOURCES.contains(source)) {
            throw new CatalogException(where + ": unknown source \"" + source + "\" (expected one of " + SOURCES + ")");
        }
        CatalogJson.optionalString(o, "notes", where);
        return new Entity(id, name, country, domains, parent, categories, website, shared, asns, source);
    }

    /** Every parent names an entity, and following parents never comes back to where it started. */
    private static void checkParents(Map<String, Entity> byId, Map<String, String> placeOf, String file) {
        for (Entity entity : byId.values()) {
            if (entity.parent() != null && !byId.containsKey(entity.parent())) {
                throw new CatalogException(file + ": " + placeOf.get(entity.id()) + ": parent \"" + entity.parent()
                        + "\" is not an entity in this file");
            }
        }
        for (Entity entity : byId.values()) {
            List<String> chain = new ArrayList<>(List.of(entity.id()));
            for (Entity up = entity; up.parent() != null && chain.size() <= byId.size(); up = byId.get(up.parent())) {
                chain.add(up.parent());
                if (up.parent().equals(entity.id())) {
                    throw new CatalogException(file + ": " + placeOf.get(entity.id()) + ": parents loop: "
                            + String.join(" -> ", chain));
                }
            }
        }
    }

    /** The entity with this id. */
    public Optional<Entity> entity(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every entity, in file order. */
    public List<Entity> entities() {
        return entities;
    }

    private volatile HostClassifier classifier;

    /** The host classifier over this catalogue and the built-in IP database, made on first use. */
    public HostClassifier classifier() {
        HostClassifier c = classifier;
        if (c == null) {
            synchronized (this) {
                c = classifier;
                if (c == null) {
                    c = new HostClassifier(this, IpDatabase::shipped);
                    classifier = c;
                }
            }
        }
        return c;
    }

    /** The entity whose network has AS number {@code asn}. */
    public Optional<Entity> entityOfAsn(int asn) {
        return Optional.ofNullable(byAsn.get(asn));
    }

    /**
     * The catalogued domain {@code host} falls under (the longest matching one) with its entity;
     * empty when none. {@code host} is normalised first.
     */
    public Optional<Match> match(String host) {
        String normalized = normalize(host);
        return normalized == null ? Optional.empty() : Optional.ofNullable(longestMatch(normalized));
    }

    /**
     * A catalogued domain a host falls under.
     *
     * @param entity the owner
     * @param domain the longest catalogued domain that is the host or a suffix of it
     * @param shared true when the entity lists the domain as shared: names under it are its customers'
     */
    public record Match(Entity entity, String domain, boolean shared) {
    }

    /** The entity that owns {@code host}: the one with the longest domain that is {@code host} or a suffix of it on a label boundary. */
    public Optional<Entity> entityOfHost(String host) {
        return match(host).map(Match::entity);
    }

    /**
     * Who owns {@code host}: the entity with the longest matching domain; else an unknown owner in
     * the country its country-code TLD names; else {@link HostOwner#UNKNOWN}. IP addresses, single
     * labels, null and malformed names are unknown. A leading {@code *.} (a wildcard pattern, as in
     * network security configs) is read as the domain it covers.
     */
    public HostOwner ownerOf(String host) {
        String normalized = normalize(host);
        if (normalized == null) {
            return HostOwner.UNKNOWN;
        }
        Match match = longestMatch(normalized);
        if (match != null) {
            return HostOwner.of(match.entity());
        }
        return CountryCodeTlds.countryOf(normalized).map(HostOwner::unknownIn).orElse(HostOwner.UNKNOWN);
    }

    /** The longest catalogued domain that a normalised host is or falls under; null when none. */
    private Match longestMatch(String host) {
        // From the whole host down to its last two labels: the first hit is the longest suffix.
        String suffix = host;
        while (true) {
            Entity entity = byDomain.get(suffix);
            if (entity != null) {
                return new Match(entity, suffix, sharedDomains.contains(suffix));
            }
            int dot = suffix.indexOf('.');
            if (dot < 0 || suffix.indexOf('.', dot + 1) < 0) {
                return null;
            }
            suffix = suffix.substring(dot + 1);
        }
    }

    /**
     * {@code host} in lower case, ASCII (IDNs in xn-- form), without a trailing dot or a leading
     * {@code *.}; null when it is not a name of two labels or more, or when its last label is all
     * digits (an IPv4 address; no TLD is numeric). IPv6 addresses and ports fail the label rule.
     */
    static String normalize(String host) {
        if (host == null) {
            return null;
        }
        String h = host.strip();
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.startsWith("*.")) {
            h = h.substring(2);
        }
        if (!h.chars().allMatch(c -> c < 0x80)) {
            try {
                h = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        h = h.toLowerCase(Locale.ROOT);
        if (h.length() > 253 || !HOST_LABELS.matcher(h).matches()) {
            return null;
        }
        String tld = h.substring(h.lastIndexOf('.') + 1);
        return ALL_DIGITS.matcher(tld).matches() ? null : h;
    }
}
