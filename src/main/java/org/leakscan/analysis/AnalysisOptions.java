package org.leakscan.analysis;

/**
 * Switches for one run.
 *
 * @param flows run the data-flow analysis (off for a fast inventory-only scan)
 */
public record AnalysisOptions(boolean flows) {

    public static final AnalysisOptions DEFAULT = new AnalysisOptions(true);
}
