/**
 * Policy files ({@code leakscan-policy/1}): reading them strictly and judging findings against them.
 * Works on the typed report records; reports written by earlier runs are read back into them by {@link org.leakscan.report.ReportJson}.
 */
package org.leakscan.report.policy;
