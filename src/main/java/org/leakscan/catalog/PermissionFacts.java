package org.leakscan.catalog;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.leakscan.program.MethodRef;

/**
 * The hand-written permission facts of {@code permission-facts.json}: what the generated
 * {@link ApiPermissionCatalog} cannot say. Requirements that a service, native code or a library
 * checks without an annotation (SMS, camera, microphone, accounts, Play services location), that
 * depend on the platform level or the app's target SDK in ways the annotations do not state (phone
 * identifiers, Wi-Fi scans, package visibility), content-provider permissions by URI, permissions
 * for intent actions and broadcasts, and the permissions the platform grants an app that did not
 * name them (split and implicit permissions). A fact for an API replaces the annotations for it.
 * Each fact carries its sources and, where a published map covers it, what that map says.
 * Immutable and thread-safe.
 */
public final class PermissionFacts {

    /** The catalogue's file name, in {@code signatures/} and in a {@code --signatures} directory. */
    public static final String FILE_NAME = "permission-facts.json";
    /** The schema name the file must carry. */
    public static final String SCHEMA = "leakscan-permission-facts/1";

    private static final String LABEL = "permission facts";
    private static final CatalogJson.CatalogFile<PermissionFacts> FILE =
            new CatalogJson.CatalogFile<>(FILE_NAME, SCHEMA, PermissionFacts::fromJson);

    /** No upper bound on a level or target SDK. */
    public static final int OPEN = LevelRange.OPEN;

    /**
     * One requirement over a box of platform levels and target SDKs, bounds included.
     *
     * @param requirement the permissions; conditional when {@code dependsOn} is set
     * @param dependsOn   what a conditional requirement depends on, or null for a plain one
     * @param note        what else a reader should know, or null
     */
    public record Box(int fromApi, int toApi, int targetSdkFrom, int targetSdkTo, PermissionRequirement requirement,
                      String dependsOn, String note) {

        public Box {
            if (fromApi < 1 || toApi < fromApi || targetSdkFrom < 1 || targetSdkTo < targetSdkFrom) {
                throw new IllegalArgumentException("empty box: API " + fromApi + ".." + toApi + ", target SDK "
                        + targetSdkFrom + ".." + targetSdkTo);
            }
            if (requirement.conditional() != (dependsOn != null)) {
                throw new IllegalArgumentException("a box is conditional exactly when it says what it depends on");
            }
        }

        /** True when the box holds on platform level {@code level} for an app targeting {@code targetSdk}. */
        public boolean applies(int level, int targetSdk) {
            return level >= fromApi && level <= toApi && targetSdk >= targetSdkFrom && targetSdk <= targetSdkTo;
        }
    }

    /** What a published permission map says for a fact, and whether it agrees with the fact at the map's level. */
    public record CrossCheck(String map, List<String> says, boolean agrees, String note) {
        public CrossCheck {
            says = List.copyOf(says);
        }
    }

    /** A published map the facts were cross-checked against. */
    public record PublishedMap(String id, int apiLevel, String name, String where, String licence) {
    }

    /**
     * The requirements of one API (for calls whose argument is {@code argEquals}, when set).
     *
     * @param why               why the fact is written by hand (not, or not rightly, annotated)
     * @param annotationDiffers where the generated annotations say otherwise, why this fact is right; or null
     */
    public record ApiFact(String api, ArgEquals argEquals, String why, List<Box> requires, String note,
                          String annotationDiffers, List<String> sources, List<CrossCheck> crossChecks) {
        public ApiFact {
            requires = List.copyOf(requires);
            sources = List.copyOf(sources);
            crossChecks = List.copyOf(crossChecks);
        }
    }

    /** The read and write permissions of a content provider, by URI (authority and optional path prefix). */
    public record ProviderFact(String uri, List<Box> read, List<Box> write, String note, List<String> sources,
                               List<CrossCheck> crossChecks) {
        public ProviderFact {
            read = List.copyOf(read);
            write = List.copyOf(write);
            sources = List.copyOf(sources);
            crossChecks = List.copyOf(crossChecks);
        }
    }

