package org.leakscan.catalog;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The third-party SDKs from {@code trackers.json} (schema {@value #SCHEMA}) and the lookups that
 * attribute code and hosts to them: {@link #trackerForClass(String)} by the longest matching
 * package prefix, {@link #trackerForHost(String)} by the longest matching host suffix.
 *
 * <p>The loader enforces what the schema cannot: ids are unique, no package prefix and no host is
 * listed by two trackers, and an excluded package lies under one of its own entry's packages.
 * A prefix nested under another tracker's prefix is allowed (the longer one wins); the shipped
 * file documents each such case in the entry's {@code notes}. Immutable and thread-safe.
 */
public final class TrackerCatalog {

    /** The catalogue's file name, in {@code signatures/} and in a {@code --signatures} directory. */
    public static final String FILE_NAME = "trackers.json";
    /** The schema name the file must carry. */
    public static final String SCHEMA = "leakscan-trackers/1";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern PACKAGE_PREFIX =
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)+\\.");
    private static final Pattern HOST =
            Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern WEBSITE = Pattern.compile("https?://[^\\s/]+(/\\S*)?");
    private static final Pattern MANIFEST_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.:$-]*");
    private static final Set<String> TOP_KEYS = Set.of("schema", "description", "trackers");
    private static final Set<String> TRACKER_KEYS = Set.of("id", "name", "owner", "categories", "website", "packages",
            "excludedPackages", "hosts", "strings", "manifestKeys", "notes");
    private static final CatalogJson.CatalogFile<TrackerCatalog> FILE =
            new CatalogJson.CatalogFile<>(FILE_NAME, SCHEMA, TrackerCatalog::fromJson);

    private final List<Tracker> trackers;
    private final Map<String, Tracker> byId;
    private final Map<String, Tracker> byHost;
    private final PackagePrefixTrie<Tracker> byPackage;
    private final Map<String, List<Tracker>> byString;
    private final Map<String, List<Tracker>> byManifestKey;

    private TrackerCatalog(List<Tracker> trackers, Map<String, Tracker> byHost, PackagePrefixTrie<Tracker> byPackage) {
        this.trackers = List.copyOf(trackers);
        Map<String, Tracker> ids = new HashMap<>();
        trackers.forEach(t -> ids.put(t.id(), t));
        this.byId = Map.copyOf(ids);
        this.byHost = Map.copyOf(byHost);
        this.byPackage = byPackage;
        this.byString = index(trackers, Tracker::strings);
        this.byManifestKey = index(trackers, Tracker::manifestKeys);
    }

    /** Value → the trackers that list it, in file order. */
    private static Map<String, List<Tracker>> index(List<Tracker> trackers,
                                                    java.util.function.Function<Tracker, List<String>> values) {
        Map<String, List<Tracker>> out = new HashMap<>();
        for (Tracker t : trackers) {
            for (String v : values.apply(t)) {
                out.computeIfAbsent(v, k -> new ArrayList<>()).add(t);
            }
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(out);
    }

    /**
     * The catalogue shipped in the jar, parsed once on first use.
     *
     * @throws CatalogException when the shipped file is missing or invalid (a build error)
     */
    public static TrackerCatalog loadDefault() {
        return FILE.shipped();
    }

    /**
     * The catalogue in {@code directory} when it has a {@value #FILE_NAME}, else the shipped one.
     *
     * @throws CatalogException when the file cannot be read or is not valid
     */
    public static TrackerCatalog loadFrom(Path directory) {
        return FILE.loadFrom(directory);
    }

    /**
     * Parses a {@value #SCHEMA} document; errors name it {@value #FILE_NAME}. Does not close {@code in}.
     *
     * @throws CatalogException when it is not one, naming the first problem and its entry
     */
    public static TrackerCatalog load(InputStream in) {
        return FILE.load(in, FILE_NAME);
    }

    /** Builds the catalogue from a schema-checked root; errors start with {@code source}. */
    private static TrackerCatalog fromJson(JsonObject root, String source) {
        CatalogJson.allowOnly(root, TOP_KEYS, source);
        List<Tracker> trackers = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Tracker> hosts = new HashMap<>();
        Map<String, String> excludedBy = new LinkedHashMap<>();
        PackagePrefixTrie.Builder<Tracker> packages = new PackagePrefixTrie.Builder<>();
        int index = 0;
        for (JsonElement element : CatalogJson.array(root, "trackers", source, true)) {
            String where = source + ": trackers[" + index + "]";
            JsonObject o = CatalogJson.object(element, where);
            Tracker tracker = CatalogJson.entry(where, () -> tracker(o, where));
            String at = where + " (" + tracker.id() + ")";
            Integer first = ids.putIfAbsent(tracker.id(), index);
            if (first != null) {
                throw new CatalogException(at + ": id already used by trackers[" + first + "]");
            }
            for (String prefix : tracker.packages()) {
                Tracker other = packages.put(prefix, tracker);
                if (other != null) {
                    throw new CatalogException(at + ": package prefix " + prefix + " is also " + other.id() + "'s");
                }
            }
            for (String host : tracker.hosts()) {
                Tracker other = hosts.putIfAbsent(host, tracker);
                if (other != null) {
                    throw new CatalogException(at + ": host " + host + " is also " + other.id() + "'s");
                }
            }
            for (String excluded : strings(o, "excludedPackages", at, PACKAGE_PREFIX, "a package prefix")) {
                if (tracker.packages().stream().noneMatch(p -> excluded.startsWith(p) && !excluded.equals(p))) {
                    throw new CatalogException(at + ": excluded package " + excluded + " is not under its own packages");
                }
                excludedBy.put(excluded, tracker.id());
            }
            CatalogJson.optionalString(o, "notes", at);
            trackers.add(tracker);
            index++;
        }
        Map<String, Tracker> prefixes = new HashMap<>();
        trackers.forEach(t -> t.packages().forEach(p -> prefixes.put(p, t)));
        for (Map.Entry<String, String> e : excludedBy.entrySet()) {
            Tracker other = prefixes.get(e.getKey());
            if (other != null) {
                throw new CatalogException(source + ": " + e.getValue() + " excludes " + e.getKey()
                        + ", which is " + other.id() + "'s package prefix");
            }
            packages.exclude(e.getKey());
        }
        return new TrackerCatalog(trackers, hosts, packages.build());
    }

    private static Tracker tracker(JsonObject o, String where) {
        CatalogJson.allowOnly(o, TRACKER_KEYS, where);
        String id = matching(CatalogJson.string(o, "id", where), SLUG, where, "an id");
        String at = where + " (" + id + ")";
        String name = CatalogJson.string(o, "name", at);
        String owner = matching(CatalogJson.string(o, "owner", at), SLUG, at, "an owner entity id");
        List<TrackerCategory> categories = new ArrayList<>();
        for (String c : strings(o, "categories", at, null, null)) {
            categories.add(TrackerCategory.fromId(c));
        }
        if (categories.isEmpty()) {
            throw new CatalogException(at + ": \"categories\" is empty");
        }
        String website = matching(CatalogJson.string(o, "website", at), WEBSITE, at, "a web address");
        List<String> packages = strings(o, "packages", at, PACKAGE_PREFIX, "a package prefix of two or more labels ending with a dot");
        if (packages.isEmpty()) {
            throw new CatalogException(at + ": \"packages\" is empty");
        }
        if (!o.has("hosts")) {
            throw new CatalogException(at + ": missing \"hosts\"");
        }
        List<String> hosts = strings(o, "hosts", at, HOST, "a lower-case host name");
        for (String host : hosts) {
            if (host.length() > 253) {
                throw new CatalogException(at + ": host name longer than 253 characters: " + host);
            }
        }
        List<String> strings = strings(o, "strings", at, null, null);
        List<String> manifestKeys = strings(o, "manifestKeys", at, MANIFEST_KEY, "a manifest name");
        return new Tracker(id, name, owner, categories, website, packages, hosts, strings, manifestKeys);
    }

    /** The string array {@code key} (empty when absent), each item distinct and, when {@code pattern} is given, matching it. */
    private static List<String> strings(JsonObject o, String key, String where, Pattern pattern, String what) {
        Set<String> out = new LinkedHashSet<>();
        int i = 0;
        for (JsonElement e : CatalogJson.array(o, key, where, false)) {
            String item = where + ": \"" + key + "\"[" + i++ + "]";
            String value = CatalogJson.string(e, item);
            if (pattern != null) {
                matching(value, pattern, item, what);
            }
            if (!out.add(value)) {
                throw new CatalogException(item + ": " + value + " twice");
            }
        }
        return List.copyOf(out);
    }

    private static String matching(String value, Pattern pattern, String where, String what) {
        if (!pattern.matcher(value).matches()) {
            throw new CatalogException(where + ": not " + what + ": " + value);
        }
        return value;
    }

    /** Every tracker, in file order. */
    public List<Tracker> trackers() {
        return trackers;
    }

    /** The tracker with this id. */
    public Optional<Tracker> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The tracker whose code {@code className} is: the one with the longest package prefix that
     * matches it, or null when none does (or the longest match is an excluded package, such as
     * the advertising-ID client under AdMob's {@code com.google.android.gms.ads.}). Prefixes match
     * on label boundaries: {@code com.appsflyer.} matches {@code com.appsflyer.internal.a}, never
     * {@code com.appsflyerx.A}. Allocates nothing; safe to call for every class of a large app.
     *
     * @param className a binary class name, dotted ({@code com.appsflyer.AppsFlyerLib}) or with
     *                  slashes ({@code com/appsflyer/AppsFlyerLib})
     */
    public Tracker trackerForClass(String className) {
        return byPackage.lookup(className);
    }

    /**
     * The tracker that {@code host} belongs to: the one with the longest listed host suffix that
     * equals it or ends it on a label boundary ({@code app-measurement.com} matches
     * {@code region1.app-measurement.com}, never {@code notapp-measurement.com}); null when none
     * does. Case and one trailing dot are ignored.
     */
    public Tracker trackerForHost(String host) {
        if (host == null || host.isEmpty()) {
            return null;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        int from = 0;
        while (from >= 0 && from < name.length()) {
            Tracker t = byHost.get(from == 0 ? name : name.substring(from));
            if (t != null) {
                return t;
            }
            int dot = name.indexOf('.', from);
            from = dot < 0 ? -1 : dot + 1;
        }
        return null;
    }

    /** The trackers that list {@code value} among their distinctive strings; empty when none does. */
    public List<Tracker> trackersWithString(String value) {
        return byString.getOrDefault(value, List.of());
    }

    /** The trackers that list {@code name} among their manifest keys; empty when none does. */
    public List<Tracker> trackersWithManifestKey(String name) {
        return name == null ? List.of() : byManifestKey.getOrDefault(name, List.of());
    }

    /** Number of entries. */
    public int size() {
        return trackers.size();
    }
}
