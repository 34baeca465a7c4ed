package org.leakscan.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.leakscan.analysis.findings.Endpoint;
import org.leakscan.analysis.findings.TrackerFinding;
import org.leakscan.android.AndroidManifest;
import org.leakscan.android.Component;
import org.leakscan.android.MetaData;
import org.leakscan.catalog.Tracker;
import org.leakscan.catalog.TrackerCatalog;
import org.leakscan.catalog.TrackerCategory;
import org.leakscan.program.ClassDef;
import org.leakscan.program.Types;

/**
 * Which third-party SDKs the app carries, with evidence: classes under the SDK's package prefixes
 * (counted per prefix), the SDK's classes named in the manifest (R8 keeps those names even in
 * obfuscated apps), its manifest meta-data keys, its hosts among the endpoints, and its
 * distinctive strings in code.
 *
 * <p>An SDK is reported on code evidence (at least two classes, or manifest entries), or, where obfuscation
 * renamed its packages, when its hosts and its strings are both seen: a host alone can be a link
 * to the vendor's web site, a string alone a coincidence.
 */
public final class TrackerPass implements Pass {

    public static final PassInfo INFO = PassInfo.of("trackers",
            "third-party SDKs by packages, manifest entries, hosts and strings", ManifestPass.INFO.id(),
            CodeIndexPass.INFO.id(), EndpointPass.INFO.id());

    /** Fewest classes under a tracker's packages that count as its code without other evidence. */
    static final int MIN_CLASSES = 2;

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public void run(AnalysisContext context) {
        TrackerCatalog catalog = context.catalogs().trackers();
        Map<String, Found> found = new TreeMap<>();
        for (ClassDef c : context.program().classes()) {
            String name = Types.toJavaName(c.type());
            Tracker t = catalog.trackerForClass(name);
            if (t != null) {
                found(found, t).packages.merge(longestPrefix(t, name), 1, Integer::sum);
            }
        }
        AndroidManifest manifest = context.manifest();
        if (manifest != null) {
            for (Component c : manifest.components()) {
                Tracker t = catalog.trackerForClass(c.name());
                if (t != null) {
                    found(found, t).manifest.add(c.name());
                }
                manifestKeys(catalog, c.metaData(), found);
            }
            manifestKeys(catalog, manifest.metaData(), found);
        }
        for (Endpoint e : context.endpoints()) {
            Tracker t = e.host() == null ? null : catalog.trackerForHost(e.host());
            if (t != null) {
                found(found, t).hosts.add(e.host());
            }
        }
        for (CodeIndex.StringSite s : context.codeIndex().strings()) {
            for (Tracker t : catalog.trackersWithString(s.value())) {
                found(found, t).strings.add(s.value());
            }
        }
        List<TrackerFinding> out = new ArrayList<>();
        for (Found f : found.values()) {
            // One class alone is a shared model or stub (Play services base ships
            // GoogleSignInAccount to every app that uses any Google API), not the SDK.
            int classes = f.packages.values().stream().mapToInt(Integer::intValue).sum();
            boolean code = classes >= MIN_CLASSES || !f.manifest.isEmpty();
            if (!code && (f.hosts.isEmpty() || f.strings.isEmpty())) {
                continue;
            }
            out.add(finding(context, f));
        }
        context.setTrackers(out);
    }

    private static TrackerFinding finding(AnalysisContext context, Found f) {
        Tracker t = f.tracker;
        var entity = context.catalogs().entities().entity(t.owner()).orElse(null);
        List<TrackerFinding.PackageCount> packages = new ArrayList<>();
        f.packages.forEach((prefix, n) -> packages.add(new TrackerFinding.PackageCount(prefix, n)));
        return new TrackerFinding(t.id(), t.name(), entity == null ? t.owner() : entity.name(), t.owner(),
                entity == null ? org.leakscan.analysis.findings.Owner.UNKNOWN : entity.country(),
                t.categories().stream().map(TrackerCategory::id).toList(),
                t.website(), new TrackerFinding.Evidence(packages, List.copyOf(f.hosts), List.copyOf(f.strings),
                        List.copyOf(f.manifest)));
    }

    private static void manifestKeys(TrackerCatalog catalog, List<MetaData> metaData, Map<String, Found> found) {
        for (MetaData m : metaData) {
            for (Tracker t : catalog.trackersWithManifestKey(m.name())) {
                found(found, t).manifest.add(m.name());
            }
        }
    }

    /** The tracker's package prefix the class is under, without its trailing dot. */
    private static String longestPrefix(Tracker t, String className) {
        String best = "";
        for (String p : t.packages()) {
            if (className.startsWith(p) && p.length() > best.length()) {
                best = p;
            }
        }
        return best.endsWith(".") ? best.substring(0, best.length() - 1) : best;
    }

    private static Found found(Map<String, Found> found, Tracker t) {
        return found.computeIfAbsent(t.id(), k -> new Found(t));
    }

    /** Evidence gathered for one tracker. */
    private static final class Found {
        final Tracker tracker;
        final Map<String, Integer> packages = new TreeMap<>();
        final Set<String> manifest = new TreeSet<>();
        final Set<String> hosts = new TreeSet<>();
        final Set<String> strings = new TreeSet<>();

        Found(Tracker tracker) {
            this.tracker = tracker;
        }
    }
}
