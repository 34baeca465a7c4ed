package org.leakscan.catalog;

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
    private static final String RESOURCE = "/org/leakscan/signatures/" + FILE_NAME;

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

    private static final class Default {
        static final PermissionCatalog INSTANCE = loadResource();

        private static PermissionCatalog loadResource() {
            try (InputStream in = PermissionCatalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the jar");
                }
                return load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The catalogue shipped in the jar, parsed once on first use. */
    public static PermissionCatalog loadDefault() {
        return Default.INSTANCE;
    }

    /** The catalogue in {@code directory} when it has a {@value #FILE_NAME}, else the shipped one. */
    public static PermissionCatalog loadFrom(Path directory) {
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
     * Parses a {@code leakscan-permissions/1} document.
     *
     * @throws IllegalArgumentException when it is not one, naming the first problem
     */
    public static PermissionCatalog load(InputStream in) {
        JsonObject root;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            JsonElement parsed = JsonParser.parseReader(reader);
            if (!parsed.isJsonObject()) {
                throw new IllegalArgumentException("permissions: top level is not an object");
            }
            root = parsed.getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("permissions: malformed JSON: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        JsonElement schema = root.get("schema");
        if (schema == null || !schema.isJsonPrimitive() || !SCHEMA.equals(schema.getAsString())) {
            throw new IllegalArgumentException("permissions: schema is not " + SCHEMA);
        }
        JsonElement list = root.get("permissions");
        if (list == null || !list.isJsonArray()) {
            throw new IllegalArgumentException("permissions: no \"permissions\" array");
        }
        Map<String, Permission> byName = new HashMap<>();
        int index = 0;
        for (JsonElement e : list.getAsJsonArray()) {
            String where = "permissions: permissions[" + index++ + "]";
            if (!e.isJsonObject() || !e.getAsJsonObject().has("name") || !e.getAsJsonObject().has("protection")) {
                throw new IllegalArgumentException(where + ": needs \"name\" and \"protection\"");
            }
            JsonObject o = e.getAsJsonObject();
            String name = o.get("name").getAsString();
            String group = o.has("group") ? o.get("group").getAsString() : null;
            if (byName.put(name, new Permission(name, o.get("protection").getAsString(), group)) != null) {
                throw new IllegalArgumentException(where + ": " + name + " listed twice");
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
