/**
 * The built-in rules (stable IDs, one per kind of finding, documented in {@code docs/rules/}) and the findings they make of a report.
 * Reads reports as JSON trees ({@link org.leakscan.report.ReportJson}), so reports written by earlier runs read the same way.
 */
package org.leakscan.report.rules;
