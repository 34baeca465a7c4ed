/**
 * Policy files ({@code leakscan-policy/1}): reading them strictly and judging findings against them.
 * Reads reports as JSON trees ({@link org.leakscan.report.ReportJson}), so reports written by earlier runs read the same way.
 */
package org.leakscan.report.policy;
