package org.leakscan.catalog;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.leakscan.program.FieldRef;
import org.leakscan.program.MethodRef;

/**
 * The API to permission map from {@code api-permissions.json}: which permissions a public framework
 * method or field requires, as AOSP's own {@code @RequiresPermission} annotations say (written by
 * {@link org.leakscan.catalog.generate.ApiPermissionGenerator} from android-all API 34).
 *
 * <p>Lookups are exact, on the declaring type: a call site's owner should first be resolved up
 * the hierarchy (see {@link FrameworkTypes}). A missing entry means "no annotation", not "no
 * permission": service-side and native checks are not annotated. Immutable and thread-safe.
 */
public final class ApiPermissionCatalog {

    /** The catalogue's file name, in {@code signatures/} and in a {@code --signatures} directory. */
    public static final String FILE_NAME = "api-permissions.json";
    /** The schema name the file must carry. */
    public static final String SCHEMA = "leakscan-api-permissions/1";

    /** What {@link #load(InputStream)} calls the document in errors; a file is named by its name or path. */
    private static final String LABEL = "api permissions";
    private static final CatalogJson.CatalogFile<ApiPermissionCatalog> FILE =
            new CatalogJson.CatalogFile<>(FILE_NAME, SCHEMA, ApiPermissionCatalog::fromJson);

    private final Map<String, PermissionRequirement> methods;
    private final Map<String, FieldPermissions> fields;
    private final Set<String> permissions;
    private final Set<String> methodSignatures;
    private final Set<String> methodNames;

    private ApiPermissionCatalog(Map<String, PermissionRequirement> methods, Map<String, FieldPermissions> fields) {
        this.methods = Map.copyOf(methods);
        this.fields = Map.copyOf(fields);
        TreeSet<String> names = new TreeSet<>();
        methods.values().forEach(r -> names.addAll(r.permissions()));
        for (FieldPermissions f : fields.values()) {
            for (PermissionRequirement r : new PermissionRequirement[] {f.access(), f.read(), f.write()}) {
                if (r != null) {
                    names.addAll(r.permissions());
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
    public boolean mayNeedPermission(org.leakscan.program.MethodRef call) {
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
     * Parses a {@code leakscan-api-permissions/1} document; errors start with
     * {@code api permissions}. Does not close {@code in}.
     *
     * @throws CatalogException when it is not one, naming the first problem
     */
    public static ApiPermissionCatalog load(InputStream in) {
        return FILE.load(in, LABEL);
    }

    /** Builds the map from a schema-checked root; errors start with {@code label}. */
    private static ApiPermissionCatalog fromJson(JsonObject root, String label) {
        Map<String, PermissionRequirement> methods = new HashMap<>();
        Map<String, FieldPermissions> fields = new HashMap<>();
        int index = 0;
        for (JsonElement element : CatalogJson.array(root, "apis", label, true)) {
            String where = label + ": apis[" + index++ + "]";
            CatalogJson.entry(where, () -> addEntry(CatalogJson.object(element, where), where, methods, fields));
        }
        return new ApiPermissionCatalog(methods, fields);
    }

    private static void addEntry(JsonObject entry, String where, Map<String, PermissionRequirement> methods,
            Map<String, FieldPermissions> fields) {
        String api = CatalogJson.string(entry, "api", where);
        int arrow = api.indexOf("->");
        if (!api.startsWith("L") || arrow < 0 || api.charAt(arrow - 1) != ';') {
            throw new CatalogException(where + ": not a DEX member descriptor: " + api);
        }
        PermissionRequirement access = requirement(entry, where + " " + api);
        PermissionRequirement read = entry.has("read")
                ? requirement(CatalogJson.object(entry, "read", where), where + " read") : null;
        PermissionRequirement write = entry.has("write")
                ? requirement(CatalogJson.object(entry, "write", where), where + " write") : null;
        boolean isMethod = api.indexOf('(', arrow) > 0;
        if (isMethod) {
            MethodRef.parse(api);
            if (access == null || read != null || write != null) {
                throw new CatalogException(where + ": a method entry needs allOf or anyOf, and no read/write: " + api);
            }
            if (methods.put(api, access) != null) {
                throw new CatalogException(where + ": duplicate entry " + api);
            }
        } else {
            FieldRef.parse(api);
            if (access == null && read == null && write == null) {
                throw new CatalogException(where + ": a field entry needs allOf, anyOf, read or write: " + api);
            }
            if (fields.put(api, new FieldPermissions(access, read, write)) != null) {
                throw new CatalogException(where + ": duplicate entry " + api);
            }
        }
    }

    /** The requirement stated by {@code allOf}/{@code anyOf}/{@code conditional} in {@code o}, or null. */
    private static PermissionRequirement requirement(JsonObject o, String where) {
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
    private static List<String> permissionList(JsonObject o, String key, String where) {
        List<String> names = CatalogJson.stringList(o, key, where, false);
        if (o.has(key) && names.isEmpty()) {
            throw new CatalogException(where + ": \"" + key + "\" is empty");
        }
        return names;
    }

    /**
     * The requirement of the method {@code ownerType->nameAndDescriptor}, or null when it carries none.
     *
     * @param ownerType         declaring type, e.g. {@code Landroid/telephony/TelephonyManager;}
     * @param nameAndDescriptor e.g. {@code getLine1Number()Ljava/lang/String;}
     */
    public PermissionRequirement permissionsFor(String ownerType, String nameAndDescriptor) {
        return methods.get(ownerType + "->" + nameAndDescriptor);
    }

    /** The requirement of {@code method} as declared on its owner, or null. */
    public PermissionRequirement permissionsFor(MethodRef method) {
        return permissionsFor(method.owner(), method.signature());
    }

    /**
     * The permissions of the field {@code ownerType->nameAndType}, or null when it carries none.
     *
     * @param nameAndType e.g. {@code ACTION_PHONE_STATE_CHANGED:Ljava/lang/String;}
     */
    public FieldPermissions fieldPermissionsFor(String ownerType, String nameAndType) {
        return fields.get(ownerType + "->" + nameAndType);
    }

    /** The permissions of {@code field} as declared on its owner, or null. */
    public FieldPermissions permissionsFor(FieldRef field) {
        return fieldPermissionsFor(field.owner(), field.name() + ":" + field.type());
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
