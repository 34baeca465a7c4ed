/**
 * Stage 6: one findings model (the {@code leakscan-report/1} contract) and a writer per format.
 * Exit codes live here too, in one enum. May use every earlier stage.
 */
package org.leakscan.report;
