/**
 * Stage 5: passes over the frozen program model, one class with one job each, run in the order
 * {@link org.leakscan.analysis.Passes} declares. Passes read the app and the catalogues and write
 * findings; a failure in one unit is recorded and the rest goes on. May use every earlier stage.
 */
package org.leakscan.analysis;
