package org.leakscan.catalog;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.leakscan.program.FieldRef;
import org.leakscan.program.MethodRef;

/**
 * The API to permission map from {@code api-permissions.json}: which permissions a public framework
 * method or field requires at each API level, as AOSP's own {@code @RequiresPermission} annotations
 * say in the releases read (written by {@link org.leakscan.catalog.generate.ApiPermissionGenerator}).
 *
 * <p>Lookups are exact, on the declaring type: a call site's owner should first be resolved up
 * the hierarchy (see {@link FrameworkTypes}). A missing entry means "no annotation", not "no
 * permission": service-side and native checks are not annotated (see {@link PermissionFacts}).
 * Levels below the oldest one read are not covered by the file. Immutable and thread-safe.
 */
public final class ApiPermissionCatalog {

    /** The catalogue's file name, in {@code signatures/} and in a {@code --signatures} directory. */
    public static final String FILE_NAME = "api-permissions.json";
    /** The schema name the file must carry. */
    public static final String SCHEMA = "leakscan-api-permissions/2";

    /** What {@link #load(InputStream)} calls the document in errors; a file is named by its name or path. */
    private static final String LABEL = "api permissions";
    private static final CatalogJson.CatalogFile<ApiPermissionCatalog> FILE =
            new CatalogJson.CatalogFile<>(FILE_NAME, SCHEMA, ApiPermissionCatalog::fromJson);

    private final Map<String, List<LevelRange<PermissionRequirement>>> methods;
    private final Map<String, List<LevelRange<FieldPermissions>>> fields;
    private final Map<String, Integer> since;
    private final Map<String, PlatformPermission> platformPermissions;
    private final List<Integer> levels;
    private final Set<String> permissions;
    private final Set<String> methodSignatures;
    private final Set<String> methodNames;

    /**
     * A platform permission as the platform manifests read define it.
     *
     * @param addedIn    the first API level that defines it; 0 when the oldest manifest read does
     * @param protection its protection level in the newest manifest that defines it
     */
    public record PlatformPermission(String name, int addedIn, String protection) {
    }

    private ApiPermissionCatalog(Map<String, List<LevelRange<PermissionRequirement>>> methods,
                                 Map<String, List<LevelRange<FieldPermissions>>> fields, Map<String, Integer> since,
                                 Map<String, PlatformPermission> platformPermissions, List<Integer> levels) {
        this.methods = Map.copyOf(methods);
        this.fields = Map.copyOf(fields);
        this.since = Map.copyOf(since);
        this.platformPermissions = Map.copyOf(platformPermissions);
        this.levels = List.copyOf(levels);
        TreeSet<String> names = new TreeSet<>();
        methods.values().forEach(l -> l.forEach(r -> names.addAll(r.value().permissions())));
        for (List<LevelRange<FieldPermissions>> l : fields.values()) {
            for (LevelRange<FieldPermissions> range : l) {
                FieldPermissions f = range.value();
                for (PermissionRequirement r : new PermissionRequirement[] {f.access(), f.read(), f.write()}) {
                    if (r != null) {
                        names.addAll(r.permissions());
                    }
                }
            }
        }
        this.permissions = java.util.Collections.unmodifiableSortedSet(names);
        Set<String> signatures = new java.util.HashSet<>();
        methods.keySet().forEach(k -> signatures.add(k.substring(k.indexOf("->") + 2)));
        this.methodSignatures = Set.copyOf(signatures);
        this.methodNames = Set.copyOf(signatures.stream().map(sig -> sig.substring(0, sig.indexOf('('))).toList());
    }

    /**
     * False when no class can declare a method with this call's name and descriptor that needs a
     * permission, so a resolver need not walk the hierarchy for it (name first: no new string).
     */
    public boolean mayNeedPermission(MethodRef call) {
        return methodNames.contains(call.name()) && methodSignatures.contains(call.signature());
    }

    /**
     * The map shipped in the jar, parsed once on first use.
     *
     * @throws CatalogException when the shipped file is missing or invalid (a build error)
     */
    public static ApiPermissionCatalog loadDefault() {
        return FILE.shipped();
    }

    /**
     * The map in {@code directory} when it has a {@value #FILE_NAME}, else the shipped one.
     *
     * @throws CatalogException when the file cannot be read or is not valid
     */
    public static ApiPermissionCatalog loadFrom(Path directory) {
        return FILE.loadFrom(directory);
    }

    /**
     * Parses a {@code leakscan-api-permissions/2} document; errors start with
     * {@code api permissions}. Does not close {@code in}.
     *
     * @throws CatalogException when it is not one, naming the first problem
     */
    public static ApiPermissionCatalog load(InputStream in) {
        return FILE.load(in, LABEL);
    }

