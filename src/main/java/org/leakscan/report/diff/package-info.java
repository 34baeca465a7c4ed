/**
 * What changed between two JSON reports of an app ({@code leakscan diff}).
 * Reads reports as JSON trees ({@link org.leakscan.report.ReportJson}), so reports written by earlier runs read the same way.
 */
package org.leakscan.report.diff;
