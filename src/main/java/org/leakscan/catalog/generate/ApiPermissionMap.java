package org.leakscan.catalog.generate;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import org.leakscan.catalog.PermissionRequirement;

/**
 * The API to permission map as generated, before it is written to {@code api-permissions.json}.
 *
 * @param source where it came from and how many members each filter kept
 * @param apis   entries sorted by {@link Entry#api()}
 */
public record ApiPermissionMap(Source source, List<Entry> apis) {

    /** The schema name written into the file. */
    public static final String SCHEMA = "leakscan-api-permissions/1";

    public ApiPermissionMap {
        apis = List.copyOf(apis);
    }

    /**
     * One annotated method or field.
     *
     * @param api    DEX-style descriptor, {@code Lpkg/Cls;->name(desc)ret} or {@code Lpkg/Cls;->NAME:type}
     * @param access plain {@code @RequiresPermission}, or null
     * @param read   {@code @RequiresPermission.Read} (content-provider URIs), or null
     * @param write  {@code @RequiresPermission.Write}, or null
     */
    public record Entry(String api, PermissionRequirement access, PermissionRequirement read,
            PermissionRequirement write) {
    }

    /**
     * Provenance and counts.
     *
     * @param artifact            Maven coordinates of the framework jar
     * @param apiLevel            the jar's API level
     * @param annotatedMethods    methods carrying any {@code @RequiresPermission} (all packages)
     * @param annotatedFields     fields carrying {@code @RequiresPermission}, {@code .Read} or {@code .Write}
     * @param filters             members left after each filter, in the order applied
     * @param keptMethods         method entries written
     * @param keptFields          field entries written
     * @param distinctPermissions distinct permission names in the entries written
     */
    public record Source(String artifact, int apiLevel, int annotatedMethods, int annotatedFields,
            List<FilterCount> filters, int keptMethods, int keptFields, int distinctPermissions) {

        public Source {
            filters = List.copyOf(filters);
        }

        public int annotatedMembers() {
            return annotatedMethods + annotatedFields;
        }

        public int kept() {
            return keptMethods + keptFields;
        }
    }

    /** How many annotated members are left after one filter. */
    public record FilterCount(String filter, String description, int kept) {
    }

    /** The file's text: deterministic, one entry per line, ending in a newline. */
    public String toJson() {
        JsonObject root = new JsonObject();
        root.addProperty("schema", SCHEMA);
        JsonObject src = new JsonObject();
        src.addProperty("artifact", source.artifact());
        src.addProperty("apiLevel", source.apiLevel());
        src.addProperty("annotatedMembers", source.annotatedMembers());
        src.addProperty("annotatedMethods", source.annotatedMethods());
        src.addProperty("annotatedFields", source.annotatedFields());
        src.add("filters", filtersJson(source.filters()));
        src.addProperty("kept", source.kept());
        src.addProperty("keptMethods", source.keptMethods());
        src.addProperty("keptFields", source.keptFields());
        src.addProperty("distinctPermissions", source.distinctPermissions());
        root.add("source", src);
        JsonArray entries = new JsonArray();
        for (Entry e : apis) {
            JsonObject o = new JsonObject();
            o.addProperty("api", e.api());
            if (e.access() != null) {
                addRequirement(o, e.access());
            }
            if (e.read() != null) {
                JsonObject r = new JsonObject();
                addRequirement(r, e.read());
                o.add("read", r);
            }
            if (e.write() != null) {
                JsonObject w = new JsonObject();
                addRequirement(w, e.write());
                o.add("write", w);
            }
            entries.add(o);
        }
        root.add("apis", entries);
        StringBuilder out = new StringBuilder(1 << 20);
        CatalogueJson.writeObject(out, root, "", List.of("filters", "apis"), List.of("source"));
        return out.append('\n').toString();
    }

    private static void addRequirement(JsonObject o, PermissionRequirement r) {
        if (!r.allOf().isEmpty()) {
            o.add("allOf", CatalogueJson.strings(r.allOf()));
        }
        if (!r.anyOf().isEmpty()) {
            o.add("anyOf", CatalogueJson.strings(r.anyOf()));
        }
        if (r.conditional()) {
            o.addProperty("conditional", true);
        }
    }

    /** The generator's filters and how many entries each kept, as written into a catalogue's {@code source}. */
    static JsonArray filtersJson(List<FilterCount> counts) {
        JsonArray filters = new JsonArray();
        for (FilterCount f : counts) {
            JsonObject o = new JsonObject();
            o.addProperty("filter", f.filter());
            o.addProperty("description", f.description());
            o.addProperty("kept", f.kept());
            filters.add(o);
        }
        return filters;
    }
}
