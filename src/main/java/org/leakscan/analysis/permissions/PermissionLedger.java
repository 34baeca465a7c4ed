package org.leakscan.analysis.permissions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.leakscan.analysis.findings.CodeLocation;
import org.leakscan.analysis.findings.PermissionRequirementFinding;
import org.leakscan.analysis.findings.PermissionRequirementFinding.LevelSpan;
import org.leakscan.analysis.findings.PermissionRequirementFinding.Unmet;
import org.leakscan.program.Types;

/**
 * The permission verdicts of one app: every subject (an API called, a provider read or written,
 * an intent started, a broadcast received) judged on the app's levels, then what each permission
 * is used by and the requirements the manifest does not meet, grouped by requirement.
 */
public final class PermissionLedger {

    /** Code (or a manifest receiver) that does what a subject describes. */
    public record Caller(CodeLocation location, String library) {
    }

    private record Subject(String key, RequirementHistory history, RequirementJudge.Judgement judgement) {
    }

    /**
     * Subjects grouped for the report: same status and condition, and the same unmet requirements
     * (in the same order over the levels; on which levels may differ between them).
     */
    private record GroupKey(RequirementJudge.Status status, String dependsOn, List<List<List<String>>> profile) {
    }

    private final AppGrants grants;
    private final int fromLevel;
    private final int toLevel;
    private final boolean openEnd;
    private final Map<String, Subject> subjects = new TreeMap<>();
    private final Map<String, List<Caller>> callers = new TreeMap<>();

    /**
     * @param fromLevel the app's minSdk (1 when unknown)
     * @param toLevel   the newest level known, or the app's maxSdk when lower
     * @param openEnd   whether levels after {@code toLevel} count as the same
     */
    public PermissionLedger(AppGrants grants, int fromLevel, int toLevel, boolean openEnd) {
        this.grants = grants;
        this.fromLevel = fromLevel;
        this.toLevel = toLevel;
        this.openEnd = openEnd;
    }

    /** Judges one subject; the same key twice keeps the first (one API, one history). */
    public void add(String key, RequirementHistory history) {
        subjects.computeIfAbsent(key, k -> new Subject(k, history,
                RequirementJudge.judge(history, grants, fromLevel, toLevel, openEnd)));
    }

    /** Subjects with a verdict other than met: the ones whose callers the report shows. */
    public Set<String> unmetSubjects() {
        Set<String> out = new TreeSet<>();
        for (Subject s : subjects.values()) {
            if (s.judgement().verdicts().keySet().stream().anyMatch(v -> v.status() != RequirementJudge.Status.MET)) {
                out.add(s.key());
            }
        }
        return out;
    }

    /** Where the code does what {@code key} describes. */
    public void setCallers(String key, List<Caller> where) {
        callers.put(key, List.copyOf(where));
    }

    /** Permission to the subjects that use it, sorted. */
    /** True when {@code key} (an API, provider URI, action) was added. */
    public boolean has(String key) {
        return subjects.containsKey(key);
    }

    public Map<String, TreeSet<String>> usedBy() {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        for (Subject s : subjects.values()) {
            for (String p : s.judgement().used()) {
                out.computeIfAbsent(p, k -> new TreeSet<>()).add(s.key());
            }
        }
        return out;
    }

    /** Permissions some plain requirement needs on some level where the manifest does not give them. */
    public Set<String> neededButMissing() {
        Set<String> out = new TreeSet<>();
        for (Subject s : subjects.values()) {
            for (RequirementJudge.Verdict v : s.judgement().verdicts().keySet()) {
                if (v.status() == RequirementJudge.Status.NOT_DECLARED) {
                    out.addAll(v.shown().permissions());
                }
            }
        }
        return out;
    }

