package org.leakscan.catalog;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Platform permissions from {@code permissions.json}: protection level and runtime group of every
 * permission Android defines (generated from the platform manifest by
 * {@link org.leakscan.catalog.generate.PermissionsGenerator}). Immutable; lookups by full name.
 */
public final class PermissionCatalog {

    public static final String FILE_NAME = "permissions.json";
    public static final String SCHEMA = "leakscan-permissions/1";
    /** What {@link #load(InputStream)} calls the document in errors; a file is named by its name or path. */
    private static final String LABEL = "permissions";
    private static final CatalogJson.CatalogFile<PermissionCatalog> FILE =
            new CatalogJson.CatalogFile<>(FILE_NAME, SCHEMA, PermissionCatalog::fromJson);

    /** One platform permission. {@code group} is null when it belongs to no runtime group. */
    public record Permission(String name, String protection, String group) {

        /** True for runtime ("dangerous") permissions. */
        public boolean isDangerous() {
            return protection.split("\\|")[0].equals("dangerous");
        }
    }

    private final Map<String, Permission> byName;

    private PermissionCatalog(Map<String, Permission> byName) {
        this.byName = Map.copyOf(byName);
    }

    /**
     * The catalogue shipped in the jar, parsed once on first use.
     *
     * @throws CatalogException when the shipped file is missing or invalid (a build error)
     */
    public static PermissionCatalog loadDefault() {
        return FILE.shipped();
    }

    /**
     * The catalogue in {@code directory} when it has a {@value #FILE_NAME}, else the shipped one.
     *
     * @throws CatalogException when the file cannot be read or is not valid
     */
    public static PermissionCatalog loadFrom(Path directory) {
        return FILE.loadFrom(directory);
    }

    /**
     * Parses a {@code leakscan-permissions/1} document; errors start with {@code permissions}.
     * Does not close {@code in}.
     *
     * @throws CatalogException when it is not one, naming the first problem
     */
    public static PermissionCatalog load(InputStream in) {
        return FILE.load(in, LABEL);
    }

    /** Builds the catalogue from a schema-checked root; errors start with {@code label}. */
    private static PermissionCatalog fromJson(JsonObject root, String label) {
        Map<String, Permission> byName = new HashMap<>();
        int index = 0;
        for (JsonElement e : CatalogJson.array(root, "permissions", label, true)) {
            String where = label + ": permissions[" + index++ + "]";
            if (!e.isJsonObject() || !e.getAsJsonObject().has("name") || !e.getAsJsonObject().has("protection")) {
                throw new CatalogException(where + ": needs \"name\" and \"protection\"");
            }
            JsonObject o = e.getAsJsonObject();
            String name = CatalogJson.string(o, "name", where);
            String protection = CatalogJson.string(o, "protection", where);
            String group = CatalogJson.optionalString(o, "group", where);
            if (byName.put(name, new Permission(name, protection, group)) != null) {
                throw new CatalogException(where + ": " + name + " listed twice");
            }
        }
        return new PermissionCatalog(byName);
    }

    /** The platform permission with this name, or null when the platform does not define it. */
    public Permission permission(String name) {
        return byName.get(name);
    }

    public int size() {
        return byName.size();
    }
}
