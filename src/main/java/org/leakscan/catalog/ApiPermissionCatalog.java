package org.leakscan.catalog;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    private static final String RESOURCE = "/org/leakscan/signatures/" + FILE_NAME;

    private final Map<String, PermissionRequirement> methods;
    private final Map<String, FieldPermissions> fields;
    private final Set<String> permissions;

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
    }

    /** The map shipped in the jar, parsed once on first use. */
    public static ApiPermissionCatalog loadDefault() {
        return Default.INSTANCE;
    }

    /** The map in {@code directory} when it has a {@value #FILE_NAME}, else the shipped one. */
    public static ApiPermissionCatalog loadFrom(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return loadDefault();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a {@code leakscan-api-permissions/1} document.
     *
     * @throws IllegalArgumentException when it is not one, naming the first problem
     */
    public static ApiPermissionCatalog load(InputStream in) {
        JsonObject root;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            JsonElement parsed = JsonParser.parseReader(reader);
            if (!parsed.isJsonObject()) {
                throw new IllegalArgumentException("api permissions: top level is not an object");
            }
            root = parsed.getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("api permissions: malformed JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        JsonElement schema = root.get("schema");
        if (schema == null || !schema.isJsonPrimitive() || !SCHEMA.equals(schema.getAsString())) {
            throw new IllegalArgumentException("api permissions: schema is not " + SCHEMA);
        }
        JsonElement apis = root.get("apis");
        if (apis == null || !apis.isJsonArray()) {
            throw new IllegalArgumentException("api permissions: no \"apis\" array");
        }
        Map<String, PermissionRequirement> methods = new HashMap<>();
        Map<String, FieldPermissions> fields = new HashMap<>();
        int index = 0;
        for (JsonElement element : apis.getAsJsonArray()) {
            String where = "api permissions: apis[" + index++ + "]";
            try {
                addEntry(element, where, methods, fields);
            } catch (IllegalStateException | UnsupportedOperationException | ClassCastException e) {
                throw new IllegalArgumentException(where + ": wrong JSON type: " + e.getMessage(), e);
            }
        }
        return new ApiPermissionCatalog(methods, fields);
    }

    private static void addEntry(JsonElement element, String where, Map<String, PermissionRequirement> methods,
            Map<String, FieldPermissions> fields) {
        {
            if (!element.isJsonObject() || !element.getAsJsonObject().has("api")) {
                throw new IllegalArgumentException(where + ": not an object with \"api\"");
            }
            JsonObject entry = element.getAsJsonObject();
            String api = string(entry.get("api"), where + " api");
            int arrow = api.indexOf("->");
            if (!api.startsWith("L") || arrow < 0 || api.charAt(arrow - 1) != ';') {
                throw new IllegalArgumentException(where + ": not a DEX member descriptor: " + api);
            }
            PermissionRequirement access = requirement(entry, where + " " + api);
            PermissionRequirement read = entry.has("read") ? requirement(object(entry, "read", where), where + " read") : null;
            PermissionRequirement write = entry.has("write") ? requirement(object(entry, "write", where), where + " write") : null;
            boolean isMethod = api.indexOf('(', arrow) > 0;
            if (isMethod) {
                MethodRef.parse(api);
                if (access == null || read != null || write != null) {
                    throw new IllegalArgumentException(where + ": a method entry needs allOf or anyOf, and no read/write: " + api);
                }
                if (methods.put(api, access) != null) {
                    throw new IllegalArgumentException(where + ": duplicate entry " + api);
                }
            } else {
                FieldRef.parse(api);
                if (access == null && read == null && write == null) {
                    throw new IllegalArgumentException(where + ": a field entry needs allOf, anyOf, read or write: " + api);
                }
                if (fields.put(api, new FieldPermissions(access, read, write)) != null) {
                    throw new IllegalArgumentException(where + ": duplicate entry " + api);
                }
            }
        }
    }

    private static JsonObject object(JsonObject entry, String key, String where) {
        JsonElement value = entry.get(key);
        if (!value.isJsonObject()) {
            throw new IllegalArgumentException(where + ": \"" + key + "\" is not an object");
        }
        return value.getAsJsonObject();
    }

    /** The requirement stated by {@code allOf}/{@code anyOf}/{@code conditional} in {@code o}, or null. */
    private static PermissionRequirement requirement(JsonObject o, String where) {
        List<String> allOf = strings(o, "allOf", where);
        List<String> anyOf = strings(o, "anyOf", where);
        boolean conditional = o.has("conditional") && bool(o.get("conditional"), where + " conditional");
        if (allOf.isEmpty() && anyOf.isEmpty()) {
            if (conditional) {
                throw new IllegalArgumentException(where + ": conditional without permissions");
            }
            return null;
        }
        return new PermissionRequirement(allOf, anyOf, conditional);
    }

    private static List<String> strings(JsonObject o, String key, String where) {
        if (!o.has(key)) {
            return List.of();
        }
        if (!o.get(key).isJsonArray()) {
            throw new IllegalArgumentException(where + ": \"" + key + "\" is not an array");
        }
        JsonArray array = o.getAsJsonArray(key);
        if (array.isEmpty()) {
            throw new IllegalArgumentException(where + ": \"" + key + "\" is empty");
        }
        List<String> out = new ArrayList<>(array.size());
        for (JsonElement e : array) {
            out.add(string(e, where + " " + key));
        }
        return out;
    }

    static String string(JsonElement e, String where) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(where + ": not a string");
        }
        return e.getAsString();
    }

    static boolean bool(JsonElement e, String where) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException(where + ": not a boolean");
        }
        return e.getAsBoolean();
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

    /** Lazy holder: the JVM runs the initialiser once, on first use, without locking afterwards. */
    private static final class Default {
        static final ApiPermissionCatalog INSTANCE = loadResource();

        private static ApiPermissionCatalog loadResource() {
            try (InputStream in = ApiPermissionCatalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                return load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
