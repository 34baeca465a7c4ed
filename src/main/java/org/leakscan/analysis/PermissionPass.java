package org.leakscan.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.leakscan.analysis.findings.DataAccess;
import org.leakscan.analysis.findings.PermissionFinding;
import org.leakscan.android.AndroidManifest;
import org.leakscan.android.UsesPermission;
import org.leakscan.catalog.PermissionCatalog;
import org.leakscan.catalog.PermissionRequirement;
import org.leakscan.program.MethodRef;

/**
 * Permissions the manifest asks for, and the framework APIs in code that need each: from the
 * API→permission map Android's own annotations give (API 34), and from the data-access findings,
 * whose catalogue also knows what older Android versions required ({@code getDeviceId} needed
 * {@code READ_PHONE_STATE} up to API 28). A permission code needs but the manifest lacks is listed
 * too, with {@code declared: false}.
 */
public final class PermissionPass implements Pass {

    public static final PassInfo INFO = PassInfo.of("permissions",
            "declared permissions, protection levels, and the APIs in code that need each",
            CodeIndexPass.INFO.id(), DataAccessPass.INFO.id());

    @Override
    public PassInfo info() {
        return INFO;
    }

    /** The calls of a slice that need permissions, as (declaring API, requirement). */
    private static List<Map.Entry<String, PermissionRequirement>> requirements(AnalysisContext context,
                                                                              List<MethodRef> calls) {
        List<Map.Entry<String, PermissionRequirement>> out = new ArrayList<>();
        for (MethodRef ref : calls) {
            if (!context.catalogs().apiPermissions().mayNeedPermission(ref)) {
                continue; // no class declares a method with this signature that needs a permission
            }
            Map.Entry<String, PermissionRequirement> annotated = context.resolver().resolve(ref, (t, sig) -> {
                PermissionRequirement r = context.catalogs().apiPermissions().permissionsFor(t, sig);
                return r == null ? null : Map.entry(t + "->" + sig, r);
            });
            if (annotated != null) {
                out.add(annotated);
            }
        }
        return out;
    }

    @Override
    public void run(AnalysisContext context) {
        Map<String, UsesPermission> declared = new TreeMap<>();
        AndroidManifest manifest = context.manifest();
        if (manifest != null) {
            for (UsesPermission u : manifest.usesPermissions()) {
                declared.putIfAbsent(u.name(), u);
            }
        }
        Map<String, TreeSet<String>> usedBy = new TreeMap<>();
        CodeIndex index = context.codeIndex();
        // The distinct calls of a large app number hundreds of thousands: resolved in slices on the pool.
        List<List<Map.Entry<String, PermissionRequirement>>> resolved = context.forEachSlice(
                index.calledMethods(), AnalysisContext.REFERENCES_PER_TASK, slice -> requirements(context, slice));
        for (List<Map.Entry<String, PermissionRequirement>> part : resolved) {
            for (Map.Entry<String, PermissionRequirement> annotated : part) {
                PermissionRequirement r = annotated.getValue();
                List<String> all = r.allOf().stream().filter(PermissionPass::isPermissionName).toList();
                List<String> any = r.anyOf().stream().filter(PermissionPass::isPermissionName).toList();
                for (String p : all) {
                    usedBy.computeIfAbsent(p, k -> new TreeSet<>()).add(annotated.getKey());
                }
                for (String p : satisfying(any, declared)) {
                    usedBy.computeIfAbsent(p, k -> new TreeSet<>()).add(annotated.getKey());
                }
            }
        }
        // Sources come from the data-access pass, where argument conditions were already checked.
        for (DataAccess d : context.dataAccess()) {
            if (d.permission() != null) {
                List<String> alternatives = List.of(d.permission().split("\\|"));
                for (String alternative : satisfying(alternatives, declared)) {
                    for (String p : alternative.split("\\+")) {
                        usedBy.computeIfAbsent(p, k -> new TreeSet<>()).add(d.api());
                    }
                }
            }
        }

        TreeSet<String> names = new TreeSet<>(declared.keySet());
        // Without a manifest (a JAR) "used" cannot be compared with "declared": list what code needs.
        names.addAll(usedBy.keySet());
        PermissionCatalog platform = context.catalogs().permissions();
        List<PermissionFinding> out = new ArrayList<>();
        for (String name : names) {
            PermissionCatalog.Permission p = platform.permission(name);
            UsesPermission u = declared.get(name);
            out.add(new PermissionFinding(name, u != null, p == null ? null : p.protection(),
                    p == null ? null : p.group(), u == null ? null : u.maxSdkVersion(),
                    List.copyOf(usedBy.getOrDefault(name, new TreeSet<>()))));
        }
        context.setPermissions(out);
    }

    /** AOSP's pseudo-permissions such as "carrier privileges" are not manifest permissions. */
    private static boolean isPermissionName(String p) {
        return p.indexOf('.') >= 0;
    }

    /**
     * Of alternatives any one of which suffices, those the app declares (each alternative may be
     * several permissions joined by '+'); all of them when it declares none (or there is no
     * manifest), since then any one would be needed. So an app that declares
     * ACCESS_FINE_LOCATION is not told that ACCESS_COARSE_LOCATION is "used but not declared".
     */
    private static List<String> satisfying(List<String> alternatives, Map<String, UsesPermission> declared) {
        List<String> met = alternatives.stream()
                .filter(a -> java.util.Arrays.stream(a.split("\\+")).allMatch(declared::containsKey)).toList();
        return met.isEmpty() ? alternatives : met;
    }
}
