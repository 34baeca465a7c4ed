/**
 * A report judged: findings new against a baseline, policy violations, and whether the run fails ({@code --fail-on}).
 * Judges the typed report records; reports written by earlier runs are read back into them by {@link org.leakscan.report.ReportJson}.
 */
package org.leakscan.report.review;
