package org.leakscan.catalog.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.leakscan.catalog.PermissionRequirement;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Generates {@code signatures/api-permissions.json}, the API to permission map by API level, from
 * AOSP's own {@code @android.annotation.RequiresPermission} annotations in several Android releases
 * (Robolectric's {@code android-all} jars on Maven Central).
 *
 * <p>From API 31 the framework's class files keep the annotation (retention CLASS); they are read
 * here with the {@link PublicSdk} filters. Up to API 30 it had SOURCE retention, so the release's
 * sources jar (published beside it) is read instead by {@link SourceAnnotations}. Which way a jar
 * is read is decided by the retention of {@code android.annotation.RequiresPermission} in it.
 *
 * <p>What it finds in {@code org.robolectric:android-all:14-robolectric-10818077} (48,226 classes,
 * counted when this was written): 4,657 methods and 453 fields in 539 classes carry
 * {@code @RequiresPermission} or its nested {@code .Read}/{@code .Write}; the nested ones sit only
 * on 48 {@code android.car.VehiclePropertyIds} fields. Not covered, by design: the annotation on
 * parameters (the {@code Intent} of {@code startActivity}, whose permission depends on its action),
 * permissions enforced only by a service or native code without an annotation (those are in the
 * hand-written {@code permission-facts.json}), and hidden APIs whose {@code @hide} left no trace in
 * bytecode (see {@link PublicSdk}).
 *
 * <p>Each kept member becomes one entry per run of levels whose annotations agree: a single
 * {@code value} becomes {@code allOf} with one element, {@code allOf}/{@code anyOf} keep their
 * relation, {@code conditional = true} is kept, and fields' {@code .Read}/{@code .Write} become
 * {@code read}/{@code write}. Permission lists are sorted.
 */
public final class ApiPermissionGenerator {

    static final String REQUIRES_PERMISSION = "Landroid/annotation/RequiresPermission;";
    static final String READ = "Landroid/annotation/RequiresPermission$Read;";
    static final String WRITE = "Landroid/annotation/RequiresPermission$Write;";

    private ApiPermissionGenerator() {
    }

    /**
     * Arguments: the output file, then the framework jars. A jar whose annotations have SOURCE
     * retention is read through its {@code -sources.jar}, which must lie beside it. Prints one line
     * per release and a summary to stderr.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ApiPermissionGenerator <api-permissions.json> <android-all.jar>...");
            System.exit(2);
        }
        List<Path> jars = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            jars.add(Path.of(args[i]));
        }
        ApiPermissionMap map = generate(jars, System.err);
        Files.writeString(Path.of(args[0]), map.toJson(), StandardCharsets.UTF_8);
        System.err.printf("api-permissions: %d APIs, %d permissions -> %s%n", map.apis().size(),
                map.distinctPermissions(), args[0]);
    }

    /**
     * The map from several releases. They are read oldest first (by their {@code build.prop}), one
     * at a time, so that what the sources of one release say is hidden also filters the class
     * files of later releases whose sources are not published (Robolectric's sources jars of
     * API 35 and 36 are empty, and those of 33 and 34 lack the mainline modules' code): a member
     * hidden in the newest sources read stays hidden until sources show it public.
     */
    public static ApiPermissionMap generate(List<Path> jars, java.io.PrintStream log) throws IOException {
        List<FrameworkJarHeader> ordered = new ArrayList<>();
        for (Path p : jars) {
            ordered.add(new FrameworkJarHeader(p, FrameworkJar.apiLevelOf(p)));
        }
        ordered.sort(Comparator.comparingInt(FrameworkJarHeader::apiLevel));
        List<ApiPermissionMap.Level> levels = new ArrayList<>();
        Map<Integer, java.util.Set<String>> members = new TreeMap<>();
        Map<Integer, Map<String, String>> definitions = new TreeMap<>();
        Map<String, String> interned = new java.util.HashMap<>();
        java.util.Set<String> hidden = new TreeSet<>();
        for (FrameworkJarHeader h : ordered) {
            FrameworkJar jar = FrameworkJar.read(h.path());
            members.put(jar.apiLevel(), membersOf(jar, interned));
            if (jar.get("android/annotation/RequiresPermission") == null) {
                // Older than the annotation (API 16-22): read for which members exist only.
                log.printf("api-permissions: API %d (%s): which members exist%n", jar.apiLevel(), jar.artifact());
                continue;
            }
            ApiPermissionMap.Level level = readLevel(jar, h.path(), hidden, log);
            log.printf("api-permissions: API %d (%s, %s): %d annotated, %d kept%n", level.apiLevel(),
                    level.artifact(), level.read(), level.annotated(), level.entries().size());
            levels.add(level);
            byte[] manifest = PermissionsGenerator.platformManifest(h.path());
            if (manifest != null) {
                definitions.put(jar.apiLevel(), PermissionsGenerator.definitions(manifest));
            }
        }
        return merge(levels, members, definitions);
    }

    /** Every method and field descriptor of the jar's classes, the strings shared across releases. */
    private static java.util.Set<String> membersOf(FrameworkJar jar, Map<String, String> interned) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (ClassNode c : jar.classes().values()) {
            String owner = "L" + c.name + ";->";
            for (MethodNode m : c.methods) {
                String d = owner + m.name + m.desc;
                out.add(interned.computeIfAbsent(d, k -> k));
            }
            for (FieldNode f : c.fields) {
                String d = owner + f.name + ":" + f.desc;
                out.add(interned.computeIfAbsent(d, k -> k));
            }
        }
        return out;
    }

    private record FrameworkJarHeader(Path path, int apiLevel) {
    }

    /**
     * One release: its class files when they keep the annotation, filtered by what its sources
     * (beside it) or earlier releases' sources say is hidden; else its sources, which must lie
     * beside it. {@code hidden} is updated with what this release's sources say.
     */
    static ApiPermissionMap.Level readLevel(FrameworkJar jar, Path jarPath, java.util.Set<String> hidden,
                                            java.io.PrintStream log) throws IOException {
        String name = jarPath.getFileName().toString();
        Path sources = jarPath.resolveSibling(name.substring(0, name.length() - ".jar".length()) + "-sources.jar");
        SourceAnnotations.Result fromSource = Files.isRegularFile(sources) ? SourceAnnotations.read(sources, jar) : null;
        if (fromSource != null) {
            hidden.removeAll(fromSource.entries().keySet());
            hidden.addAll(fromSource.hidden());
        }
        if (keepsAnnotations(jar)) {
            ApiPermissionMap.Level level = classFileLevel(jar, hidden);
            if (fromSource != null) {
                long both = level.entries().keySet().stream().filter(fromSource.entries()::containsKey).count();
                long agree = level.entries().values().stream()
                        .filter(e -> e.sameRequirements(fromSource.entries().get(e.api()))).count();
                log.printf("api-permissions: API %d: sources and class files agree on %d of the %d members both"
                        + " show%n", level.apiLevel(), agree, both);
            }
            return level;
        }
        if (fromSource == null) {
            throw new IOException(jarPath + " keeps no @RequiresPermission in its class files and "
                    + sources.getFileName() + " is not beside it");
        }
        return sourceLevel(jar, fromSource);
    }

    /** True when {@code android.annotation.RequiresPermission} has CLASS or RUNTIME retention in the jar. */
    static boolean keepsAnnotations(FrameworkJar jar) {
        ClassNode rp = jar.get("android/annotation/RequiresPermission");
        if (rp == null) {
            return false;
        }
        for (AnnotationNode a : PublicSdk.annotations(rp)) {
            if (a.desc.equals("Ljava/lang/annotation/Retention;") && a.values != null) {
                Object v = a.values.get(1);
                return v instanceof String[] e && !e[1].equals("SOURCE");
            }
        }
        return false;
    }

    /** The level as read from sources, with the reasons members were dropped as filters. */
    static ApiPermissionMap.Level sourceLevel(FrameworkJar jar, SourceAnnotations.Result result) {
        List<ApiPermissionMap.FilterCount> filters = new ArrayList<>();
        int remaining = result.annotated();
        for (SourceAnnotations.Drop d : SourceAnnotations.Drop.values()) {
            remaining -= result.dropped().getOrDefault(d, 0);
            filters.add(new ApiPermissionMap.FilterCount(d.id, d.description, remaining));
        }
        return new ApiPermissionMap.Level(jar.apiLevel(), jar.artifact(), "sources", result.annotated(), filters,
                result.entries());
    }

    /** The single-release map of every public SDK member of {@code jar} that carries a permission annotation. */
    public static ApiPermissionMap generate(FrameworkJar jar) {
        return merge(List.of(classFileLevel(jar, null)));
    }

    /**
     * Every public SDK member of {@code jar} whose class-file annotations name a permission.
     *
     * @param hiddenInSource descriptors the release's sources mark hidden ({@code @hide}, which
     *                       bytecode does not keep), or null when the sources were not read
     */
    static ApiPermissionMap.Level classFileLevel(FrameworkJar jar, java.util.Set<String> hiddenInSource) {
        PublicSdk sdk = new PublicSdk(jar::get, null);
        Map<PublicSdk.Filter, Integer> failures = new EnumMap<>(PublicSdk.Filter.class);
        int annotated = 0;
        int hiddenCount = 0;
        int withoutPermission = 0;
        Map<String, ApiPermissionMap.Entry> entries = new TreeMap<>();
        List<ClassNode> classes = new ArrayList<>(jar.classes().values());
        classes.sort(Comparator.comparing(c -> c.name));
        for (ClassNode c : classes) {
            String owner = "L" + c.name + ";";
            for (MethodNode m : c.methods) {
                List<AnnotationNode> annotations = PublicSdk.concat(m.visibleAnnotations, m.invisibleAnnotations);
                if (!hasPermissionAnnotation(annotations)) {
                    continue;
                }
                annotated++;
                PublicSdk.Filter failed = sdk.memberFailure(c, m.access, annotations, m.desc);
                if (failed != null) {
                    failures.merge(failed, 1, Integer::sum);
                    continue;
                }
                if (hiddenInSource != null && hiddenInSource.contains(owner + "->" + m.name + m.desc)) {
                    hiddenCount++;
                    continue;
                }
                ApiPermissionMap.Entry entry = entry(owner + "->" + m.name + m.desc, annotations);
                if (entry == null) {
                    withoutPermission++;
                } else {
                    entries.put(entry.api(), entry);
                }
            }
            for (FieldNode f : c.fields) {
                List<AnnotationNode> annotations = PublicSdk.concat(f.visibleAnnotations, f.invisibleAnnotations);
                if (!hasPermissionAnnotation(annotations)) {
                    continue;
                }
                annotated++;
                PublicSdk.Filter failed = sdk.memberFailure(c, f.access, annotations, f.desc);
                if (failed != null) {
                    failures.merge(failed, 1, Integer::sum);
                    continue;
                }
                if (hiddenInSource != null && hiddenInSource.contains(owner + "->" + f.name + ":" + f.desc)) {
                    hiddenCount++;
                    continue;
                }
                ApiPermissionMap.Entry entry = entry(owner + "->" + f.name + ":" + f.desc, annotations);
                if (entry == null) {
                    withoutPermission++;
                } else {
                    entries.put(entry.api(), entry);
                }
            }
        }
        List<ApiPermissionMap.FilterCount> filters = new ArrayList<>();
        int remaining = annotated;
        for (PublicSdk.Filter f : PublicSdk.Filter.values()) {
            remaining -= failures.getOrDefault(f, 0);
            filters.add(new ApiPermissionMap.FilterCount(f.id, f.description, remaining));
        }
        if (hiddenInSource != null) {
            remaining -= hiddenCount;
            filters.add(new ApiPermissionMap.FilterCount("public-in-source",
                    "not hidden in the release's sources (Javadoc @hide or @removed, @SystemApi, @TestApi)", remaining));
        }
        remaining -= withoutPermission;
        filters.add(new ApiPermissionMap.FilterCount("names-permission",
                "the annotation names at least one permission", remaining));
        return new ApiPermissionMap.Level(jar.apiLevel(), jar.artifact(), "class-files", annotated, filters, entries);
    }

    /**
     * The levels merged into ranges: per member, consecutive levels read whose requirements are
     * equal form one range. A range lasts until the level before the next level read (so a level
     * not read, such as 27 between 26 and 28, belongs to the range before it), and is open when it
     * reaches the newest level read.
     */
    public static ApiPermissionMap merge(List<ApiPermissionMap.Level> levels) {
        return merge(levels, Map.of(), Map.of());
    }

    /**
     * {@link #merge(List)}, with what else the releases tell: the first level read whose class
     * files have each member (when after the oldest level read), and, for the permissions the
     * entries name, the first level whose platform manifest defines each (when after the oldest
     * manifest read) and its protection level in the newest manifest that defines it.
     *
     * @param members     every member descriptor, by API level
     * @param definitions permission name to protection, by API level, for the releases with a platform manifest
     */
    public static ApiPermissionMap merge(List<ApiPermissionMap.Level> levels, Map<Integer, java.util.Set<String>> members,
                                         Map<Integer, Map<String, String>> definitions) {
        List<ApiPermissionMap.Level> sorted = new ArrayList<>(levels);
        sorted.sort(Comparator.comparingInt(ApiPermissionMap.Level::apiLevel));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).apiLevel() == sorted.get(i - 1).apiLevel()) {
                throw new IllegalArgumentException("API level " + sorted.get(i).apiLevel() + " read twice");
            }
        }
        TreeSet<String> apis = new TreeSet<>();
        sorted.forEach(l -> apis.addAll(l.entries().keySet()));
        List<ApiPermissionMap.Api> out = new ArrayList<>();
        for (String api : apis) {
            List<ApiPermissionMap.Range> ranges = new ArrayList<>();
            int i = 0;
            while (i < sorted.size()) {
                ApiPermissionMap.Entry e = sorted.get(i).entries().get(api);
                if (e == null) {
                    i++;
                    continue;
                }
                int j = i;
                while (j + 1 < sorted.size() && e.sameRequirements(sorted.get(j + 1).entries().get(api))) {
                    j++;
                }
                Integer to = j + 1 < sorted.size() ? sorted.get(j + 1).apiLevel() - 1 : null;
                ranges.add(new ApiPermissionMap.Range(sorted.get(i).apiLevel(), to, e.access(), e.read(), e.write()));
                i = j + 1;
            }
            out.add(new ApiPermissionMap.Api(api, since(api, members), ranges));
        }
        List<Integer> annotated = sorted.stream().map(ApiPermissionMap.Level::apiLevel).toList();
        List<Integer> existenceOnly = members.keySet().stream().filter(l -> !annotated.contains(l)).sorted().toList();
        ApiPermissionMap withoutPermissions = new ApiPermissionMap(sorted, existenceOnly, List.copyOf(definitions.keySet()),
                out, List.of());
        return new ApiPermissionMap(sorted, existenceOnly, List.copyOf(definitions.keySet()), out,
                platformPermissions(withoutPermissions.permissionNames(), definitions));
    }

    /** The first level read (of all, annotated or not) whose class files have {@code api}, when not the oldest; else null. */
    private static Integer since(String api, Map<Integer, java.util.Set<String>> members) {
        Integer oldest = null;
        for (Map.Entry<Integer, java.util.Set<String>> e : new TreeMap<>(members).entrySet()) {
            oldest = oldest == null ? e.getKey() : oldest;
            if (e.getValue().contains(api)) {
                return e.getKey().equals(oldest) ? null : e.getKey();
            }
        }
        return null;
    }

    /** For each name a platform manifest defines: when it first appears (if after the oldest manifest) and its newest protection. */
    private static List<ApiPermissionMap.PlatformPermission> platformPermissions(java.util.Set<String> names,
            Map<Integer, Map<String, String>> definitions) {
        List<ApiPermissionMap.PlatformPermission> out = new ArrayList<>();
        if (definitions.isEmpty()) {
            return out;
        }
        int oldest = definitions.keySet().stream().min(Integer::compare).orElseThrow();
        for (String name : new TreeSet<>(names)) {
            Integer first = null;
            String protection = null;
            for (Map.Entry<Integer, Map<String, String>> e : new TreeMap<>(definitions).entrySet()) {
                String p = e.getValue().get(name);
                if (p != null) {
                    if (first == null) {
                        first = e.getKey();
                    }
                    protection = p;
                }
            }
            if (first != null) {
                out.add(new ApiPermissionMap.PlatformPermission(name, first > oldest ? first : null, protection));
            }
        }
        return out;
    }

    private static boolean hasPermissionAnnotation(List<AnnotationNode> annotations) {
        for (AnnotationNode a : annotations) {
            if (a.desc.equals(REQUIRES_PERMISSION) || a.desc.equals(READ) || a.desc.equals(WRITE)) {
                return true;
            }
        }
        return false;
    }

    /** The entry for one member, or null when none of its annotations names a permission. */
    private static ApiPermissionMap.Entry entry(String api, List<AnnotationNode> annotations) {
        PermissionRequirement access = null;
        PermissionRequirement read = null;
        PermissionRequirement write = null;
        for (AnnotationNode a : annotations) {
            switch (a.desc) {
                case REQUIRES_PERMISSION -> access = requirement(a, api);
                case READ -> read = requirement(nested(a), api);
                case WRITE -> write = requirement(nested(a), api);
                default -> {
                }
            }
        }
        if (access == null && read == null && write == null) {
            return null;
        }
        return new ApiPermissionMap.Entry(api, access, read, write);
    }

    /** The {@code @RequiresPermission} inside {@code @RequiresPermission.Read/Write(value = ...)}. */
    private static AnnotationNode nested(AnnotationNode readOrWrite) {
        Object value = element(readOrWrite, "value");
        return value instanceof AnnotationNode n ? n : null;
    }

    /** The requirement one {@code @RequiresPermission} states, or null when it names no permission. */
    static PermissionRequirement requirement(AnnotationNode rp, String api) {
        if (rp == null) {
            return null;
        }
        TreeSet<String> allOf = new TreeSet<>();
        TreeSet<String> anyOf = new TreeSet<>();
        if (element(rp, "value") instanceof String value && !value.isEmpty()) {
            allOf.add(normalize(value));
        }
        addStrings(allOf, element(rp, "allOf"));
        addStrings(anyOf, element(rp, "anyOf"));
        boolean conditional = Boolean.TRUE.equals(element(rp, "conditional"));
        if (allOf.isEmpty() && anyOf.isEmpty()) {
            return null;
        }
        return new PermissionRequirement(List.copyOf(allOf), List.copyOf(anyOf), conditional);
    }

    /**
     * A few annotations in AOSP write a constant's name as a string ({@code "QUERY_ALL_PACKAGES"},
     * {@code "Manifest.permission.MODIFY_AUDIO_SETTINGS_PRIVILEGED"}, API 35): meant is the
     * platform permission of that name.
     */
    static String normalize(String name) {
        String prefix = "Manifest.permission.";
        if (name.startsWith(prefix)) {
            return "android.permission." + name.substring(prefix.length());
        }
        if (name.indexOf('.') < 0 && name.matches("[A-Z][A-Z0-9_]+")) {
            return "android.permission." + name;
        }
        return name;
    }

    private static void addStrings(TreeSet<String> into, Object value) {
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof String s && !s.isEmpty()) {
                    into.add(normalize(s));
                }
            }
        }
    }

    private static Object element(AnnotationNode a, String name) {
        if (a.values == null) {
            return null;
        }
        for (int i = 0; i + 1 < a.values.size(); i += 2) {
            if (name.equals(a.values.get(i))) {
                return a.values.get(i + 1);
            }
        }
        return null;
    }
}
