/**
 * What changed between two JSON reports of an app ({@code leakscan diff}).
 * Works on the typed report records; reports written by earlier runs are read back into them by {@link org.leakscan.report.ReportJson}.
 */
package org.leakscan.report.diff;
