/**
 * On-demand generators of catalogue files from Android's own framework classes.
 *
 * <p>They read {@code org.robolectric:android-all:14-robolectric-10818077} (AOSP 14, API 34, real
 * framework classes rather than SDK stubs) with ASM and write {@code signatures/api-permissions.json}
 * (AOSP's own {@code @RequiresPermission} annotations) and {@code signatures/framework-types.json}
 * (the supertypes of the public framework classes). They are run by
 * {@code scripts/generate-framework-catalogues}, not by the build; the outputs are committed, and a
 * test regenerates them when the jar is present to prove the committed files are current. Nothing
 * in the scanner depends on this package at run time.
 */
package org.leakscan.catalog.generate;
