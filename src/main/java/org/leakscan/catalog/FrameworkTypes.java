package org.leakscan.catalog;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.InputStream;
import java.nio.file.Path;
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

    /** What {@link #load(InputStream)} calls the document in errors; a file is named by its name or path. */
    private static final String LABEL = "framework types";
    private static final CatalogJson.CatalogFile<FrameworkTypes> FILE =
            new CatalogJson.CatalogFile<>(FILE_NAME, SCHEMA, FrameworkTypes::fromJson);

    private final Map<String, Supertypes> types;
    private final Set<String> interfaces;

    private FrameworkTypes(Map<String, Supertypes> types, Set<String> interfaces) {
        this.types = Map.copyOf(types);
        this.interfaces = Set.copyOf(interfaces);
    }

    /**
     * The table shipped in the jar, parsed once on first use.
     *
     * @throws CatalogException when the shipped file is missing or invalid (a build error)
     */
    public static FrameworkTypes loadDefault() {
        return FILE.shipped();
    }

    /**
     * The table in {@code directory} when it has a {@value #FILE_NAME}, else the shipped one.
     *
     * @throws CatalogException when the file cannot be read or is not valid
     */
    public static FrameworkTypes loadFrom(Path directory) {
        return FILE.loadFrom(directory);
    }

    /**
     * Parses a {@code leakscan-framework-types/1} document; errors start with
     * {@code framework types}. Does not close {@code in}.
     *
     * @throws CatalogException when it is not one, naming the first problem
     */
    public static FrameworkTypes load(InputStream in) {
        return FILE.load(in, LABEL);
    }

    /** Builds the table from a schema-checked root; errors start with {@code label}. */
    private static FrameworkTypes fromJson(JsonObject root, String label) {
        Map<String, Supertypes> types = new HashMap<>();
        Set<String> interfaces = new HashSet<>();
        for (Map.Entry<String, JsonElement> e : CatalogJson.object(root, "types", label).entrySet()) {
            String type = e.getKey();
            String where = label + ": " + type;
            requireClassDescriptor(type, where);
            JsonObject entry = CatalogJson.object(e.getValue(), where);
            String superType = CatalogJson.optionalString(entry, "super", where);
            if (superType != null) {
                requireClassDescriptor(superType, where);
            }
            List<String> supers = CatalogJson.stringList(entry, "interfaces", where, false);
            supers.forEach(name -> requireClassDescriptor(name, where));
            if (CatalogJson.optionalBoolean(entry, "interface", where)) {
                interfaces.add(type);
            }
            types.put(type, new Supertypes(superType, supers));
        }
        return new FrameworkTypes(types, interfaces);
    }

    private static void requireClassDescriptor(String name, String where) {
        if (name.length() < 3 || name.charAt(0) != 'L' || name.charAt(name.length() - 1) != ';') {
            throw new CatalogException(where + ": not a class descriptor: " + name);
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
}
