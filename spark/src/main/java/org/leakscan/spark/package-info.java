/**
 * leakscan's analysis as an Apache Spark job, for store-scale audits: {@link org.leakscan.spark.SparkScan}
 * lists the apps, tasks read them through Hadoop's {@code FileSystem} and analyse each with
 * {@link org.leakscan.analysis.AppAnalyzer} under {@link org.leakscan.analysis.InputRunner}'s limits,
 * one durable record per app ({@link org.leakscan.spark.ResultStore}), and the tables (apps, flow
 * groups; Parquet and JSON Lines) are rebuilt from those records at the end of each run
 * ({@link org.leakscan.spark.Tables}). Uses the root project's packages, never the CLI's.
 */
package org.leakscan.spark;