    /** Builds the map from a schema-checked root; errors start with {@code label}. */
    private static ApiPermissionCatalog fromJson(JsonObject root, String label) {
        JsonObject source = CatalogJson.object(root, "source", label);
        List<Integer> levels = new ArrayList<>();
        int i = 0;
        for (JsonElement l : CatalogJson.array(source, "levels", label + ": source", true)) {
            String where = label + ": source.levels[" + i++ + "]";
            int level = CatalogJson.integer(CatalogJson.object(l, where).get("apiLevel"), where + ": \"apiLevel\"");
            if (!levels.isEmpty() && level <= levels.get(levels.size() - 1)) {
                throw new CatalogException(where + ": levels must be in ascending order");
            }
            levels.add(level);
        }
        if (levels.isEmpty()) {
            throw new CatalogException(label + ": source.levels is empty");
        }
        Map<String, List<LevelRange<PermissionRequirement>>> methods = new HashMap<>();
        Map<String, List<LevelRange<FieldPermissions>>> fields = new HashMap<>();
        Map<String, Integer> since = new HashMap<>();
        int index = 0;
        for (JsonElement element : CatalogJson.array(root, "apis", label, true)) {
            String where = label + ": apis[" + index++ + "]";
            CatalogJson.entry(where, () -> addEntry(CatalogJson.object(element, where), where, methods, fields, since));
        }
        Map<String, PlatformPermission> platform = new HashMap<>();
        index = 0;
        for (JsonElement element : CatalogJson.array(root, "permissions", label, true)) {
            String where = label + ": permissions[" + index++ + "]";
            JsonObject o = CatalogJson.object(element, where);
            String name = CatalogJson.string(o, "name", where);
            int added = o.has("addedIn") ? CatalogJson.integer(o.get("addedIn"), where + ": \"addedIn\"") : 0;
            if (platform.put(name, new PlatformPermission(name, added, CatalogJson.string(o, "protection", where))) != null) {
                throw new CatalogException(where + ": " + name + " listed twice");
            }
        }
        return new ApiPermissionCatalog(methods, fields, since, platform, levels);
    }

    private static void addEntry(JsonObject entry, String where, Map<String, List<LevelRange<PermissionRequirement>>> methods,
            Map<String, List<LevelRange<FieldPermissions>>> fields, Map<String, Integer> since) {
        CatalogJson.allowOnly(entry, Set.of("api", "since", "levels"), where);
        String api = CatalogJson.string(entry, "api", where);
        if (entry.has("since")) {
            since.put(api, CatalogJson.integer(entry.get("since"), where + ": \"since\""));
        }
        int arrow = api.indexOf("->");
        if (!api.startsWith("L") || arrow < 0 || api.charAt(arrow - 1) != ';') {
            throw new CatalogException(where + ": not a DEX member descriptor: " + api);
        }
        boolean isMethod = api.indexOf('(', arrow) > 0;
        if (isMethod) {
            MethodRef.parse(api);
        } else {
            FieldRef.parse(api);
        }
        List<LevelRange<PermissionRequirement>> methodRanges = new ArrayList<>();
        List<LevelRange<FieldPermissions>> fieldRanges = new ArrayList<>();
        int previousTo = 0;
        int i = 0;
        for (JsonElement e : CatalogJson.array(entry, "levels", where, true)) {
            String at = where + " " + api + " levels[" + i++ + "]";
            JsonObject range = CatalogJson.object(e, at);
            int from = CatalogJson.integer(range.get("from"), at + ": \"from\"");
            int to = range.has("to") ? CatalogJson.integer(range.get("to"), at + ": \"to\"") : LevelRange.OPEN;
            if (from <= previousTo || to < from) {
                throw new CatalogException(at + ": ranges must be ascending and not overlap");
            }
            if (previousTo == LevelRange.OPEN) {
                throw new CatalogException(at + ": a range follows an open one");
            }
            previousTo = to;
            PermissionRequirement access = requirement(range, at);
            PermissionRequirement read = range.has("read") ? requirement(CatalogJson.object(range, "read", at), at + " read") : null;
            PermissionRequirement write = range.has("write")
                    ? requirement(CatalogJson.object(range, "write", at), at + " write") : null;
            if (isMethod) {
                if (access == null || read != null || write != null) {
                    throw new CatalogException(at + ": a method range needs allOf or anyOf, and no read/write");
                }
                methodRanges.add(new LevelRange<>(from, to, access));
            } else {
                if (access == null && read == null && write == null) {
                    throw new CatalogException(at + ": a field range needs allOf, anyOf, read or write");
                }
                fieldRanges.add(new LevelRange<>(from, to, new FieldPermissions(access, read, write)));
            }
        }
        if (methodRanges.isEmpty() && fieldRanges.isEmpty()) {
            throw new CatalogException(where + ": \"levels\" is empty");
        }
        boolean duplicate = isMethod ? methods.put(api, List.copyOf(methodRanges)) != null
                : fields.put(api, List.copyOf(fieldRanges)) != null;
        if (duplicate) {
            throw new CatalogException(where + ": duplicate entry " + api);
        }
    }

