package org.leakscan.analysis.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.leakscan.android.UsesPermission;
import org.leakscan.catalog.Catalogs;
import org.leakscan.catalog.LevelRange;
import org.leakscan.catalog.PermissionRequirement;

/**
 * How annotated ranges are read level by level for a target SDK, and how the judge turns them into
 * verdicts, with the shipped facts' permission history (BLUETOOTH_CONNECT enforced from target 31,
 * BLUETOOTH legacy below 31, POST_NOTIFICATIONS added in 33).
 */
class AnnotatedRequirementsTest {

    private static final String BT = "android.permission.BLUETOOTH";
    private static final String CONNECT = "android.permission.BLUETOOTH_CONNECT";
    private static final String COARSE = "android.permission.ACCESS_COARSE_LOCATION";
    private static final String FINE = "android.permission.ACCESS_FINE_LOCATION";
    private static final String NOTIFY = "android.permission.POST_NOTIFICATIONS";
    private static final String PRIVILEGED = "android.permission.READ_PRIVILEGED_PHONE_STATE";
    private static final String PHONE = "android.permission.READ_PHONE_STATE";

    private static final Catalogs CATALOGS = Catalogs.builtIn();
    private static final PermissionTimeline TIMELINE = new PermissionTimeline(CATALOGS.permissionFacts(),
            CATALOGS.apiPermissions(), CATALOGS.permissions());

    private static PermissionRequirement all(String... p) {
        return new PermissionRequirement(List.of(p), List.of(), false);
    }

    private static AnnotatedRequirements history(int since, List<LevelRange<PermissionRequirement>> ranges) {
        return new AnnotatedRequirements(ranges, since, TIMELINE, List.of("test"));
    }

    private static String at(RequirementHistory h, int level, int target) {
        List<Part> parts = h.at(level, target);
        return parts.isEmpty() ? "none" : RequirementJudge.describe(parts.get(0).requirement());
    }

    @Test
    void theFirstAnnotationHeldBeforeItButNotBeforeTheMethodExisted() {
        AnnotatedRequirements h = history(18, List.of(new LevelRange<>(23, LevelRange.OPEN,
                new PermissionRequirement(List.of(), List.of(COARSE, FINE), false))));
        assertEquals("none", at(h, 17, 30));
        assertEquals("one of ACCESS_COARSE_LOCATION, ACCESS_FINE_LOCATION", at(h, 18, 30));
        assertEquals("one of ACCESS_COARSE_LOCATION, ACCESS_FINE_LOCATION", at(h, 36, 30));
    }

    @Test
    void anAppTargetingBelowEnforcementIsJudgedOnTheLevelBefore() {
        // BluetoothAdapter.getName(): BLUETOOTH to 30, BLUETOOTH_CONNECT from 31 (enforced from target 31).
        AnnotatedRequirements h = history(1, List.of(new LevelRange<>(23, 30, all(BT)),
                new LevelRange<>(31, LevelRange.OPEN, all(CONNECT))));
        assertEquals("BLUETOOTH", at(h, 30, 31));
        assertEquals("BLUETOOTH_CONNECT", at(h, 31, 31));
        assertEquals("BLUETOOTH", at(h, 31, 30));
        assertEquals("BLUETOOTH", at(h, 36, 28));
    }

    @Test
    void aLegacyPermissionStillHoldsForOldTargetsWhereNothingReplacedIt() {
        // BluetoothAdapter.isEnabled(): BLUETOOTH to 30, then @RequiresLegacyBluetoothPermission only.
        AnnotatedRequirements h = history(1, List.of(new LevelRange<>(23, 30, all(BT))));
        assertEquals("BLUETOOTH", at(h, 33, 30));
        assertEquals("none", at(h, 33, 31));
        assertEquals("BLUETOOTH", at(h, 30, 31));
    }

    @Test
    void aPermissionIsNotRequiredBeforeItExisted() {
        AnnotatedRequirements h = history(1, List.of(new LevelRange<>(33, LevelRange.OPEN, all(NOTIFY))));
        assertEquals("none", at(h, 32, 33), "POST_NOTIFICATIONS was added in 33");
        assertEquals("POST_NOTIFICATIONS", at(h, 33, 33));
        assertEquals("none", at(h, 34, 32), "enforced from target 33 only");
    }

    @Test
    void theJudgeGivesOneVerdictPerRequirementAndLevels() {
        // getDeviceId(): READ_PHONE_STATE to 28, privileged only from 29.
        AnnotatedRequirements h = history(1, List.of(new LevelRange<>(23, 28, all(PHONE)),
                new LevelRange<>(29, LevelRange.OPEN, all(PRIVILEGED))));
        AppGrants none = new AppGrants(List.of(), 30, TIMELINE);
        RequirementJudge.Judgement j = RequirementJudge.judge(h, none, 21, 36, true);
        Map<RequirementJudge.Verdict, TreeSet<Integer>> v = j.verdicts();
        assertEquals(2, v.size(), v.toString());
        RequirementJudge.Verdict[] verdicts = v.keySet().toArray(new RequirementJudge.Verdict[0]);
        assertEquals(RequirementJudge.Status.NOT_DECLARED, verdicts[0].status());
        assertEquals(List.of(PHONE), verdicts[0].shown().allOf());
        assertEquals(21, v.get(verdicts[0]).first());
        assertEquals(28, v.get(verdicts[0]).last());
        assertEquals(RequirementJudge.Status.PRIVILEGED_ONLY, verdicts[1].status());
        assertEquals(29, v.get(verdicts[1]).first());
        assertTrue(j.used().contains(PHONE), "a plain requirement not met counts as used");
        assertEquals("API 21–28: READ_PHONE_STATE; API 29+: READ_PRIVILEGED_PHONE_STATE (privileged apps only)",
                j.history());

        AppGrants phone = new AppGrants(List.of(new UsesPermission(PHONE, 28, false)), 30, TIMELINE);
        RequirementJudge.Judgement k = RequirementJudge.judge(h, phone, 21, 36, true);
        assertTrue(k.verdicts().keySet().stream().anyMatch(x -> x.status() == RequirementJudge.Status.MET));
        assertTrue(k.verdicts().keySet().stream().noneMatch(x -> x.status() == RequirementJudge.Status.NOT_DECLARED));
    }

    @Test
    void anyOfIsMetByAnAlternativeOrByOneThatCountsForIt() {
        AnnotatedRequirements h = history(1, List.of(new LevelRange<>(23, LevelRange.OPEN,
                new PermissionRequirement(List.of(), List.of(COARSE), false))));
        AppGrants fine = new AppGrants(List.of(new UsesPermission(FINE, null, false)), 30, TIMELINE);
        RequirementJudge.Judgement j = RequirementJudge.judge(h, fine, 21, 36, true);
        assertEquals(1, j.verdicts().size());
        assertEquals(RequirementJudge.Status.MET, j.verdicts().keySet().iterator().next().status());
        assertEquals(List.of(FINE), List.copyOf(j.used()), "FINE holds COARSE");
        assertNull(j.history());
    }
}
