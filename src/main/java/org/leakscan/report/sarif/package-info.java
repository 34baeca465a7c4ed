/**
 * SARIF 2.1.0 output: rules, results located by class and method, analysis errors as tool execution notifications.
 * Works on the typed report records; reports written by earlier runs are read back into them by {@link org.leakscan.report.ReportJson}.
 */
package org.leakscan.report.sarif;
