package org.leakscan.report;

import java.util.List;
import org.leakscan.analysis.findings.AppFindings;

/**
 * The whole report, contract {@code leakscan-report/1}: the tool, one entry per app, and every
 * error met on the way. Contains no wall-clock time, so the same inputs give the same bytes.
 */
public record Report(String schema, Tool tool, List<AppFindings> apps, List<ErrorEntry> errors) {

    public static final String SCHEMA = "leakscan-report/1";

    public Report {
        apps = List.copyOf(apps);
        errors = List.copyOf(errors);
    }

    /**
     * The tool that wrote the report, with the date and sources of the IP database it classified
     * IP literals with (null when the jar has none).
     */
    public record Tool(String name, String version, org.leakscan.catalog.IpDatabase.About ipDatabase) {

        /** This leakscan, with its built-in IP database. */
        public Tool(String name, String version) {
            this(name, version, org.leakscan.catalog.IpDatabase.shippedAbout());
        }
    }
}
