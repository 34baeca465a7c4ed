package org.leakscan.analysis.taint;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodDef;
import org.leakscan.program.MethodRef;

/**
 * What a call does, in any frame: which app methods it may run (their summaries are applied) and
 * whether library code runs, which the Android semantics and the catalogues describe. A virtual
 * call on an object the frame knows only by where it comes from, with several possible
 * implementations, is left to the caller who knows the object.
 */
final class Calls {

    private final Scope scope;
    final Intents intents;
    final Threads threads;
    private final Reflection reflection;
    private final Stores stores;
    private final Databases databases;
    private final HttpLibraries http;
    private final JavascriptBridges bridges;
    private final SharedFiles sharedFiles;

    Calls(Scope scope) {
        this.scope = scope;
        this.intents = new Intents(scope);
        this.threads = new Threads(scope);
        this.reflection = new Reflection(scope);
        this.stores = new Stores(scope);
        this.databases = new Databases(scope);
        this.http = new HttpLibraries(scope, threads);
        this.bridges = new JavascriptBridges(scope);
        this.sharedFiles = new SharedFiles(scope);
    }

    /**
     * A virtual call on an object known only by its declared type runs each implementation of the
     * app's classes that code instantiates (class hierarchy and rapid type analysis), up to this
     * many; beyond, the call is left to a caller who knows the object.
     */
    static final int MAX_CLASS_HIERARCHY_TARGETS = 8;
    private static final java.util.Set<String> OBJECT_METHODS = java.util.Set.of("equals(Ljava/lang/Object;)Z",
            "hashCode()I", "toString()Ljava/lang/String;", "compareTo(Ljava/lang/Object;)I");

    /** Which code a call runs: app methods, and whether library code too; or left to the caller. */
    private record Dispatch(List<MethodDef> targets, boolean library, boolean toCaller) {
    }

    Frame.CallResult invoke(Frame f, Site site, Insn.Invoke call, Value[] args, TaintSet implicit) {
        MethodRef ref = call.method();
        Dispatch d = dispatch(f, call, args);
        if (d.toCaller()) {
            return f.defer(site, call, args);
        }
        Value value = Value.EMPTY;
        Value thrown = Value.EMPTY;
        Value[] updated = null;
        TaintSet context = implicit;
        if (!d.targets().isEmpty() && args.length > 0 && !call.isStatic()) {
            // Which object a virtual call runs on was chosen under a test of the data.
            context = context.union(args[0].implicit());
        }
        for (MethodDef t : d.targets()) {
            Frame.CallResult r = t.isNative() ? scope.library.nativeCall(f, site, t, args)
                    : f.callApp(site, t, args, context);
            if (scope.summaries.oversized(t)) {
                r = scope.library.call(f, site, call, args, implicit);
            }
            value = value.join(r.value());
            thrown = thrown.join(r.thrown());
        }
        if (d.library()) {
            Frame.CallResult r = bridges.handle(f, site, call, args);
            if (r == null) {
                r = intents.handle(f, site, call, args);
            }
            if (r == null) {
                r = threads.handle(f, site, call, args);
            }
            if (r == null) {
                r = reflection.handle(f, site, call, args);
            }
            if (r == null) {
                r = databases.handle(f, site, call, args);
            }
            if (r == null) {
                r = sharedFiles.handle(f, site, call, args);
            }
            if (r == null) {
                r = stores.handle(f, site, call, args);
            }
            if (r == null) {
                r = http.handle(f, site, call, args);
            }
            if (r == null) {
                r = scope.library.call(f, site, call, args, implicit);
            }
            value = value.join(r.value());
            thrown = thrown.join(r.thrown());
            updated = r.updatedArgs();
        }
        if (ref.returnType().equals("V")) {
            value = Value.EMPTY;
        }
        return new Frame.CallResult(value, thrown, updated);
    }

    private Dispatch dispatch(Frame f, Insn.Invoke call, Value[] args) {
        MethodRef ref = call.method();
        List<MethodDef> targets = new ArrayList<>(2);
        switch (call.invokeKind()) {
            case STATIC, DIRECT, SUPER -> {
                MethodDef m = appCode(ref, scope.lookup(ref.owner(), ref,
                        call.invokeKind() == Insn.InvokeKind.DIRECT));
                if (m != null) {
                    targets.add(m);
                    return new Dispatch(targets, false, false);
                }
                return new Dispatch(targets, true, false);
            }
            case DYNAMIC -> {
                return new Dispatch(targets, true, false);
            }
            default -> {
                boolean library = false;
                BitSet objs = args.length > 0 ? args[0].objects() : new BitSet();
                if (objs.isEmpty()) {
                    MethodDef m = appCode(ref, scope.lookup(ref.owner(), ref, false));
                    if (m != null) {
                        targets.add(m);
                        return new Dispatch(targets, false, false);
                    }
                    return new Dispatch(targets, true, false);
                }
                for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
                    Node n = f.node(o);
                    String type = n.type();
                    if (type.startsWith("[")) {
                        library = true;
                        continue;
                    }
                    if (f.isInput(o) && !n.exact()) {
                        // Known only by its declared type: every implementation may run.
                        String declared = scope.hierarchy.isSubtype(type, ref.owner()) ? type : ref.owner();
                        java.util.Set<MethodDef> impls = new java.util.LinkedHashSet<>();
                        for (MethodDef impl : scope.implementations(declared, ref.signature())) {
                            impls.add(appCode(ref, impl));
                        }
                        if (impls.size() > MAX_CLASS_HIERARCHY_TARGETS) {
                            if (OBJECT_METHODS.contains(ref.signature())) {
                                library = true; // equals, hashCode, toString of some object: what they give is its data
                                continue;
                            }
                            return new Dispatch(List.of(), false, true);
                        }
                        for (MethodDef m : impls) {
                            if (m == null) {
                                library = true;
                            } else if (!targets.contains(m)) {
                                targets.add(m);
                            }
                        }
                        continue;
                    }
                    MethodDef m = appCode(ref, scope.lookup(type, ref, false));
                    if (m != null) {
                        if (!targets.contains(m)) {
                            targets.add(m);
                        }
                    } else {
                        library = true;
                    }
                }
                return new Dispatch(targets, library, false);
            }
        }
    }

    /**
     * {@code m}, or null when its code is taken as library code: a well-known library's (never
     * analysed: the catalogues and the conservative default say what its calls do with data), a
     * bundled library's whose call the catalogues describe, or one whose own class the catalogues
     * name for this method (a sink or an exact model).
     */
    private MethodDef appCode(MethodRef called, MethodDef m) {
        if (m == null) {
            return null;
        }
        String owner = scope.ownerOf(m).type();
        if (scope.isInfrastructure(owner)) {
            return null;
        }
        if (scope.catalogs.sinks().sinkFor(owner, called.signature()) != null
                || scope.catalogs.models().modelFor(owner, called.signature()) != null) {
            // The catalogues name this very method (a cloud-storage client's upload, its request),
            // whoever's package it sits in: the data leaves or moves as they say, not followed in.
            return null;
        }
        if (!scope.isBundledLibrary(owner)) {
            return m;
        }
        return scope.library.describes(called) ? null : m;
    }
}
