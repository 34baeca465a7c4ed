/**
 * A report judged: findings new against a baseline, policy violations, and whether the run fails ({@code --fail-on}).
 * Reads reports as JSON trees ({@link org.leakscan.report.ReportJson}), so reports written by earlier runs read the same way.
 */
package org.leakscan.report.review;
