package org.leakscan.analysis.permissions;

import org.leakscan.catalog.ApiPermissionCatalog;
import org.leakscan.catalog.PermissionCatalog;
import org.leakscan.catalog.PermissionFacts;

/**
 * What is known about a permission over time: the level that defined it and the target SDK from
 * which the platform enforces it (hand-written facts first, then the platform manifests the
 * generator read), and its protection level (Android 14's platform manifest, else the newest
 * manifest read).
 */
public final class PermissionTimeline {

    private final PermissionFacts facts;
    private final ApiPermissionCatalog annotations;
    private final PermissionCatalog platform;

    public PermissionTimeline(PermissionFacts facts, ApiPermissionCatalog annotations, PermissionCatalog platform) {
        this.facts = facts;
        this.annotations = annotations;
        this.platform = platform;
    }

    /** The API level that defined the permission; 0 when it is older than everything read (or unknown). */
    public int addedIn(String permission) {
        PermissionFacts.PermissionHistory h = facts.history(permission);
        if (h != null && h.addedIn() > 0) {
            return h.addedIn();
        }
        ApiPermissionCatalog.PlatformPermission p = annotations.platformPermission(permission);
        return p == null ? 0 : p.addedIn();
    }

    /** The target SDK from which the platform enforces the permission; 0 when it does for every app. */
    public int enforcedFromTargetSdk(String permission) {
        PermissionFacts.PermissionHistory h = facts.history(permission);
        return h == null ? 0 : h.enforcedFromTargetSdk();
    }

    /**
     * The target SDK below which apps still need the permission on every level for the APIs that
     * needed it on the level before that one; 0 when there is none.
     */
    public int legacyForTargetSdkBelow(String permission) {
        PermissionFacts.PermissionHistory h = facts.history(permission);
        return h == null ? 0 : h.legacyForTargetSdkBelow();
    }

    /** The protection level, or null when no platform manifest read defines it. */
    public String protection(String permission) {
        PermissionCatalog.Permission p = platform.permission(permission);
        if (p != null) {
            return p.protection();
        }
        ApiPermissionCatalog.PlatformPermission q = annotations.platformPermission(permission);
        return q == null ? null : q.protection();
    }

    /** The hand-written facts (splits, implicit grants). */
    public PermissionFacts facts() {
        return facts;
    }
}
