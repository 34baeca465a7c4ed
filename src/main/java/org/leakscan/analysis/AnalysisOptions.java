package org.leakscan.analysis;

import java.time.Duration;

/**
 * Switches for one run.
 *
 * @param flows         run the data-flow analysis (off for a fast inventory-only scan)
 * @param flowTimeLimit how long the data-flow fixpoint may run per app; when it is reached the
 *                      flows found so far are reported and {@code unanalysed} says the analysis
 *                      stopped ({@link Duration#ZERO}: no limit)
 */
public record AnalysisOptions(boolean flows, Duration flowTimeLimit) {

    /** One minute: DroidBench apps need well under a second, real apps of the corpus 2 to 35 s. */
    public static final Duration DEFAULT_FLOW_TIME_LIMIT = Duration.ofSeconds(60);

    public static final AnalysisOptions DEFAULT = new AnalysisOptions(true);

    public AnalysisOptions {
        if (flowTimeLimit == null || flowTimeLimit.isNegative()) {
            throw new IllegalArgumentException("flow time limit must be zero (none) or positive");
        }
    }

    public AnalysisOptions(boolean flows) {
        this(flows, DEFAULT_FLOW_TIME_LIMIT);
    }
}
