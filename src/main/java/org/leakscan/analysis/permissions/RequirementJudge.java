package org.leakscan.analysis.permissions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.leakscan.catalog.LevelRange;
import org.leakscan.catalog.PermissionRequirement;

/**
 * Judges what one API requires against what the app holds, on every platform level the app runs
 * on: met, not declared (a plain requirement), conditional and not met, or satisfiable only by a
 * privileged app. An any-of requirement is met by any one of its alternatives and, when none is
 * held, is one verdict naming all of them.
 */
public final class RequirementJudge {

    /** How one requirement stands on one level. */
    public enum Status {
        MET, NOT_DECLARED, CONDITIONAL, PRIVILEGED_ONLY
    }

    /**
     * One verdict.
     *
     * @param shown     for {@link Status#NOT_DECLARED} and {@link Status#CONDITIONAL}, what is
     *                  missing (all of {@code allOf}, one of {@code anyOf}); otherwise the requirement
     * @param dependsOn what a conditional requirement depends on, or null
     * @param note      the facts' note, or null
     */
    public record Verdict(Status status, PermissionRequirement shown, String dependsOn, String note) {
    }

    /**
     * A subject judged over the app's levels.
     *
     * @param verdicts the levels of each verdict, in the order first seen
     * @param used     permissions the subject uses: those it needs that are held, and for a plain
     *                 requirement not met, those missing
     * @param history  how its requirement changes over the levels ({@code API 16–28: …; API 29+: …}),
     *                 or null when it does not change
     */
    public record Judgement(Map<Verdict, TreeSet<Integer>> verdicts, Set<String> used, String history) {
    }

    private RequirementJudge() {
    }

    /**
     * Judges {@code history} on levels {@code from} to {@code to} (both included) for {@code grants};
     * {@code openEnd}: {@code to} is the newest level known and later ones are assumed to be the same.
     */
    public static Judgement judge(RequirementHistory history, AppGrants grants, int from, int to, boolean openEnd) {
        Map<Verdict, TreeSet<Integer>> verdicts = new LinkedHashMap<>();
        Set<String> used = new TreeSet<>();
        List<String> texts = new ArrayList<>();
        for (int level = from; level <= to; level++) {
            List<Part> parts = history.at(level, grants.targetSdk());
            texts.add(describe(parts, grants));
            for (Part part : parts) {
                Verdict v = verdict(part, grants, level, used);
                verdicts.computeIfAbsent(v, k -> new TreeSet<>()).add(level);
            }
        }
        return new Judgement(verdicts, used, history(texts, from, openEnd));
    }

    private static Verdict verdict(Part part, AppGrants grants, int level, Set<String> used) {
        PermissionRequirement r = part.requirement();
        List<String> anyGrantable = grants.grantable(r.anyOf());
        boolean privileged = grants.grantable(r.allOf()).size() < r.allOf().size()
                || (!r.anyOf().isEmpty() && anyGrantable.isEmpty());
        if (privileged) {
            for (String p : r.permissions()) {
                if (grants.declares(p, level)) {
                    used.add(p);
                }
            }
            PermissionRequirement plain = new PermissionRequirement(r.allOf(), r.anyOf(), false);
            return new Verdict(part.conditional() ? Status.CONDITIONAL : Status.PRIVILEGED_ONLY, plain,
                    part.dependsOn(), part.note());
        }
        List<String> missingAll = new ArrayList<>();
        for (String p : r.allOf()) {
            String holder = grants.holder(p, level);
            if (holder != null) {
                used.add(holder);
            } else {
                missingAll.add(p);
            }
        }
        List<String> heldAny = new ArrayList<>();
        for (String p : anyGrantable) {
            String holder = grants.holder(p, level);
            if (holder != null) {
                heldAny.add(p);
                used.add(holder);
            }
        }
        boolean anyMet = r.anyOf().isEmpty() || !heldAny.isEmpty();
        if (missingAll.isEmpty() && anyMet) {
            return new Verdict(Status.MET, new PermissionRequirement(r.allOf(), r.anyOf(), false), part.dependsOn(),
                    part.note());
        }
        PermissionRequirement missing = new PermissionRequirement(missingAll, anyMet ? List.of() : anyGrantable, false);
        if (part.conditional()) {
            return new Verdict(Status.CONDITIONAL, missing, part.dependsOn(), part.note());
        }
        used.addAll(missing.permissions());
        return new Verdict(Status.NOT_DECLARED, missing, null, part.note());
    }

    /** {@code READ_PHONE_STATE}, {@code one of A, B}, {@code A and B (conditional)}, {@code no permission}. */
    static String describe(List<Part> parts, AppGrants grants) {
        if (parts.isEmpty()) {
            return "no permission";
        }
        List<String> out = new ArrayList<>();
        for (Part p : parts) {
            String text = describe(p.requirement());
            boolean privileged = grants.grantable(p.requirement().allOf()).size() < p.requirement().allOf().size()
                    || (!p.requirement().anyOf().isEmpty() && grants.grantable(p.requirement().anyOf()).isEmpty());
            out.add(text + (privileged ? " (privileged apps only)" : "") + (p.conditional() ? " (conditional)" : ""));
        }
        return String.join(" + ", out);
    }

    /** A requirement in words, with short permission names. */
    public static String describe(PermissionRequirement r) {
        List<String> words = new ArrayList<>();
        if (!r.allOf().isEmpty()) {
            words.add(String.join(" and ", r.allOf().stream().map(RequirementJudge::shortName).toList()));
        }
        if (!r.anyOf().isEmpty()) {
            words.add(r.anyOf().size() == 1 ? shortName(r.anyOf().get(0))
                    : "one of " + String.join(", ", r.anyOf().stream().map(RequirementJudge::shortName).toList()));
        }
        return String.join(" and ", words);
    }

    /** {@code android.permission.X} to {@code X}; other names as they are. */
    public static String shortName(String permission) {
        return permission.startsWith("android.permission.") ? permission.substring("android.permission.".length())
                : permission;
    }

    private static String history(List<String> texts, int from, boolean openEnd) {
        List<String> runs = new ArrayList<>();
        int start = from;
        for (int i = 1; i <= texts.size(); i++) {
            if (i == texts.size() || !texts.get(i).equals(texts.get(i - 1))) {
                int end = from + i - 1;
                runs.add(LevelRange.describe(start, i == texts.size() && openEnd ? LevelRange.OPEN : end) + ": "
                        + texts.get(i - 1));
                start = from + i;
            }
        }
        return runs.size() > 1 ? String.join("; ", runs) : null;
    }
}
