/**
 * One app of a batch in one row: the line of {@code summary.jsonl} ({@code leakscan scan --batch})
 * and the row of the Spark job's apps table, made by one piece of code so the two cannot drift.
 */
package org.leakscan.report.summary;
