package org.leakscan.analysis.findings;

import java.util.List;

/**
 * The answer first: which data types the app's code can read, and which destinations data can
 * reach (filled by the data-flow analysis).
 */
public record Summary(List<DataTypeSummary> dataTypes, List<Object> destinations) {

    public Summary {
        dataTypes = List.copyOf(dataTypes);
        destinations = List.copyOf(destinations);
    }

    /** One data type: its id, name, Play category, and the libraries (null = the app) whose code reads it. */
    public record DataTypeSummary(String id, String name, String category, int callSites, List<String> readBy) {
        public DataTypeSummary {
            readBy = List.copyOf(readBy);
        }
    }
}
