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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leakscan.program.Supertypes;

/**
 * The supertypes of Android's public framework classes and of the {@code java.*} types apps use,
 * from {@code framework-types.json} (written by
 * {@link org.leakscan.catalog.generate.FrameworkTypesGenerator} from android-all API 34). Apps do
 * not contain these classes, so without this table a call on {@code Lcom/example/MainActivity;}
 * could not be matched to a catalogue entry declared on {@code Landroid/content/Context;}. Hidden
 * supertypes were collapsed away when the file was made, so every name this source returns is
 * itself a key. Immutable and thread-safe.
 */
public final class FrameworkTypes implements Supertypes.Source {

    /** The catalogue's file name, in {@code signatures/} and in a {@code --signatures} directory. */
    public static final String FILE_NAME = "framework-types.json";
    /** The schema name the file must carry. */
    public static final String SCHEMA = "leakscan-framework-types/1";

    private static final String RESOURCE = "/org/leakscan/signatures/" + FILE_NAME;

    private final Map<String, Supertypes> types;
    private final Set<String> interfaces;

    private FrameworkTypes(Map<String, Supertypes> types, Set<String> interfaces) {
        this.types = Map.copyOf(types);
        this.interfaces = Set.copyOf(interfaces);
    }

    /** The table shipped in the jar, parsed once on first use. */
    public static FrameworkTypes loadDefault() {
        return Default.INSTANCE;
    }

    /** The table in {@code directory} when it has a {@value #FILE_NAME}, else the shipped one. */
    public static FrameworkTypes loadFrom(Path directory) {
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
     * Parses a {@code leakscan-framework-types/1} document.
     *
     * @throws IllegalArgumentException when it is not one, naming the first problem
     */
    public static FrameworkTypes load(InputStream in) {
        JsonObject root;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            JsonElement parsed = JsonParser.parseReader(reader);
            if (!parsed.isJsonObject()) {
                throw new IllegalArgumentException("framework types: top level is not an object");
            }
            root = parsed.getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("framework types: malformed JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        JsonElement schema = root.get("schema");
        if (schema == null || !schema.isJsonPrimitive() || !SCHEMA.equals(schema.getAsString())) {
            throw new IllegalArgumentException("framework types: schema is not " + SCHEMA);
        }
        JsonElement typesJson = root.get("types");
        if (typesJson == null || !typesJson.isJsonObject()) {
            throw new IllegalArgumentException("framework types: no \"types\" object");
        }
        Map<String, Supertypes> types = new HashMap<>();
        Set<String> interfaces = new HashSet<>();
        for (Map.Entry<String, JsonElement> e : typesJson.getAsJsonObject().entrySet()) {
            String type = e.getKey();
            requireClassDescriptor(type, type);
            if (!e.getValue().isJsonObject()) {
                throw new IllegalArgumentException("framework types: " + type + " is not an object");
            }
            try {
                addType(type, e.getValue().getAsJsonObject(), types, interfaces);
            } catch (IllegalStateException | UnsupportedOperationException | ClassCastException ex) {
                throw new IllegalArgumentException("framework types: " + type + ": wrong JSON type: " + ex.getMessage(), ex);
            }
        }
        return new FrameworkTypes(types, interfaces);
    }

    private static void addType(String type, JsonObject entry, Map<String, Supertypes> types, Set<String> interfaces) {
        {
            String superType = null;
            if (entry.has("super")) {
                superType = ApiPermissionCatalog.string(entry.get("super"), "framework types: " + type + " super");
                requireClassDescriptor(superType, type);
            }
            List<String> supers = new ArrayList<>();
            if (entry.has("interfaces")) {
                for (JsonElement i : entry.getAsJsonArray("interfaces")) {
                    String name = ApiPermissionCatalog.string(i, "framework types: " + type + " interfaces");
                    requireClassDescriptor(name, type);
                    supers.add(name);
                }
            }
            if (entry.has("interface") && ApiPermissionCatalog.bool(entry.get("interface"), "framework types: " + type + " interface")) {
                interfaces.add(type);
            }
            types.put(type, new Supertypes(superType, supers));
        }
    }

    private static void requireClassDescriptor(String name, String where) {
        if (name.length() < 3 || name.charAt(0) != 'L' || name.charAt(name.length() - 1) != ';') {
            throw new IllegalArgumentException("framework types: " + where + ": not a class descriptor: " + name);
        }
    }

    /** The direct supertypes of {@code type} (a descriptor), or null when it is not a framework type. */
    @Override
    public Supertypes of(String type) {
        return types.get(type);
    }

    /** True when {@code type} is a public framework or libcore type in the table. */
    public boolean contains(String type) {
        return types.containsKey(type);
    }

    /** True when {@code type} is a framework interface (or annotation type). */
    public boolean isInterface(String type) {
        return interfaces.contains(type);
    }

    /** Number of types. */
    public int size() {
        return types.size();
    }

    /** Lazy holder: the JVM runs the initialiser once, on first use, without locking afterwards. */
    private static final class Default {
        static final FrameworkTypes INSTANCE = loadResource();

        private static FrameworkTypes loadResource() {
            try (InputStream in = FrameworkTypes.class.getResourceAsStream(RESOURCE)) {
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
