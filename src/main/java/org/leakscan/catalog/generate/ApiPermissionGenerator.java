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
import java.util.TreeSet;
import org.leakscan.catalog.PermissionRequirement;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Generates {@code signatures/api-permissions.json}, the API to permission map, from AOSP's own
 * {@code @android.annotation.RequiresPermission} annotations, which API 34's framework classes keep
 * (retention CLASS; API 29's did not).
 *
 * <p>What it finds in {@code org.robolectric:android-all:14-robolectric-10818077} (48,226 classes,
 * counted when this was written): 4,657 methods and 453 fields in 539 classes carry
 * {@code @RequiresPermission} or its nested {@code .Read}/{@code .Write}; the nested ones sit only
 * on 48 {@code android.car.VehiclePropertyIds} fields, none on content-provider URI constants.
 * Another 49 methods carry it on a parameter only (not used, see below). Members left after each
 * filter of {@link PublicSdk}, in order: SDK package 4,255; accessible 4,180; no {@code @SystemApi}
 * 2,173; no {@code @Hide} 2,173; no {@code @UnsupportedAppUsage} 2,065; not AIDL 1,493; SDK-only
 * signature 1,466; names a permission 1,466. Written: 1,466 entries (1,224 methods, 242 fields,
 * 165 of them in {@code android.car}), 293 distinct permission names (250
 * {@code android.permission.*}, 39 {@code android.car.permission.*}, three {@code com.android.*},
 * and AOSP's pseudo-permission {@code "carrier privileges"}, kept as written); 160 entries are
 * conditional, and six (the foreground-service types in {@code ServiceInfo}) use {@code allOf} and
 * {@code anyOf} together.
 *
 * <p>Each kept member becomes one entry: a single {@code value} becomes {@code allOf} with one
 * element, {@code allOf}/{@code anyOf} keep their relation, {@code conditional = true} is kept, and
 * fields' nested {@code @RequiresPermission.Read}/{@code .Write} become {@code read}/{@code write}.
 * Permission lists are sorted. Not covered, by design: {@code @RequiresPermission} on parameters
 * (for example the {@code Intent} of {@code startActivity}, whose permission depends on its action),
 * permissions enforced only by the service or native code without an annotation, and hidden APIs
 * whose {@code @hide} left no trace in bytecode (see {@link PublicSdk}).
 */
public final class ApiPermissionGenerator {

    static final String REQUIRES_PERMISSION = "Landroid/annotation/RequiresPermission;";
    static final String READ = "Landroid/annotation/RequiresPermission$Read;";
    static final String WRITE = "Landroid/annotation/RequiresPermission$Write;";

    private ApiPermissionGenerator() {
    }

    /** Arguments: the framework jar, the output file. Prints a one-line summary to stderr. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ApiPermissionGenerator <android-all.jar> <api-permissions.json>");
            System.exit(2);
        }
        ApiPermissionMap map = generate(FrameworkJar.read(Path.of(args[0])));
        Files.writeString(Path.of(args[1]), map.toJson(), StandardCharsets.UTF_8);
        ApiPermissionMap.Source s = map.source();
        System.err.printf("api-permissions: %d annotated members, %d kept (%d methods, %d fields), %d permissions -> %s%n",
                s.annotatedMembers(), s.kept(), s.keptMethods(), s.keptFields(), s.distinctPermissions(), args[1]);
    }

    /** The map for every public SDK member of {@code jar} that carries a permission annotation. */
    public static ApiPermissionMap generate(FrameworkJar jar) {
        PublicSdk sdk = new PublicSdk(jar::get, null);
        Map<PublicSdk.Filter, Integer> failures = new EnumMap<>(PublicSdk.Filter.class);
        int annotatedMethods = 0;
        int annotatedFields = 0;
        int withoutPermission = 0;
        int keptMethods = 0;
        int keptFields = 0;
        List<ApiPermissionMap.Entry> entries = new ArrayList<>();
        List<ClassNode> classes = new ArrayList<>(jar.classes().values());
        classes.sort(Comparator.comparing(c -> c.name));
        for (ClassNode c : classes) {
            String owner = "L" + c.name + ";";
            for (MethodNode m : c.methods) {
                List<AnnotationNode> annotations = PublicSdk.concat(m.visibleAnnotations, m.invisibleAnnotations);
                if (!hasPermissionAnnotation(annotations)) {
                    continue;
                }
                annotatedMethods++;
                PublicSdk.Filter failed = sdk.memberFailure(c, m.access, annotations, m.desc);
                if (failed != null) {
                    failures.merge(failed, 1, Integer::sum);
                    continue;
                }
                ApiPermissionMap.Entry entry = entry(owner + "->" + m.name + m.desc, annotations);
                if (entry == null) {
                    withoutPermission++;
                } else {
                    entries.add(entry);
                    keptMethods++;
                }
            }
            for (FieldNode f : c.fields) {
                List<AnnotationNode> annotations = PublicSdk.concat(f.visibleAnnotations, f.invisibleAnnotations);
                if (!hasPermissionAnnotation(annotations)) {
                    continue;
                }
                annotatedFields++;
                PublicSdk.Filter failed = sdk.memberFailure(c, f.access, annotations, f.desc);
                if (failed != null) {
                    failures.merge(failed, 1, Integer::sum);
                    continue;
                }
                ApiPermissionMap.Entry entry = entry(owner + "->" + f.name + ":" + f.desc, annotations);
                if (entry == null) {
                    withoutPermission++;
                } else {
                    entries.add(entry);
                    keptFields++;
                }
            }
        }
        entries.sort(Comparator.comparing(ApiPermissionMap.Entry::api));

        List<ApiPermissionMap.FilterCount> filters = new ArrayList<>();
        int remaining = annotatedMethods + annotatedFields;
        for (PublicSdk.Filter f : PublicSdk.Filter.values()) {
            remaining -= failures.getOrDefault(f, 0);
            filters.add(new ApiPermissionMap.FilterCount(f.id, f.description, remaining));
        }
        remaining -= withoutPermission;
        filters.add(new ApiPermissionMap.FilterCount("names-permission",
                "the annotation names at least one permission", remaining));

        TreeSet<String> permissions = new TreeSet<>();
        for (ApiPermissionMap.Entry e : entries) {
            for (PermissionRequirement r : new PermissionRequirement[] {e.access(), e.read(), e.write()}) {
                if (r != null) {
                    permissions.addAll(r.permissions());
                }
            }
        }
        ApiPermissionMap.Source source = new ApiPermissionMap.Source(jar.artifact(), jar.apiLevel(),
                annotatedMethods, annotatedFields, filters, keptMethods, keptFields, permissions.size());
        return new ApiPermissionMap(source, entries);
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
            allOf.add(value);
        }
        addStrings(allOf, element(rp, "allOf"));
        addStrings(anyOf, element(rp, "anyOf"));
        boolean conditional = Boolean.TRUE.equals(element(rp, "conditional"));
        if (allOf.isEmpty() && anyOf.isEmpty()) {
            return null;
        }
        return new PermissionRequirement(List.copyOf(allOf), List.copyOf(anyOf), conditional);
    }

    private static void addStrings(TreeSet<String> into, Object value) {
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof String s && !s.isEmpty()) {
                    into.add(s);
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
