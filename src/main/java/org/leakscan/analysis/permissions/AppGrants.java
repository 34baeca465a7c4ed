package org.leakscan.analysis.permissions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.leakscan.android.UsesPermission;
import org.leakscan.catalog.PermissionFacts;

/**
 * What an app holds on a platform level, from its manifest: its {@code <uses-permission>} entries
 * (within their {@code maxSdkVersion}; {@code <uses-permission-sdk-23>} from API 23), the permissions
 * the platform splits off a declared one or grants implicitly for its target SDK, and those that
 * count for others ({@code ACCESS_FINE_LOCATION} for {@code ACCESS_COARSE_LOCATION}). Whether a
 * permission can be held at all by an app that is not privileged comes from its protection level.
 */
public final class AppGrants {

    private final List<UsesPermission> uses;
    private final int targetSdk;
    private final PermissionFacts facts;
    private final PermissionTimeline timeline;

    /**
     * @param uses      the manifest's uses-permission entries (empty without a manifest)
     * @param targetSdk the app's target SDK
     */
    public AppGrants(List<UsesPermission> uses, int targetSdk, PermissionTimeline timeline) {
        this.uses = List.copyOf(uses);
        this.targetSdk = targetSdk;
        this.facts = timeline.facts();
        this.timeline = timeline;
    }

    public int targetSdk() {
        return targetSdk;
    }

    /** Every permission the manifest names. */
    public Set<String> declaredNames() {
        Set<String> out = new TreeSet<>();
        uses.forEach(u -> out.add(u.name()));
        return out;
    }

    /** True when a {@code <uses-permission>} asks for {@code permission} on {@code level}. */
    public boolean declares(String permission, int level) {
        for (UsesPermission u : uses) {
            if (u.name().equals(permission) && (u.maxSdkVersion() == null || level <= u.maxSdkVersion())
                    && (!u.sdk23() || level >= 23)) {
                return true;
            }
        }
        return false;
    }

    /** True when the app holds {@code permission} on {@code level}, declared or granted through another. */
    public boolean holds(String permission, int level) {
        return holder(permission, level) != null;
    }

    /**
     * The permission that makes {@code permission} held on {@code level}: itself (declared, split
     * off a declared one, or implicit for the target SDK), or one that counts for it
     * ({@code ACCESS_FINE_LOCATION} for {@code ACCESS_COARSE_LOCATION}); null when not held.
     */
    public String holder(String permission, int level) {
        if (grantedWith(permission, level) != null) {
            return permission;
        }
        for (PermissionFacts.Satisfies s : facts.satisfies()) {
            if (level >= s.fromApi() && s.satisfies().contains(permission) && grantedWith(s.permission(), level) != null) {
                return s.permission();
            }
        }
        return null;
    }

    /**
     * How the app gets {@code permission} on {@code level}: {@code ""} when the manifest asks for it,
     * the declared permission it is split off for the app's target SDK, {@code "targetSdk < N"} for
     * an implicit one; null when it does not get it.
     */
    public String grantedWith(String permission, int level) {
        if (declares(permission, level)) {
            return "";
        }
        for (PermissionFacts.Implicit i : facts.implicit()) {
            if (targetSdk < i.targetSdkBelow() && i.permissions().contains(permission)) {
                return "targetSdk < " + i.targetSdkBelow();
            }
        }
        for (PermissionFacts.Split s : facts.splits()) {
            if (s.to().contains(permission) && (s.targetSdkBelow() == 0 || targetSdk < s.targetSdkBelow())
                    && declares(s.from(), level)) {
                return s.from();
            }
        }
        return null;
    }

    /**
     * True when an app that is not privileged can hold {@code permission}: a normal or dangerous
     * one, one the user grants as special access (app-op), or one the platform does not define
     * (an app's, an SDK's, or one newer than the platform list). Not: signature and privileged
     * permissions, and AOSP's pseudo-permission "carrier privileges".
     */
    public boolean isGrantable(String permission) {
        if (permission.indexOf('.') < 0) {
            return false;
        }
        String protection = timeline.protection(permission);
        if (protection == null) {
            return true;
        }
        String[] parts = protection.split("\\|");
        if (parts[0].equals("normal") || parts[0].equals("dangerous")) {
            return true;
        }
        for (String flag : parts) {
            if (flag.equals("appop")) {
                return true;
            }
        }
        return false;
    }

    /** The permissions of {@code names} that are grantable, in order. */
    List<String> grantable(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            if (isGrantable(n)) {
                out.add(n);
            }
        }
        return out;
    }
}
