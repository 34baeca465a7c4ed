package org.leakscan.analysis.dataflow;

import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.leakscan.program.ClassDef;
import org.leakscan.program.MethodDef;

/**
 * What the engine knows about one method across all its calls (context-insensitive): the join of
 * the arguments it was called with, what it returns and throws, the labels seen in it, and who
 * calls it (re-queued when the return value grows).
 */
final class MethodState {

    final ClassDef owner;
    final MethodDef method;
    /**
     * Whom heap reads and callee results re-queue: the method itself, or for a method interpreted
     * inline at a call site, the caller.
     */
    final MethodDef reader;
    final Value[] params;
    Value returned = Value.EMPTY;
    Value thrown = Value.EMPTY;
    final BitSet seen = new BitSet();
    /** Labels whose value decided that this method is called at all (implicit flows across calls). */
    final BitSet contextImplicit = new BitSet();
    final Set<MethodDef> callers = new LinkedHashSet<>();
    int runs;

    MethodState(ClassDef owner, MethodDef method) {
        this(owner, method, method);
    }

    MethodState(ClassDef owner, MethodDef method, MethodDef reader) {
        this.owner = owner;
        this.method = method;
        this.reader = reader;
        this.params = new Value[method.body() == null ? 0 : method.body().parameterCount()];
        java.util.Arrays.fill(params, Value.EMPTY);
    }

    /** Joins call arguments into the parameters; true when any grew. */
    boolean bind(Value[] args) {
        boolean changed = false;
        for (int i = 0; i < params.length && i < args.length; i++) {
            Value joined = params[i].join(args[i]);
            if (joined != params[i]) {
                params[i] = joined;
                changed = true;
            }
        }
        return changed;
    }
}
