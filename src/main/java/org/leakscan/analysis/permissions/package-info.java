/**
 * Judging an app's permissions by API level: what each API (or provider access, intent,
 * broadcast) requires at each platform level for the app's target SDK ({@link RequirementHistory}),
 * what the app holds at each level ({@link AppGrants}), and the verdicts ({@link RequirementJudge},
 * {@link PermissionLedger}). Pure logic over the catalogues and the manifest; the pass that finds
 * what the code calls is {@link org.leakscan.analysis.PermissionPass}.
 */
package org.leakscan.analysis.permissions;
