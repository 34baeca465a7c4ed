/**
 * The data-flow analysis: which personal data can reach which sink, compositional and bounded.
 *
 * <p>Two phases. {@link org.leakscan.analysis.taint.Summaries} summarises each method reached, on
 * demand and once, callees first (recursion found as it happens, Tarjan-style): an
 * {@link org.leakscan.analysis.taint.Interpreter} runs the body over a
 * {@link org.leakscan.analysis.taint.SummaryFrame} whose inputs (parameters, fields below them,
 * statics, global stores) are symbols, and the {@link org.leakscan.analysis.taint.MethodSummary}
 * records what the method does in those terms: heap cells written, return value, sinks its inputs
 * reach ({@code hits}), flows complete inside it, calls only a caller can resolve. At a call,
 * {@link org.leakscan.analysis.taint.Instantiation} maps the summary onto the caller's values, so
 * a helper called from three places keeps the three apart without being analysed three times.
 * Then the {@link org.leakscan.analysis.taint.TopFrame} applies the summaries of the entry points
 * (component lifecycles, callbacks of app objects the framework holds, static initialisers) over one
 * global heap until nothing it read grows; {@link org.leakscan.analysis.taint.TaintAnalysis} is the
 * facade and collects the evidence.
 *
 * <p>Library code is not entered: {@link org.leakscan.analysis.taint.LibraryModels} applies the
 * catalogues (sources, sinks, transfers) and a conservative default, and {@code SinkCalls} says
 * what a sink sends and where; Android semantics sit in
 * one class each ({@link org.leakscan.analysis.taint.Intents}, {@code Threads}, {@code Reflection},
 * {@code Stores}, {@code HttpLibraries}).
 *
 * <p>Every size is bounded, so no input runs past the time limit: nodes per summary, contexts per
 * allocation site, hits per sink, analyses per method, each method's own work and time
 * ({@link org.leakscan.analysis.taint.Budget}; past them a summary keeps only its flows and sinks
 * and its calls take the library default, reported as {@code summary-limit}), entries per method
 * at the top, and the time limit itself, checked inside every loop.
 */
package org.leakscan.analysis.taint;
