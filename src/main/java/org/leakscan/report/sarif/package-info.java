/**
 * SARIF 2.1.0 output: rules, results located by class and method, analysis errors as tool execution notifications.
 * Reads reports as JSON trees ({@link org.leakscan.report.ReportJson}), so reports written by earlier runs read the same way.
 */
package org.leakscan.report.sarif;
