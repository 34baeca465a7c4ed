/**
 * The data-flow (taint) engine: which personal data can reach which sink.
 *
 * <p>Shaped like ASM's {@code Analyzer} + {@code Interpreter}: {@link org.leakscan.analysis.dataflow.MethodInterpreter}
 * runs a worklist fixpoint over one method's register form with {@link org.leakscan.analysis.dataflow.Value}s as
 * the domain; {@link org.leakscan.analysis.dataflow.TaintEngine} runs methods until nothing changes across the
 * whole program. The abstraction: allocation-site objects (points-to), taint labels (one per source call site),
 * and small sets of string constants (for reflection targets, intent targets, content URIs and URLs);
 * registers are flow-sensitive within a method, the heap is global with weak updates, and calls
 * are resolved on the fly from the receiver's points-to set.
 */
package org.leakscan.analysis.dataflow;
