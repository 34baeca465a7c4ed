package org.leakscan.catalog.generate;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.leakscan.catalog.PermissionRequirement;

/**
 * The API to permission map as generated, before it is written to {@code api-permissions.json}:
 * what Android's own {@code @RequiresPermission} annotations say about each public SDK member, at
 * each API level read, with runs of levels that say the same merged into one range.
 *
 * @param levels        the releases whose annotations were read, oldest first
 * @param existenceOnly older releases read only for which members they have (for {@link Api#since()}), ascending
 * @param manifestsRead the API levels whose platform manifest was read, ascending
 * @param apis          entries sorted by {@link Api#api()}
 * @param permissions   the platform's permissions the entries name, sorted by name
 */
public record ApiPermissionMap(List<Level> levels, List<Integer> existenceOnly, List<Integer> manifestsRead, List<Api> apis,
                               List<PlatformPermission> permissions) {

    /** The schema name written into the file. */
    public static final String SCHEMA = "leakscan-api-permissions/2";

    public ApiPermissionMap {
        levels = List.copyOf(levels);
        existenceOnly = List.copyOf(existenceOnly);
        manifestsRead = List.copyOf(manifestsRead);
        apis = List.copyOf(apis);
        permissions = List.copyOf(permissions);
    }

    /**
     * A platform permission as the manifests read define it.
     *
     * @param addedIn    the first level read that defines it, when after the oldest manifest read; else null
     * @param protection its protection level in the newest manifest that defines it
     */
    public record PlatformPermission(String name, Integer addedIn, String protection) {
    }

    /**
     * What one annotated method or field requires at one level.
     *
     * @param api    DEX-style descriptor, {@code Lpkg/Cls;->name(desc)ret} or {@code Lpkg/Cls;->NAME:type}
     * @param access plain {@code @RequiresPermission}, or null
     * @param read   {@code @RequiresPermission.Read} (content-provider URIs), or null
     * @param write  {@code @RequiresPermission.Write}, or null
     */
    public record Entry(String api, PermissionRequirement access, PermissionRequirement read,
            PermissionRequirement write) {

        /** The same requirements, ignoring the descriptor. */
        boolean sameRequirements(Entry other) {
            return other != null && java.util.Objects.equals(access, other.access)
                    && java.util.Objects.equals(read, other.read) && java.util.Objects.equals(write, other.write);
        }
    }

    /**
     * One release read.
     *
     * @param apiLevel  its API level
     * @param artifact  Maven coordinates of the framework jar
     * @param read      {@code class-files} (the annotations kept in bytecode, API 31 on) or {@code sources}
     * @param annotated members carrying {@code @RequiresPermission} (or {@code .Read}/{@code .Write})
     * @param filters   annotated members left after each filter, in the order applied
     * @param entries   what each kept member requires, by descriptor
     */
    public record Level(int apiLevel, String artifact, String read, int annotated, List<FilterCount> filters,
                        Map<String, Entry> entries) {

        public Level {
            filters = List.copyOf(filters);
            entries = Map.copyOf(entries);
        }
    }

    /** How many annotated members are left after one filter. */
    public record FilterCount(String filter, String description, int kept) {
    }

    /**
     * What one member requires over a range of levels.
     *
     * @param from first API level of the range (the first level read where the annotation says this)
     * @param to   last API level, or null when it still holds at the newest level read (and is assumed to after)
     */
    public record Range(int from, Integer to, PermissionRequirement access, PermissionRequirement read,
                        PermissionRequirement write) {
    }

    /**
     * One member and its ranges, oldest first; levels in no range carry no annotation.
     *
     * @param since the first level read (annotated or {@code existenceOnly}) whose class files have the
     *              member, when after the oldest one read; else null
     */
    public record Api(String api, Integer since, List<Range> levels) {

        public Api {
            levels = List.copyOf(levels);
        }
    }

    /** Distinct permission names in the entries. */
    public int distinctPermissions() {
        return permissionNames().size();
    }

    /** The permission names the entries use, sorted. */
    public java.util.Set<String> permissionNames() {
        TreeSet<String> names = new TreeSet<>();
        for (Api a : apis) {
            for (Range r : a.levels()) {
                for (PermissionRequirement p : new PermissionRequirement[] {r.access(), r.read(), r.write()}) {
                    if (p != null) {
                        names.addAll(p.permissions());
                    }
                }
            }
        }
        return names;
    }

    /** The file's text: deterministic, one entry per line, ending in a newline. */
    public String toJson() {
        JsonObject root = new JsonObject();
        root.addProperty("schema", SCHEMA);
        JsonObject src = new JsonObject();
        JsonArray levelArray = new JsonArray();
        for (Level l : levels) {
            JsonObject o = new JsonObject();
            o.addProperty("apiLevel", l.apiLevel());
            o.addProperty("artifact", l.artifact());
            o.addProperty("read", l.read());
            o.addProperty("annotated", l.annotated());
            o.add("filters", filtersJson(l.filters()));
            o.addProperty("kept", l.entries().size());
            levelArray.add(o);
        }
        src.add("levels", levelArray);
        JsonArray older = new JsonArray();
        existenceOnly.forEach(older::add);
        src.add("existenceOnly", older);
        JsonArray manifests = new JsonArray();
        manifestsRead.forEach(manifests::add);
        src.add("manifestsRead", manifests);
        src.addProperty("apis", apis.size());
        src.addProperty("distinctPermissions", distinctPermissions());
        root.add("source", src);
        JsonArray entries = new JsonArray();
        for (Api a : apis) {
            JsonObject o = new JsonObject();
            o.addProperty("api", a.api());
            if (a.since() != null) {
                o.addProperty("since", a.since());
            }
            JsonArray ranges = new JsonArray();
            for (Range r : a.levels()) {
                JsonObject range = new JsonObject();
                range.addProperty("from", r.from());
                if (r.to() != null) {
                    range.addProperty("to", r.to());
                }
                if (r.access() != null) {
                    addRequirement(range, r.access());
                }
                if (r.read() != null) {
                    JsonObject read = new JsonObject();
                    addRequirement(read, r.read());
                    range.add("read", read);
                }
                if (r.write() != null) {
                    JsonObject write = new JsonObject();
                    addRequirement(write, r.write());
                    range.add("write", write);
                }
                ranges.add(range);
            }
            o.add("levels", ranges);
            entries.add(o);
        }
        root.add("apis", entries);
        JsonArray perms = new JsonArray();
        for (PlatformPermission p : permissions) {
            JsonObject o = new JsonObject();
            o.addProperty("name", p.name());
            if (p.addedIn() != null) {
                o.addProperty("addedIn", p.addedIn());
            }
            o.addProperty("protection", p.protection());
            perms.add(o);
        }
        root.add("permissions", perms);
        StringBuilder out = new StringBuilder(1 << 20);
        CatalogueJson.writeObject(out, root, "", List.of("levels", "apis", "permissions"), List.of("source"));
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
