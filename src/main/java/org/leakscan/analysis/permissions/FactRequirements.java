package org.leakscan.analysis.permissions;

import java.util.ArrayList;
import java.util.List;
import org.leakscan.catalog.PermissionFacts;

/** The requirements a hand-written fact states: every box that holds on the level for the target SDK. */
public final class FactRequirements implements RequirementHistory {

    private final List<PermissionFacts.Box> boxes;
    private final List<String> sources;

    public FactRequirements(List<PermissionFacts.Box> boxes, List<String> sources) {
        this.boxes = List.copyOf(boxes);
        this.sources = List.copyOf(sources);
    }

    @Override
    public List<Part> at(int level, int targetSdk) {
        List<Part> out = new ArrayList<>(2);
        for (PermissionFacts.Box b : boxes) {
            if (b.applies(level, targetSdk)) {
                out.add(new Part(b.requirement(), b.dependsOn(), b.note()));
            }
        }
        return out;
    }

    @Override
    public List<String> sources() {
        return sources;
    }
}
