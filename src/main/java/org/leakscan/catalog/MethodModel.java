package org.leakscan.catalog;

import java.util.ArrayList;
import java.util.List;
import org.leakscan.catalog.TaintTransfer.Endpoint;
import org.leakscan.program.MethodRef;

/**
 * How one library method moves data, from {@code models.json}, so the data-flow engine need not
 * analyse the library. No transfers means the method moves no data ("neutral"): the engine's
 * conservative default for unknown calls (the return value is tainted when the receiver or any
 * argument is) does not apply.
 *
 * <p>A model is exact ({@link #api()} names one method) or class-wide ({@link #api()} is null):
 * the default for every method of {@link #owner()} that has no exact entry, written for immutable
 * value classes such as {@code String} or {@code Integer}. Class-wide transfers are written for
 * the general case, so {@link #transfersFor(MethodRef, boolean)} drops the ends a given method
 * does not have.
 *
 * @param owner           the declaring type descriptor, e.g. {@code Ljava/lang/StringBuilder;}
 * @param api             the method, or null for a class-wide model
 * @param transfers       how data moves; empty for a neutral method
 * @param returnsReceiver true when the method returns its receiver (builders, {@code append}), so
 *                        the return value is the same object, not a copy
 * @param wrappedArg      for stream and writer constructors, the argument (1-based) the new object
 *                        wraps: what is written to the wrapper reaches that stream; -1 otherwise
 * @param keyArg          the argument (1-based) that names the slot of a keyed container
 *                        ({@code Bundle.putString(key, value)}, {@code Intent.getStringExtra(key)}),
 *                        so an engine may track taint per constant key; -1 otherwise
 * @param isStatic        true for a static method (exact models only)
 * @param verified        false for third-party APIs whose descriptors could not be checked here
 * @param note            why the model is what it is, for people; may be empty
 */
public record MethodModel(String owner, MethodRef api, List<TaintTransfer> transfers, boolean returnsReceiver,
        int wrappedArg, int keyArg, boolean isStatic, boolean verified, String note) {

    public MethodModel {
        if (owner == null || note == null) {
            throw new IllegalArgumentException("a model needs an owner and a note (may be empty)");
        }
        transfers = List.copyOf(transfers);
        if (api == null) {
            if (returnsReceiver || wrappedArg != -1 || keyArg != -1 || isStatic) {
                throw new IllegalArgumentException("a class-wide model has only transfers: " + owner);
            }
            for (TaintTransfer t : transfers) {
                if (t.from().kind() == Endpoint.Kind.ARG || t.to().kind() == Endpoint.Kind.ARG) {
                    throw new IllegalArgumentException("a class-wide model cannot name one argument (" + t + "): " + owner);
                }
            }
        } else {
            if (!api.owner().equals(owner)) {
                throw new IllegalArgumentException("owner " + owner + " is not the api's: " + api);
            }
            validateExact(api, transfers, returnsReceiver, wrappedArg, keyArg, isStatic);
        }
    }

    private static void validateExact(MethodRef api, List<TaintTransfer> transfers, boolean returnsReceiver,
            int wrappedArg, int keyArg, boolean isStatic) {
        List<String> parameters = api.parameterTypes();
        String returnType = api.returnType();
        boolean hasReturn = !api.isConstructor() && !"V".equals(returnType);
        for (TaintTransfer t : transfers) {
            for (Endpoint e : List.of(t.from(), t.to())) {
                switch (e.kind()) {
                    case RECEIVER -> {
                        if (isStatic) {
                            throw new IllegalArgumentException("transfer " + t + " uses the receiver of a static method: " + api);
                        }
                    }
                    case RETURN -> {
                        if (!hasReturn) {
                            throw new IllegalArgumentException("transfer " + t + " uses the return value of a method without one: " + api);
                        }
                    }
                    case ARG -> {
                        if (e.index() > parameters.size()) {
                            throw new IllegalArgumentException("transfer " + t + " names an argument beyond "
                                    + parameters.size() + ": " + api);
                        }
                    }
                    case ALL_ARGS -> {
                        if (parameters.isEmpty()) {
                            throw new IllegalArgumentException("transfer " + t + " from the arguments of a method without any: " + api);
                        }
                    }
                }
            }
            Endpoint to = t.to();
            if (to.kind() == Endpoint.Kind.ARG && !isReferenceType(parameters.get(to.index() - 1))) {
                throw new IllegalArgumentException("transfer " + t + " writes into a primitive argument: " + api);
            }
        }
        if (returnsReceiver) {
            if (isStatic || !hasReturn || !returnType.startsWith("L")
                    || !transfers.contains(new TaintTransfer(Endpoint.receiver(), Endpoint.returnValue()))) {
                throw new IllegalArgumentException("returnsReceiver needs an instance method returning an object,"
                        + " with a receiver -> return transfer: " + api);
            }
        }
        if (wrappedArg != -1) {
            if (!api.isConstructor() || wrappedArg < 1 || wrappedArg > parameters.size()
                    || !parameters.get(wrappedArg - 1).startsWith("L")) {
                throw new IllegalArgumentException("wraps must name an object argument of a constructor: " + api);
            }
        }
        if (keyArg != -1 && (keyArg < 1 || keyArg > parameters.size())) {
            throw new IllegalArgumentException("key must name an argument: " + api);
        }
    }

    private static boolean isReferenceType(String descriptor) {
        return descriptor.startsWith("L") || descriptor.startsWith("[");
    }

    /** True for a class-wide default, false for a model of one method. */
    public boolean isClassWide() {
        return api == null;
    }

    /** True when the method moves no data and wraps nothing. */
    public boolean isNeutral() {
        return transfers.isEmpty() && wrappedArg == -1;
    }

    /**
     * The transfers that apply to a call of {@code method} (which a class-wide model does not
     * name): those using the receiver are dropped for static calls, and those using the return
     * value for constructors and {@code void} methods. For an exact model this is
     * {@link #transfers()}.
     *
     * @param method     the method called, of this model's owner
     * @param staticCall true for {@code invoke-static} / {@code INVOKESTATIC}
     */
    public List<TaintTransfer> transfersFor(MethodRef method, boolean staticCall) {
        if (!isClassWide()) {
            return transfers;
        }
        boolean hasReturn = !method.isConstructor() && !"V".equals(method.returnType());
        boolean hasArgs = !method.parameterTypes().isEmpty();
        List<TaintTransfer> out = new ArrayList<>(transfers.size());
        for (TaintTransfer t : transfers) {
            if (usable(t.from(), staticCall, hasReturn, hasArgs) && usable(t.to(), staticCall, hasReturn, hasArgs)) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    private static boolean usable(Endpoint e, boolean staticCall, boolean hasReturn, boolean hasArgs) {
        return switch (e.kind()) {
            case RECEIVER -> !staticCall;
            case RETURN -> hasReturn;
            case ALL_ARGS, ARG -> hasArgs;
        };
    }

    @Override
    public String toString() {
        return isClassWide() ? "model " + owner + "->*" : "model " + api;
    }
}
