package org.leakscan.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.leakscan.analysis.findings.ComponentFinding;
import org.leakscan.android.AndroidManifest;

/** Manifest components and whether other apps can reach them. */
public final class ComponentPass implements Pass {

    public static final PassInfo INFO = PassInfo.of("components",
            "activities, services, receivers and providers, with their effective exported state");

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public void run(AnalysisContext context) {
        AndroidManifest m = context.manifest();
        if (m == null) {
            return;
        }
        List<ComponentFinding> out = new ArrayList<>();
        for (org.leakscan.android.Component c : m.components()) {
            TreeSet<String> actions = new TreeSet<>();
            for (org.leakscan.android.IntentFilter f : c.intentFilters()) {
                actions.addAll(f.actions());
            }
            out.add(new ComponentFinding(c.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), c.name(),
                    c.exported(), c.exportedReason(), c.permission(), List.copyOf(actions)));
        }
        out.sort(Comparator.comparing(ComponentFinding::type).thenComparing(ComponentFinding::name));
        context.setComponents(out);
    }
}
