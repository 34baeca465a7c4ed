package org.leakscan.catalog;

/**
 * The permissions attached to a framework field. Plain {@code @RequiresPermission} on a field
 * (typically an intent action or a constant passed to a permission-checked API) becomes
 * {@link #access()}; content-provider URI constants carry {@code @RequiresPermission.Read} and
 * {@code .Write}, which become {@link #read()} and {@link #write()}. Any of the three may be null,
 * not all of them.
 */
public record FieldPermissions(PermissionRequirement access, PermissionRequirement read, PermissionRequirement write) {

    public FieldPermissions {
        if (access == null && read == null && write == null) {
            throw new IllegalArgumentException("a field entry needs at least one of access, read, write");
        }
    }
}
