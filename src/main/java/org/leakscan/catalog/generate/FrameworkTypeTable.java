package org.leakscan.catalog.generate;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The framework class hierarchy as generated, before it is written to {@code framework-types.json}.
 *
 * @param source where it came from and how many classes each filter kept
 * @param types  every public SDK type by descriptor, sorted
 */
public record FrameworkTypeTable(Source source, SortedMap<String, TypeEntry> types) {

    /** The schema name written into the file. */
    public static final String SCHEMA = "leakscan-framework-types/1";

    public FrameworkTypeTable {
        types = Collections.unmodifiableSortedMap(new TreeMap<>(types));
    }

    /**
     * The direct supertypes of one type, hidden ones collapsed away.
     *
     * @param superType  descriptor of the nearest public SDK superclass; null only for {@code java.lang.Object}
     * @param interfaces descriptors of the public SDK interfaces it implements directly or through a
     *                   collapsed hidden supertype, sorted
     * @param isInterface true for interfaces (and annotation types)
     */
    public record TypeEntry(String superType, List<String> interfaces, boolean isInterface) {
        public TypeEntry {
            interfaces = List.copyOf(interfaces);
        }
    }

    /**
     * Provenance and counts.
     *
     * @param artifact         Maven coordinates of the framework jar
     * @param apiLevel         the jar's API level
     * @param jdk              feature version of the JDK that supplied the {@code java.*} types
     * @param frameworkClasses classes in the framework jar
     * @param filters          framework classes left after each filter, in the order applied
     * @param jdkClasses       JDK classes in Android's libcore SDK packages
     * @param jdkTypes         of those, the public ones written
     * @param collapsed        types whose superclass chain or interfaces passed through a hidden type
     */
    public record Source(String artifact, int apiLevel, int jdk, int frameworkClasses,
            List<ApiPermissionMap.FilterCount> filters, int jdkClasses, int jdkTypes, int collapsed) {
        public Source {
            filters = List.copyOf(filters);
        }
    }

    /** The file's text: deterministic, one type per line, ending in a newline. */
    public String toJson() {
        JsonObject root = new JsonObject();
        root.addProperty("schema", SCHEMA);
        JsonObject src = new JsonObject();
        src.addProperty("artifact", source.artifact());
        src.addProperty("apiLevel", source.apiLevel());
        src.addProperty("jdk", source.jdk());
        src.addProperty("frameworkClasses", source.frameworkClasses());
        src.add("filters", ApiPermissionMap.filtersJson(source.filters()));
        src.addProperty("jdkClasses", source.jdkClasses());
        src.addProperty("jdkTypes", source.jdkTypes());
        src.addProperty("types", types.size());
        src.addProperty("collapsedHiddenSupertypes", source.collapsed());
        root.add("source", src);
        JsonObject typesJson = new JsonObject();
        for (Map.Entry<String, TypeEntry> e : types.entrySet()) {
            JsonObject o = new JsonObject();
            TypeEntry t = e.getValue();
            if (t.superType() != null) {
                o.addProperty("super", t.superType());
            }
            if (!t.interfaces().isEmpty()) {
                o.add("interfaces", CatalogueJson.strings(t.interfaces()));
            }
            if (t.isInterface()) {
                o.addProperty("interface", true);
            }
            typesJson.add(e.getKey(), o);
        }
        root.add("types", typesJson);
        StringBuilder out = new StringBuilder(1 << 21);
        CatalogueJson.writeObject(out, root, "", List.of("filters", "types"), List.of("source"));
        return out.append('\n').toString();
    }
}
