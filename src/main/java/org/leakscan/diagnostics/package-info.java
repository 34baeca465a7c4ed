/**
 * The bottom layer every stage may use: how a stage records that a unit (an input, a dex file, a
 * class, a method, a pass on a method) failed, so the run goes on and the report says what was
 * not analysed. Depends on nothing but the JDK.
 */
package org.leakscan.diagnostics;
