package org.leakscan.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.leakscan.analysis.findings.CodeLocation;
import org.leakscan.analysis.findings.DataAccess;
import org.leakscan.analysis.findings.PermissionFinding;
import org.leakscan.analysis.permissions.AnnotatedRequirements;
import org.leakscan.analysis.permissions.AppGrants;
import org.leakscan.analysis.permissions.FactRequirements;
import org.leakscan.analysis.permissions.PermissionLedger;
import org.leakscan.analysis.permissions.PermissionTimeline;
import org.leakscan.analysis.permissions.RequirementHistory;
import org.leakscan.android.AndroidManifest;
import org.leakscan.android.UsesPermission;
import org.leakscan.catalog.ApiPermissionCatalog;
import org.leakscan.catalog.LevelRange;
import org.leakscan.catalog.PermissionCatalog;
import org.leakscan.catalog.PermissionFacts;
import org.leakscan.catalog.PermissionRequirement;
import org.leakscan.program.FieldRef;
import org.leakscan.program.MethodRef;
import org.leakscan.program.Types;

/**
 * Permissions the manifest asks for, and what in the code needs each, judged by API level: every
 * API called that Android's annotations ({@code api-permissions.json}, API 23–36) or the
 * hand-written facts ({@code permission-facts.json}: service-enforced and level- or
 * target-dependent requirements) name, every content provider read or written, intent action
 * started and broadcast received, is judged on each level from the app's {@code minSdk} to the
 * newest known for its target SDK ({@link org.leakscan.analysis.permissions}). The report gets the
 * permissions with what uses them, and the requirements the manifest does not meet.
 */
public final class PermissionPass implements Pass {

    public static final PassInfo INFO = PassInfo.of("permissions",
            "declared permissions, protection levels, and what in code needs each, by API level",
            CodeIndexPass.INFO.id(), DataAccessPass.INFO.id());

    @Override
    public PassInfo info() {
        return INFO;
    }

    /** What one call resolves to: an annotated or hand-written API, or an operation on a constant. */
    private record Resolved(MethodRef ref, String api, List<PermissionFacts.ApiFact> facts,
                            List<LevelRange<PermissionRequirement>> annotated, int since,
                            KeyedAccessFinder.Operation operation) {
    }

    private static List<Resolved> resolve(AnalysisContext context, KeyedAccessFinder keyed, List<MethodRef> calls) {
        ApiPermissionCatalog annotations = context.catalogs().apiPermissions();
        PermissionFacts facts = context.catalogs().permissionFacts();
        List<Resolved> out = new ArrayList<>();
        for (MethodRef ref : calls) {
            if (annotations.mayNeedPermission(ref) || facts.mayHaveFact(ref)) {
                // At each ancestor, a hand-written fact first, then the annotations.
                Resolved r = context.resolver().resolve(ref, (t, sig) -> {
                    List<PermissionFacts.ApiFact> f = facts.apiFacts(t, sig);
                    if (!f.isEmpty()) {
                        return new Resolved(ref, t + "->" + sig, f, null, 0, null);
                    }
                    List<LevelRange<PermissionRequirement>> a = annotations.levelsFor(t, sig);
                    return a.isEmpty() ? null : new Resolved(ref, t + "->" + sig, null, a, annotations.since(t, sig), null);
                });
                if (r != null) {
                    out.add(r);
                    continue;
                }
            }
            KeyedAccessFinder.Operation op = keyed.operationOf(ref);
            if (op != null) {
                out.add(new Resolved(ref, null, null, null, 0, op));
            }
        }
        return out;
    }