    /** The requirements of starting an intent action, or of receiving a broadcast action. */
    public record ActionFact(String action, List<Box> requires, List<String> sources) {
        public ActionFact {
            requires = List.copyOf(requires);
            sources = List.copyOf(sources);
        }
    }

    /**
     * When a permission appeared, and from which target SDK the platform enforces it.
     *
     * @param addedIn               the API level that defined it; 0 when not stated
     * @param enforcedFromTargetSdk apps targeting below this level are judged as on the level before it; 0 when not stated
     * @param legacyForTargetSdkBelow apps targeting below this level still need the permission, on every
     *                              level, for the APIs that needed it on the level before; 0 when not stated
     */
    public record PermissionHistory(String name, int addedIn, int enforcedFromTargetSdk, int legacyForTargetSdkBelow,
                                    List<String> sources) {
    }

    /**
     * An app that declares {@code from} (and targets below {@code targetSdkBelow}, when not 0) also holds {@code to}.
     */
    public record Split(String from, List<String> to, int targetSdkBelow, List<String> sources) {
        public Split {
            to = List.copyOf(to);
        }
    }

    /** Holding {@code permission} satisfies a requirement for any of {@code satisfies}, from level {@code fromApi}. */
    public record Satisfies(String permission, List<String> satisfies, int fromApi, List<String> sources) {
        public Satisfies {
            satisfies = List.copyOf(satisfies);
        }
    }

    /** An app targeting below {@code targetSdkBelow} holds {@code permissions} without declaring them. */
    public record Implicit(int targetSdkBelow, List<String> permissions, List<String> sources) {
        public Implicit {
            permissions = List.copyOf(permissions);
        }
    }

    private final List<PublishedMap> maps;
    private final Map<String, PermissionHistory> history;
    private final List<Split> splits;
    private final List<Implicit> implicit;
    private final List<Satisfies> satisfies;
    private final List<ApiFact> apis;
    private final Map<String, List<ApiFact>> apisByDescriptor;
    private final Set<String> apiNames;
    private final List<ProviderFact> providers;
    private final Map<String, ActionFact> intentActions;
    private final Map<String, ActionFact> receiverActions;
    private final List<MethodRef> providerReads;
    private final List<MethodRef> providerWrites;
    private final List<MethodRef> intentStarts;
    private final List<MethodRef> receiverRegistrations;

    private PermissionFacts(Builder b) {
        this.maps = List.copyOf(b.maps);
        this.history = Map.copyOf(b.history);
        this.splits = List.copyOf(b.splits);
        this.implicit = List.copyOf(b.implicit);
        this.satisfies = List.copyOf(b.satisfies);
        this.apis = List.copyOf(b.apis);
        Map<String, List<ApiFact>> byDescriptor = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (ApiFact f : b.apis) {
            byDescriptor.computeIfAbsent(f.api(), k -> new ArrayList<>()).add(f);
            names.add(MethodRef.parse(f.api()).name());
        }
        byDescriptor.replaceAll((k, v) -> List.copyOf(v));
        this.apisByDescriptor = Map.copyOf(byDescriptor);
        this.apiNames = Set.copyOf(names);
        this.providers = List.copyOf(b.providers);
        this.intentActions = Map.copyOf(b.intentActions);
        this.receiverActions = Map.copyOf(b.receiverActions);
        this.providerReads = List.copyOf(b.providerReads);
        this.providerWrites = List.copyOf(b.providerWrites);
        this.intentStarts = List.copyOf(b.intentStarts);
        this.receiverRegistrations = List.copyOf(b.receiverRegistrations);
    }

    /**
     * The facts shipped in the jar, parsed once on first use.
     *
     * @throws CatalogException when the shipped file is missing or invalid (a build error)
     */
    public static PermissionFacts loadDefault() {
        return FILE.shipped();
    }

    /**
     * The facts in {@code directory} when it has a {@value #FILE_NAME}, else the shipped ones.
     *
     * @throws CatalogException when the file cannot be read or is not valid
     */
    public static PermissionFacts loadFrom(Path directory) {
        return FILE.loadFrom(directory);
    }

