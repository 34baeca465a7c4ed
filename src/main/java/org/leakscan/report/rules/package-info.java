/**
 * The built-in rules (stable IDs, one per kind of finding, documented in {@code docs/rules/}) and the findings they make of a report.
 * Judges the typed report records; reports written by earlier runs are read back into them by {@link org.leakscan.report.ReportJson}.
 */
package org.leakscan.report.rules;
