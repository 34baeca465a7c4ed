package org.leakscan.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.leakscan.android.AndroidManifest;
import org.leakscan.catalog.Tracker;
import org.leakscan.catalog.TrackerCatalog;
import org.leakscan.program.Types;

/**
 * Says whose code a class is: a known SDK's (the tracker catalogue's id, whatever the app), the
 * app's own, or another library's. The app's packages are the manifest
 * package, the package of the Application class, and the packages of components that share the
 * manifest package's first two labels (apps whose namespace differs from their application id).
 * Anything else is a library, named by its package cut to three labels
 * ({@code io.tinymetrics.sdk.internal} becomes {@code io.tinymetrics.sdk}). Without a manifest (a
 * plain JAR) the input itself is the subject and nothing is attributed to a library.
 */
public final class CodeOwnership {

    private static final int LIBRARY_LABELS = 3;

    private final List<String> appPackages;
    private final TrackerCatalog trackers;
    private final ConcurrentHashMap<String, String> cache = new ConcurrentHashMap<>();

    public CodeOwnership(AndroidManifest manifest, TrackerCatalog trackers) {
        this.trackers = trackers;
        List<String> packages = new ArrayList<>();
        if (manifest != null && manifest.packageName() != null && !manifest.packageName().isBlank()) {
            String pkg = manifest.packageName();
            packages.add(pkg);
            String root = firstLabels(pkg, 2);
            if (manifest.application() != null && manifest.application().className() != null) {
                packages.add(packageOfClass(manifest.application().className()));
            }
            for (org.leakscan.android.Component c : manifest.components()) {
                String p = packageOfClass(c.name());
                if (!p.isEmpty() && firstLabels(p, 2).equals(root)) {
                    packages.add(p);
                }
            }
        }
        this.appPackages = packages.stream().filter(p -> !p.isEmpty()).distinct().toList();
    }

    /**
     * The tracker id for code inside a catalogued SDK's packages; null for the app's own code (or
     * when there is no app to compare with); else the library's package name.
     */
    public String libraryOf(String classType) {
        Tracker t = trackers.trackerForClass(Types.toJavaName(classType));
        if (t != null) {
            return t.id();
        }
        if (appPackages.isEmpty()) {
            return null;
        }
        String pkg = Types.packageOf(classType);
        String lib = cache.computeIfAbsent(pkg, this::compute);
        return lib.isEmpty() ? null : lib;
    }

    private String compute(String pkg) {
        for (String app : appPackages) {
            if (pkg.equals(app) || pkg.startsWith(app + ".")) {
                return "";
            }
        }
        return pkg.isEmpty() ? "(default package)" : firstLabels(pkg, LIBRARY_LABELS);
    }

    private static String packageOfClass(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    private static String firstLabels(String pkg, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = pkg.indexOf('.', at + 1);
            if (at < 0) {
                return pkg;
            }
        }
        return pkg.substring(0, at);
    }
}