    /** Parses a {@code leakscan-permission-facts/1} document; errors start with {@code permission facts}. */
    public static PermissionFacts load(InputStream in) {
        return FILE.load(in, LABEL);
    }

    /** The facts for calls of the method {@code ownerType->nameAndDescriptor}; empty when none. */
    public List<ApiFact> apiFacts(String ownerType, String nameAndDescriptor) {
        return apisByDescriptor.getOrDefault(ownerType + "->" + nameAndDescriptor, List.of());
    }

    /** False when no fact can be about a method of this name (cheap filter before a hierarchy walk). */
    public boolean mayHaveFact(MethodRef call) {
        return apiNames.contains(call.name());
    }

    /**
     * The provider fact whose URI is the longest prefix of {@code uri} at a path boundary
     * ({@code content://sms} matches {@code content://sms/inbox}, not {@code content://smsx}).
     */
    public Optional<ProviderFact> providerFor(String uri) {
        ProviderFact best = null;
        for (ProviderFact p : providers) {
            String u = p.uri();
            boolean matches = uri.startsWith(u) && (uri.length() == u.length() || "/?#".indexOf(uri.charAt(u.length())) >= 0);
            if (matches && (best == null || u.length() > best.uri().length())) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }

    public Optional<ActionFact> intentAction(String action) {
        return Optional.ofNullable(intentActions.get(action));
    }

    public Optional<ActionFact> receiverAction(String action) {
        return Optional.ofNullable(receiverActions.get(action));
    }

    /** The history of a permission, or null when the facts say nothing about it. */
    public PermissionHistory history(String permission) {
        return history.get(permission);
    }

    public List<PublishedMap> maps() {
        return maps;
    }

    public List<Split> splits() {
        return splits;
    }

    public List<Implicit> implicit() {
        return implicit;
    }

    /** Permissions that count for others when held (ACCESS_FINE_LOCATION for ACCESS_COARSE_LOCATION). */
    public List<Satisfies> satisfies() {
        return satisfies;
    }

    public List<ApiFact> apis() {
        return apis;
    }

    public List<ProviderFact> providers() {
        return providers;
    }

    public List<ActionFact> intentActions() {
        return List.copyOf(intentActions.values());
    }

    public List<ActionFact> receiverActions() {
        return List.copyOf(receiverActions.values());
    }

    /** Calls that read a provider through their first {@code Uri} argument ({@code ContentResolver.query}...). */
    public List<MethodRef> providerReads() {
        return providerReads;
    }

    /** Calls that write a provider through their first {@code Uri} argument ({@code ContentResolver.insert}...). */
    public List<MethodRef> providerWrites() {
        return providerWrites;
    }

    /** Calls that start an activity from an {@code Intent}. */
    public List<MethodRef> intentStarts() {
        return intentStarts;
    }

    /** Calls that register a broadcast receiver for an {@code IntentFilter}. */
    public List<MethodRef> receiverRegistrations() {
        return receiverRegistrations;
    }

    // ---------------------------------------------------------------------------------- reading

    private static final class Builder {
        final List<PublishedMap> maps = new ArrayList<>();
        final Map<String, PermissionHistory> history = new HashMap<>();
        final List<Split> splits = new ArrayList<>();
        final List<Implicit> implicit = new ArrayList<>();
        final List<Satisfies> satisfies = new ArrayList<>();
        final List<ApiFact> apis = new ArrayList<>();
        final List<ProviderFact> providers = new ArrayList<>();
        final Map<String, ActionFact> intentActions = new HashMap<>();
        final Map<String, ActionFact> receiverActions = new HashMap<>();
        final List<MethodRef> providerReads = new ArrayList<>();
        final List<MethodRef> providerWrites = new ArrayList<>();
        final List<MethodRef> intentStarts = new ArrayList<>();
        final List<MethodRef> receiverRegistrations = new ArrayList<>();
    }

    private static PermissionFacts fromJson(JsonObject root, String label) {
        CatalogJson.allowOnly(root, Set.of("schema", "about", "maps", "permissions", "splits", "implicit", "satisfies", "apis",
                "providers", "operations", "intentActions", "receiverActions"), label);
        Builder b = new Builder();
        Set<String> mapIds = new HashSet<>();
        each(root, "maps", label, (o, where) -> {
            PublishedMap m = new PublishedMap(CatalogJson.string(o, "id", where), level(o, "apiLevel", where, 0),
                    CatalogJson.string(o, "name", where), CatalogJson.string(o, "where", where),
                    CatalogJson.string(o, "licence", where));
            if (!mapIds.add(m.id())) {
                throw new CatalogException(where + ": map " + m.id() + " listed twice");
            }
            b.maps.add(m);
        });
        each(root, "permissions", label, (o, where) -> {
            String name = CatalogJson.string(o, "name", where);
            PermissionHistory h = new PermissionHistory(name, level(o, "addedIn", where, 0),
                    level(o, "enforcedFromTargetSdk", where, 0), level(o, "legacyForTargetSdkBelow", where, 0),
                    sources(o, where));
            if (h.addedIn() == 0 && h.enforcedFromTargetSdk() == 0 && h.legacyForTargetSdkBelow() == 0) {
                throw new CatalogException(where + ": " + name
                        + " needs addedIn, enforcedFromTargetSdk or legacyForTargetSdkBelow");
            }
            if (b.history.put(name, h) != null) {
                throw new CatalogException(where + ": " + name + " listed twice");
            }
        });
        each(root, "splits", label, (o, where) -> b.splits.add(new Split(CatalogJson.string(o, "from", where),
                CatalogJson.stringList(o, "to", where, true), level(o, "targetSdkBelow", where, 0), sources(o, where))));
        each(root, "implicit", label, (o, where) -> b.implicit.add(new Implicit(level(o, "targetSdkBelow", where, 0),
                CatalogJson.stringList(o, "permissions", where, true), sources(o, where))));
        each(root, "satisfies", label, (o, where) -> b.satisfies.add(new Satisfies(CatalogJson.string(o, "permission", where),
                CatalogJson.stringList(o, "satisfies", where, true), level(o, "fromApi", where, 1), sources(o, where))));
        Set<String> apiKeys = new HashSet<>();
        each(root, "apis", label, (o, where) -> {
            String api = CatalogJson.string(o, "api", where);
            MethodRef.parse(api);
            ArgEquals arg = null;
            if (o.has("argEquals")) {
                JsonObject a = CatalogJson.object(o, "argEquals", where);
                JsonPrimitive v = a.getAsJsonPrimitive("value");
                arg = new ArgEquals(CatalogJson.integer(a.get("arg"), where + ": argEquals.arg"),
                        v != null && v.isNumber() ? (Object) v.getAsLong() : CatalogJson.string(a, "value", where));
            }
            if (!apiKeys.add(api + (arg == null ? "" : " " + arg))) {
                throw new CatalogException(where + ": " + api + (arg == null ? "" : " " + arg) + " listed twice");
            }
            b.apis.add(new ApiFact(api, arg, CatalogJson.string(o, "why", where), boxes(o, "requires", where),
                    CatalogJson.optionalString(o, "note", where), CatalogJson.optionalString(o, "annotationDiffers", where),
                    sources(o, where), crossChecks(o, where, mapIds)));
        });
        Set<String> uris = new HashSet<>();
        each(root, "providers", label, (o, where) -> {
            String uri = CatalogJson.string(o, "uri", where);
            if (!uris.add(uri)) {
                throw new CatalogException(where + ": " + uri + " listed twice");
            }
            b.providers.add(new ProviderFact(uri, boxes(o, "read", where), boxes(o, "write", where),
                    CatalogJson.optionalString(o, "note", where), sources(o, where), crossChecks(o, where, mapIds)));
        });
        JsonObject ops = CatalogJson.object(root, "operations", label);
        b.providerReads.addAll(methods(ops, "providerRead", label + ": operations"));
        b.providerWrites.addAll(methods(ops, "providerWrite", label + ": operations"));
        b.intentStarts.addAll(methods(ops, "intentStart", label + ": operations"));
        b.receiverRegistrations.addAll(methods(ops, "receiverRegistration", label + ": operations"));
        each(root, "intentActions", label, (o, where) -> addAction(b.intentActions, o, where));
        each(root, "receiverActions", label, (o, where) -> addAction(b.receiverActions, o, where));
        return new PermissionFacts(b);
    }

    private interface EntryReader {
        void read(JsonObject entry, String where);
    }

    private static void each(JsonObject root, String key, String label, EntryReader reader) {
        int i = 0;
        for (JsonElement e : CatalogJson.array(root, key, label, true)) {
            String where = label + ": " + key + "[" + i++ + "]";
            CatalogJson.entry(where, () -> reader.read(CatalogJson.object(e, where), where));
        }
    }

    private static void addAction(Map<String, ActionFact> into, JsonObject o, String where) {
        ActionFact f = new ActionFact(CatalogJson.string(o, "action", where), boxes(o, "requires", where), sources(o, where));
        if (into.put(f.action(), f) != null) {
            throw new CatalogException(where + ": " + f.action() + " listed twice");
        }
    }

    private static List<MethodRef> methods(JsonObject o, String key, String where) {
        List<MethodRef> out = new ArrayList<>();
        for (String s : CatalogJson.stringList(o, key, where, true)) {
            out.add(MethodRef.parse(s));
        }
        return out;
    }

    private static int level(JsonObject o, String key, String where, int absent) {
        return o.has(key) ? CatalogJson.integer(o.get(key), where + ": \"" + key + "\"") : absent;
    }

    private static List<String> sources(JsonObject o, String where) {
        List<String> s = CatalogJson.stringList(o, "sources", where, true);
        if (s.isEmpty()) {
            throw new CatalogException(where + ": \"sources\" is empty: every fact names where it comes from");
        }
        return s;
    }

    private static List<Box> boxes(JsonObject o, String key, String where) {
        List<Box> out = new ArrayList<>();
        int i = 0;
        for (JsonElement e : CatalogJson.array(o, key, where, true)) {
            String at = where + " " + key + "[" + i++ + "]";
            JsonObject box = CatalogJson.object(e, at);
            String dependsOn = CatalogJson.optionalString(box, "dependsOn", at);
            List<String> allOf = ApiPermissionCatalog.permissionList(box, "allOf", at);
            List<String> anyOf = ApiPermissionCatalog.permissionList(box, "anyOf", at);
            if (allOf.isEmpty() && anyOf.isEmpty()) {
                throw new CatalogException(at + ": needs allOf or anyOf");
            }
            out.add(CatalogJson.entry(at, () -> new Box(level(box, "fromApi", at, 1), level(box, "toApi", at, OPEN),
                    level(box, "targetSdkFrom", at, 1), level(box, "targetSdkTo", at, OPEN),
                    new PermissionRequirement(allOf, anyOf, dependsOn != null), dependsOn,
                    CatalogJson.optionalString(box, "note", at))));
        }
        return out;
    }

    private static List<CrossCheck> crossChecks(JsonObject o, String where, Set<String> mapIds) {
        List<CrossCheck> out = new ArrayList<>();
        if (!o.has("crossCheck")) {
            return out;
        }
        int i = 0;
        for (JsonElement e : CatalogJson.array(o, "crossCheck", where, true)) {
            String at = where + " crossCheck[" + i++ + "]";
            JsonObject c = CatalogJson.object(e, at);
            String map = CatalogJson.string(c, "map", at);
            if (!mapIds.contains(map)) {
                throw new CatalogException(at + ": unknown map " + map + " (not in \"maps\")");
            }
            boolean agrees = CatalogJson.bool(c, "agrees", at);
            String note = CatalogJson.optionalString(c, "note", at);
            if (!agrees && note == null) {
                throw new CatalogException(at + ": a disagreement needs a note saying why");
            }
            out.add(new CrossCheck(map, CatalogJson.stringList(c, "says", at, true), agrees, note));
        }
        return out;
    }
}