    /**
     * The unmet requirements: one finding per status and condition for the subjects whose unmet
     * requirements are the same on the same levels, in a stable order.
     */
    public List<PermissionRequirementFinding> findings() {
        Map<GroupKey, Group> groups = new LinkedHashMap<>();
        for (Subject s : subjects.values()) {
            Map<List<Object>, List<Map.Entry<RequirementJudge.Verdict, TreeSet<Integer>>>> byKind = new LinkedHashMap<>();
            for (Map.Entry<RequirementJudge.Verdict, TreeSet<Integer>> e : s.judgement().verdicts().entrySet()) {
                RequirementJudge.Verdict v = e.getKey();
                if (v.status() != RequirementJudge.Status.MET) {
                    byKind.computeIfAbsent(java.util.Arrays.asList(v.status(), v.dependsOn()), k -> new ArrayList<>()).add(e);
                }
            }
            for (List<Map.Entry<RequirementJudge.Verdict, TreeSet<Integer>>> verdicts : byKind.values()) {
                verdicts.sort(Comparator.comparing(e -> e.getValue().first()));
                // The same missing permissions with different notes are one entry.
                Map<List<List<String>>, TreeSet<Integer>> entries = new LinkedHashMap<>();
                TreeSet<String> notes = new TreeSet<>();
                for (Map.Entry<RequirementJudge.Verdict, TreeSet<Integer>> e : verdicts) {
                    RequirementJudge.Verdict v = e.getKey();
                    entries.computeIfAbsent(List.of(v.shown().allOf(), v.shown().anyOf()), k -> new TreeSet<>())
                            .addAll(e.getValue());
                    if (v.note() != null) {
                        notes.add(v.note());
                    }
                }
                RequirementJudge.Verdict first = verdicts.get(0).getKey();
                List<List<List<String>>> profile = List.copyOf(entries.keySet());
                Group g = groups.computeIfAbsent(new GroupKey(first.status(), first.dependsOn(), profile),
                        k -> new Group());
                int i = 0;
                for (TreeSet<Integer> levels : entries.values()) {
                    if (g.levels.size() <= i) {
                        g.levels.add(new TreeSet<>());
                    }
                    g.levels.get(i++).addAll(levels);
                }
                g.apis.add(s.key());
                if (s.judgement().history() != null) {
                    g.history.add(shortSubject(s.key()) + ": " + s.judgement().history());
                }
                g.notes.addAll(notes);
                g.sources.addAll(s.history().sources());
                g.callers.addAll(callers.getOrDefault(s.key(), List.of()));
            }
        }
        List<PermissionRequirementFinding> out = new ArrayList<>();
        for (Map.Entry<GroupKey, Group> e : groups.entrySet()) {
            GroupKey k = e.getKey();
            Group g = e.getValue();
            TreeSet<CodeLocation> where = new TreeSet<>();
            TreeSet<String> libraries = new TreeSet<>();
            boolean app = false;
            for (Caller c : g.callers) {
                where.add(c.location());
                if (c.library() == null) {
                    app = true;
                } else {
                    libraries.add(c.library());
                }
            }
            List<CodeLocation> listed = where.stream().limit(PermissionRequirementFinding.MAX_CALLERS).toList();
            List<Unmet> unmet = new ArrayList<>();
            for (int i = 0; i < k.profile().size(); i++) {
                unmet.add(new Unmet(k.profile().get(i).get(0), k.profile().get(i).get(1), spans(g.levels.get(i))));
            }
            out.add(new PermissionRequirementFinding(status(k.status()), k.dependsOn(), unmet,
                    List.copyOf(g.apis), List.copyOf(g.history), List.copyOf(g.notes),
                    List.copyOf(g.sources), listed, where.size(), List.copyOf(libraries), app));
        }
        out.sort(Comparator.comparing(PermissionRequirementFinding::status)
                .thenComparing(f -> f.unmet().toString())
                .thenComparing(f -> f.dependsOn() == null ? "" : f.dependsOn())
                .thenComparing(f -> String.join(",", f.apis())));
        return out;
    }

    private static final class Group {
        final List<TreeSet<Integer>> levels = new ArrayList<>();
        final TreeSet<String> apis = new TreeSet<>();
        final TreeSet<String> history = new TreeSet<>();
        final TreeSet<String> notes = new TreeSet<>();
        final TreeSet<String> sources = new TreeSet<>();
        final List<Caller> callers = new ArrayList<>();
    }

    private static String status(RequirementJudge.Status s) {
        return switch (s) {
            case NOT_DECLARED -> PermissionRequirementFinding.NOT_DECLARED;
            case CONDITIONAL -> PermissionRequirementFinding.CONDITIONAL;
            case PRIVILEGED_ONLY -> PermissionRequirementFinding.PRIVILEGED_ONLY;
            case MET -> throw new IllegalArgumentException("met requirements are not findings");
        };
    }

    /** Runs of consecutive levels; the last is open when it reaches the newest level and later ones count. */
    private List<LevelSpan> spans(TreeSet<Integer> levels) {
        List<LevelSpan> out = new ArrayList<>();
        Integer start = null;
        Integer prev = null;
        for (int l : levels) {
            if (start == null) {
                start = l;
            } else if (l != prev + 1) {
                out.add(new LevelSpan(start, prev));
                start = l;
            }
            prev = l;
        }
        if (start != null) {
            out.add(new LevelSpan(start, prev == toLevel && openEnd ? null : prev));
        }
        return out;
    }

    /** {@code TelephonyManager.getDeviceId()} for a descriptor (with its argument condition); other subjects as they are. */
    static String shortSubject(String key) {
        int condition = key.lastIndexOf(" [");
        return condition > 0 && key.endsWith("]") && key.startsWith("L")
                ? Types.shortMember(key.substring(0, condition)) + key.substring(condition)
                : Types.shortMember(key);
    }
}
