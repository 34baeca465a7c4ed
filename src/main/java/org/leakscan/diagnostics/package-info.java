/**
 * The bottom layer every stage may use: how a stage records that a unit (an input, a dex file, a
 * class, a method, a pass on a method) failed, so the run goes on and the report says what was
 * not analysed; and how it hands work to a thread of its own ({@code Background}) or notices that
 * it was cancelled ({@code Cancellation}). Depends on nothing but the JDK.
 */
package org.leakscan.diagnostics;
