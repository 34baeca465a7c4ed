package org.leakscan.analysis.permissions;

import java.util.ArrayList;
import java.util.List;
import org.leakscan.catalog.LevelRange;
import org.leakscan.catalog.PermissionRequirement;

/**
 * What AOSP's {@code @RequiresPermission} annotations say about one method, level by level
 * ({@code api-permissions.json}), read the way the platform applies them:
 * <ul>
 *   <li>below the first level that annotates the method (down to the first level whose framework
 *       has it), the first annotation is assumed to have held already (annotations were sparse
 *       before API 26; where a requirement really was added later, a hand-written fact replaces
 *       the annotations);</li>
 *   <li>an app targeting below the level from which a permission is enforced (BLUETOOTH_CONNECT:
 *       31, NEARBY_WIFI_DEVICES: 33…, from {@link PermissionTimeline}) is judged as on the level
 *       before that: the platform keeps the old behaviour for it; likewise, from the level a legacy
 *       permission was replaced (BLUETOOTH, BLUETOOTH_ADMIN: 31), a method that needed it on the
 *       level before is judged for an app targeting below that level as on the level before
 *       (AOSP marks these {@code @RequiresLegacyBluetoothPermission}, which the map does not read);</li>
 *   <li>a permission that did not exist yet on a level is dropped there.</li>
 * </ul>
 */
public final class AnnotatedRequirements implements RequirementHistory {

    private final List<LevelRange<PermissionRequirement>> ranges;
    private final int since;
    private final PermissionTimeline timeline;
    private final List<String> sources;

    /**
     * @param ranges   the method's ranges, oldest first (not empty)
     * @param since    the first level whose framework has the method: below it, nothing is required
     * @param timeline when permissions appeared and from which target SDK they are enforced
     * @param sources  how the report names the annotations read
     */
    public AnnotatedRequirements(List<LevelRange<PermissionRequirement>> ranges, int since, PermissionTimeline timeline,
                                 List<String> sources) {
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("no ranges");
        }
        this.ranges = List.copyOf(ranges);
        this.since = since;
        this.timeline = timeline;
        this.sources = List.copyOf(sources);
    }

    @Override
    public List<Part> at(int level, int targetSdk) {
        if (level < since) {
            return List.of();
        }
        int judged = judgedLevel(level, targetSdk);
        PermissionRequirement r = rangeAt(judged);
        if (r == null) {
            return List.of();
        }
        PermissionRequirement existing = existingAt(r, judged);
        if (existing == null) {
            return List.of();
        }
        return List.of(new Part(existing, existing.conditional() ? Part.ANNOTATED_CONDITION : null, null));
    }

    @Override
    public List<String> sources() {
        return sources;
    }

    /** The requirement annotated for {@code level}, the first one below the first range, else null. */
    private PermissionRequirement rangeAt(int level) {
        for (LevelRange<PermissionRequirement> r : ranges) {
            if (r.contains(level)) {
                return r.value();
            }
        }
        return level < ranges.get(0).from() ? ranges.get(0).value() : null;
    }

    /**
     * The level whose requirement applies to an app targeting {@code targetSdk} on {@code level}:
     * the level itself, or the level before the one from which a permission it names is enforced,
     * when the app targets below that.
     */
    private int judgedLevel(int level, int targetSdk) {
        int judged = legacyLevel(level, targetSdk);
        while (true) {
            PermissionRequirement r = rangeAt(judged);
            if (r == null) {
                return judged;
            }
            int gate = Integer.MAX_VALUE;
            for (String p : r.permissions()) {
                int enforced = timeline.enforcedFromTargetSdk(p);
                if (enforced > targetSdk && judged >= enforced) {
                    gate = Math.min(gate, enforced);
                }
            }
            if (gate == Integer.MAX_VALUE) {
                return judged;
            }
            judged = gate - 1;
        }
    }

    /**
     * {@code level}, or the level before the one that replaced a legacy permission the method
     * needed there, when the app targets below that.
     */
    private int legacyLevel(int level, int targetSdk) {
        for (int replacedAt = level; replacedAt > Math.max(targetSdk, 1); replacedAt--) {
            PermissionRequirement before = rangeAt(replacedAt - 1);
            if (before == null) {
                continue;
            }
            for (String p : before.permissions()) {
                int legacy = timeline.legacyForTargetSdkBelow(p);
                if (legacy == replacedAt && targetSdk < legacy) {
                    return replacedAt - 1;
                }
            }
        }
        return level;
    }

    /** {@code r} without the permissions that did not exist yet on {@code level}; null when nothing is left. */
    private PermissionRequirement existingAt(PermissionRequirement r, int level) {
        List<String> allOf = existing(r.allOf(), level);
        List<String> anyOf = existing(r.anyOf(), level);
        if (allOf.isEmpty() && anyOf.isEmpty()) {
            return null;
        }
        return allOf.size() == r.allOf().size() && anyOf.size() == r.anyOf().size()
                ? r : new PermissionRequirement(allOf, anyOf, r.conditional());
    }

    private List<String> existing(List<String> names, int level) {
        List<String> out = new ArrayList<>(names.size());
        for (String p : names) {
            if (timeline.addedIn(p) <= level) {
                out.add(p);
            }
        }
        return out;
    }
}