    @Override
    public void run(AnalysisContext context) {
        AndroidManifest manifest = context.manifest();
        ApiPermissionCatalog annotations = context.catalogs().apiPermissions();
        PermissionFacts facts = context.catalogs().permissionFacts();
        PermissionCatalog platform = context.catalogs().permissions();
        int newest = annotations.newestLevel();
        int min = manifest == null || manifest.minSdk() == null ? 1 : Math.max(1, manifest.minSdk());
        int max = manifest != null && manifest.maxSdk() != null && manifest.maxSdk() < newest
                ? Math.max(1, manifest.maxSdk()) : newest;
        min = Math.min(min, max);
        // Without a manifest (a JAR) nothing is declared: judge what code needs for an app of today.
        int target = manifest == null ? newest : manifest.targetSdk() != null ? manifest.targetSdk() : min;
        List<UsesPermission> uses = manifest == null ? List.of() : manifest.usesPermissions();
        PermissionTimeline timeline = new PermissionTimeline(facts, annotations, platform);
        AppGrants grants = new AppGrants(uses, target, timeline);
        PermissionLedger ledger = new PermissionLedger(grants, min, max, max == newest);
        List<String> annotationSources = List.of("@RequiresPermission annotations of Android API "
                + annotations.oldestLevel() + "–" + annotations.newestLevel() + " (api-permissions.json)");

        KeyedAccessFinder keyed = new KeyedAccessFinder(context);
        CodeIndex index = context.codeIndex();
        Map<String, Set<MethodRef>> refsByApi = new TreeMap<>();
        Map<MethodRef, List<PermissionFacts.ApiFact>> argumentFacts = new HashMap<>();
        Map<MethodRef, KeyedAccessFinder.Operation> operations = new HashMap<>();
        for (List<Resolved> part : context.forEachSlice(index.calledMethods(), AnalysisContext.REFERENCES_PER_TASK,
                slice -> resolve(context, keyed, slice))) {
            for (Resolved r : part) {
                if (r.operation() != null) {
                    operations.put(r.ref(), r.operation());
                } else if (r.facts() != null && r.facts().get(0).argEquals() != null) {
                    argumentFacts.put(r.ref(), r.facts());
                } else {
                    refsByApi.computeIfAbsent(r.api(), k -> new HashSet<>()).add(r.ref());
                    ledger.add(r.api(), r.facts() != null
                            ? new FactRequirements(r.facts().get(0).requires(), r.facts().get(0).sources())
                            : new AnnotatedRequirements(r.annotated(), r.since(), timeline, annotationSources));
                }
            }
        }

        Map<FieldRef, String> uriFields = operations.isEmpty() ? Map.of() : keyed.uriFields();
        Set<Object> wanted = new HashSet<>(operations.keySet());
        wanted.addAll(uriFields.keySet());
        wanted.addAll(argumentFacts.keySet());
        refsByApi.values().forEach(wanted::addAll);
        Map<Object, List<CodeSite>> sites = index.sitesOf(wanted, context);

        Map<String, List<PermissionLedger.Caller>> callers = new TreeMap<>();
        for (Map.Entry<MethodRef, List<PermissionFacts.ApiFact>> e : argumentFacts.entrySet()) {
            for (CodeSite site : sites.getOrDefault(e.getKey(), List.of())) {
                for (PermissionFacts.ApiFact f : e.getValue()) {
                    if (f.argEquals() == null || DataAccessPass.argumentMatches(site, f.argEquals())) {
                        String key = f.api() + (f.argEquals() == null ? "" : " [" + f.argEquals() + "]");
                        ledger.add(key, new FactRequirements(f.requires(), f.sources()));
                        callers.computeIfAbsent(key, k -> new ArrayList<>()).add(caller(context, site));
                    }
                }
            }
        }
        for (KeyedAccessFinder.Access a : keyed.find(operations, uriFields, sites)) {
            ledger.add(a.key(), a.history());
            callers.computeIfAbsent(a.key(), k -> new ArrayList<>()).addAll(a.callers());
        }
        for (String key : ledger.unmetSubjects()) {
            List<PermissionLedger.Caller> where = callers.get(key);
            if (where == null) {
                where = new ArrayList<>();
                for (MethodRef ref : refsByApi.getOrDefault(key, Set.of())) {
                    for (CodeSite site : sites.getOrDefault(ref, List.of())) {
                        where.add(caller(context, site));
                    }
                }
            }
            ledger.setCallers(key, where);
        }

        Map<String, UsesPermission> declared = new TreeMap<>();
        uses.forEach(u -> declared.putIfAbsent(u.name(), u));
        Map<String, TreeSet<String>> usedBy = ledger.usedBy();
        addDataAccess(context, ledger, grants, min, max, usedBy);
        TreeSet<String> names = new TreeSet<>(declared.keySet());
        names.addAll(ledger.neededButMissing());
        // Used and held without being named: split off a declared permission, or implicit.
        Map<String, String> grantedWith = new TreeMap<>();
        for (String name : usedBy.keySet()) {
            if (!declared.containsKey(name)) {
                for (int level = min; level <= max && !grantedWith.containsKey(name); level++) {
                    String how = grants.grantedWith(name, level);
                    if (how != null && !how.isEmpty()) {
                        grantedWith.put(name, how);
                    }
                }
            }
        }
        names.addAll(grantedWith.keySet());
        List<PermissionFinding> out = new ArrayList<>();
        for (String name : names) {
            PermissionCatalog.Permission p = platform.permission(name);
            UsesPermission u = declared.get(name);
            out.add(new PermissionFinding(name, u != null, p == null ? null : p.protection(),
                    p == null ? null : p.group(), u == null ? null : u.maxSdkVersion(),
                    List.copyOf(usedBy.getOrDefault(name, new TreeSet<>())), grantedWith.get(name)));
        }
        context.setPermissions(out, ledger.findings());
    }

    /**
     * Personal-data reads ({@code sources.json}, argument conditions already checked) whose API
     * neither the annotations nor the facts judge ({@code AudioRecord.read}, the callback
     * {@code LocationListener.onLocationChanged}): a permission that source names and the app holds
     * counts as used by it. Never a finding: what a source's permission guards is the data, and
     * the call that needs it is judged where it is made.
     */
    private static void addDataAccess(AnalysisContext context, PermissionLedger ledger, AppGrants grants, int min,
                                      int max, Map<String, TreeSet<String>> usedBy) {
        for (DataAccess d : context.dataAccess()) {
            if (d.permission() == null || ledger.has(d.api())) {
                continue;
            }
            for (String alternative : d.permission().split("\\|")) {
                List<String> holders = new ArrayList<>();
                for (String p : alternative.split("\\+")) {
                    String h = holderSomewhere(grants, p, min, max);
                    if (h == null) {
                        holders.clear();
                        break;
                    }
                    holders.add(h);
                }
                holders.forEach(p -> usedBy.computeIfAbsent(p, k -> new TreeSet<>()).add(d.api()));
            }
        }
    }

    /** What makes the app hold {@code permission} on the first level of {@code min..max} where it does, or null. */
    private static String holderSomewhere(AppGrants grants, String permission, int min, int max) {
        for (int level = min; level <= max; level++) {
            String h = grants.holder(permission, level);
            if (h != null) {
                return h;
            }
        }
        return null;
    }

    /** The method a site is in, and whose code it is. */
    static PermissionLedger.Caller caller(AnalysisContext context, CodeSite site) {
        String type = site.owner().type();
        return new PermissionLedger.Caller(new CodeLocation(Types.toJavaName(type), site.method().signature()),
                context.ownership().libraryOf(type));
    }
}