    /** The requirement stated by {@code allOf}/{@code anyOf}/{@code conditional} in {@code o}, or null. */
    static PermissionRequirement requirement(JsonObject o, String where) {
        List<String> allOf = permissionList(o, "allOf", where);
        List<String> anyOf = permissionList(o, "anyOf", where);
        boolean conditional = CatalogJson.optionalBoolean(o, "conditional", where);
        if (allOf.isEmpty() && anyOf.isEmpty()) {
            if (conditional) {
                throw new CatalogException(where + ": conditional without permissions");
            }
            return null;
        }
        return new PermissionRequirement(allOf, anyOf, conditional);
    }

    /** The optional list {@code key}; when written, it is not empty. */
    static List<String> permissionList(JsonObject o, String key, String where) {
        List<String> names = CatalogJson.stringList(o, key, where, false);
        if (o.has(key) && names.isEmpty()) {
            throw new CatalogException(where + ": \"" + key + "\" is empty");
        }
        return names;
    }

    /**
     * What the method {@code ownerType->nameAndDescriptor} requires, range by range (oldest first);
     * empty when no level read annotates it.
     *
     * @param ownerType         declaring type, e.g. {@code Landroid/telephony/TelephonyManager;}
     * @param nameAndDescriptor e.g. {@code getLine1Number()Ljava/lang/String;}
     */
    public List<LevelRange<PermissionRequirement>> levelsFor(String ownerType, String nameAndDescriptor) {
        return methods.getOrDefault(ownerType + "->" + nameAndDescriptor, List.of());
    }

    /**
     * The requirement of the method {@code ownerType->nameAndDescriptor} at the newest level read,
     * or null when it carries none there.
     */
    public PermissionRequirement permissionsFor(String ownerType, String nameAndDescriptor) {
        List<LevelRange<PermissionRequirement>> ranges = levelsFor(ownerType, nameAndDescriptor);
        if (ranges.isEmpty() || !ranges.get(ranges.size() - 1).isOpen()) {
            return null;
        }
        return ranges.get(ranges.size() - 1).value();
    }

    /** The requirement of {@code method} as declared on its owner at the newest level read, or null. */
    public PermissionRequirement permissionsFor(MethodRef method) {
        return permissionsFor(method.owner(), method.signature());
    }

    /** What the field {@code ownerType->nameAndType} requires, range by range; empty when none. */
    public List<LevelRange<FieldPermissions>> fieldLevelsFor(String ownerType, String nameAndType) {
        return fields.getOrDefault(ownerType + "->" + nameAndType, List.of());
    }

    /**
     * The permissions of the field {@code ownerType->nameAndType} at the newest level read, or null.
     *
     * @param nameAndType e.g. {@code ACTION_PHONE_STATE_CHANGED:Ljava/lang/String;}
     */
    public FieldPermissions fieldPermissionsFor(String ownerType, String nameAndType) {
        List<LevelRange<FieldPermissions>> ranges = fieldLevelsFor(ownerType, nameAndType);
        if (ranges.isEmpty() || !ranges.get(ranges.size() - 1).isOpen()) {
            return null;
        }
        return ranges.get(ranges.size() - 1).value();
    }

    /** The permissions of {@code field} as declared on its owner at the newest level read, or null. */
    public FieldPermissions permissionsFor(FieldRef field) {
        return fieldPermissionsFor(field.owner(), field.name() + ":" + field.type());
    }

    /**
     * The first API level read whose framework has the method {@code ownerType->nameAndDescriptor}
     * (for a method or field with an entry); 1 when the oldest level read had it already.
     */
    public int since(String ownerType, String nameAndDescriptor) {
        return since.getOrDefault(ownerType + "->" + nameAndDescriptor, 1);
    }

    /** The platform permission of this name as the manifests read define it, or null. */
    public PlatformPermission platformPermission(String name) {
        return platformPermissions.get(name);
    }

    /** The API levels read, ascending. */
    public List<Integer> levels() {
        return levels;
    }

    /** The oldest API level read; the map says nothing about levels below it. */
    public int oldestLevel() {
        return levels.get(0);
    }

    /** The newest API level read. */
    public int newestLevel() {
        return levels.get(levels.size() - 1);
    }

    /** Every permission name the map mentions, sorted. */
    public Set<String> permissions() {
        return permissions;
    }

    /** Number of entries, methods and fields. */
    public int size() {
        return methods.size() + fields.size();
    }

    /** Number of method entries. */
    public int methodCount() {
        return methods.size();
    }

    /** Number of field entries. */
    public int fieldCount() {
        return fields.size();
    }
}
