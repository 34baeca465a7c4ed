package org.leakscan.analysis.taint;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.leakscan.catalog.Catalogs;
import org.leakscan.program.ClassDef;
import org.leakscan.program.ClassHierarchy;
import org.leakscan.program.MethodDef;
import org.leakscan.program.MethodRef;
import org.leakscan.program.Program;
import org.leakscan.program.Types;

/**
 * The facts one app's analysis shares between its frames: the program, the catalogues, the
 * labels and field ids made so far, what could not be seen into, and the time budget. Frames and
 * semantic handlers read it; only the engine's own classes add to it. One analysis runs on one
 * thread, so nothing here is synchronised.
 */
final class Scope {

    final Program program;
    final ClassHierarchy hierarchy;
    final Catalogs catalogs;
    final CallResolver resolver;
    final AppFacts app;
    final Budget budget;
    final Fields fields = new Fields();
    final Labels labels = new Labels();
    final LibraryModels library;
    final CallbackMethods callbacks;
    final Calls calls;
    /** Set once by the engine: the frames reach summaries through it. */
    Summaries summaries;
    private final Map<MethodDef, ClassDef> owners = new IdentityHashMap<>();
    private final Map<String, Map<String, MethodDef>> dispatch = new HashMap<>();
    private final Map<String, Map<String, MethodDef>> exactDispatch = new HashMap<>();
    private final Map<String, Set<String>> unanalysed = new LinkedHashMap<>();
    private static final MethodDef LIBRARY = new MethodDef(new MethodRef("L;", "library", "()V"), 0, List.of(),
            List.of(), null, null);

    Scope(Program program, ClassHierarchy hierarchy, Catalogs catalogs, CallResolver resolver, AppFacts app,
          Budget budget) {
        this.program = program;
        this.hierarchy = hierarchy;
        this.catalogs = catalogs;
        this.resolver = resolver;
        this.app = app;
        this.budget = budget;
        for (ClassDef c : program.classes()) {
            for (MethodDef m : c.methods()) {
                owners.put(m, c);
            }
        }
        this.library = new LibraryModels(this);
        this.callbacks = new CallbackMethods(this);
        this.calls = new Calls(this);
    }

    ClassDef ownerOf(MethodDef m) {
        return owners.get(m);
    }

    boolean isAppClass(String type) {
        return hierarchy.isAppClass(type);
    }

    private final Map<String, Boolean> infrastructure = new HashMap<>();
    private final Map<String, Boolean> bundled = new HashMap<>();

    /** True for classes of well-known libraries, whose code is never analysed (see {@link AppFacts}). */
    boolean isInfrastructure(String type) {
        return infrastructure.computeIfAbsent(type, app.infrastructure()::test);
    }

    /** True for classes of libraries bundled in the app (see {@link AppFacts}). */
    boolean isBundledLibrary(String type) {
        return bundled.computeIfAbsent(type, app.bundledLibrary()::test);
    }

    /** True when the method is the app's own code, where implicit flows are followed. */
    boolean tracksImplicit(MethodDef m) {
        ClassDef c = ownerOf(m);
        return c != null && !isBundledLibrary(c.type());
    }

    /** True when sources read inside this class are the app's doing (not a support library's own business). */
    boolean seedsSources(String type) {
        return !isInfrastructure(type);
    }

    /** Records something the analysis could not see into (reflection, native code, loaded code). */
    void unanalysed(String what, String where) {
        unanalysed.computeIfAbsent(what, k -> new TreeSet<>()).add(where);
    }

    Map<String, Set<String>> unanalysed() {
        return unanalysed;
    }

    static String javaName(String type) {
        return Types.toJavaName(type);
    }

    String where(MethodDef m) {
        ClassDef c = ownerOf(m);
        return (c == null ? Types.toJavaName(m.ref().owner()) : javaName(c.type())) + "." + m.signature();
    }

    /**
     * As {@link #lookup(String, String, boolean)} for a call's method reference, cached by the
     * reference itself: a call is resolved again on every application of the summary it is in,
     * and building the signature text each time was a tenth of a large app's top level.
     */
    MethodDef lookup(String type, MethodRef ref, boolean exact) {
        Map<String, MethodDef> byType = (exact ? exactDispatchByRef : dispatchByRef).computeIfAbsent(ref, r -> new HashMap<>());
        MethodDef cached = byType.get(type);
        if (cached == null) {
            MethodDef found = resolve(type, ref.signature(), exact);
            byType.put(type, found == null ? LIBRARY : found);
            return found;
        }
        return cached == LIBRARY ? null : cached;
    }

    private final Map<MethodRef, Map<String, MethodDef>> dispatchByRef = new HashMap<>();
    private final Map<MethodRef, Map<String, MethodDef>> exactDispatchByRef = new HashMap<>();

    /**
     * The app method {@code signature} resolves to from {@code type}: the nearest app class up the
     * superclass chain that implements it, else an app interface's default method; null when the
     * method is library code (or unknown).
     */
    MethodDef lookup(String type, String signature, boolean exact) {
        Map<String, MethodDef> byType = (exact ? exactDispatch : dispatch).computeIfAbsent(type, t -> new HashMap<>());
        MethodDef cached = byType.get(signature);
        if (cached != null) {
            return cached == LIBRARY ? null : cached;
        }
        MethodDef found = resolve(type, signature, exact);
        byType.put(signature, found == null ? LIBRARY : found);
        return found;
    }

    /** What {@link #lookup(String, String, boolean)} finds, worked out (each caller caches it). */
    private MethodDef resolve(String type, String signature, boolean exact) {
        MethodDef found = null;
        String t = type;
        while (t != null && found == null) {
            ClassDef c = hierarchy.appClass(t);
            if (c == null) {
                break;
            }
            for (MethodDef m : c.methods()) {
                if (m.signature().equals(signature) && !m.isAbstract()) {
                    found = m;
                    break;
                }
            }
            t = c.superType();
        }
        if (found == null && !exact) {
            int paren = signature.indexOf('(');
            for (String a : hierarchy.ancestors(type)) {
                ClassDef c = hierarchy.appClass(a);
                if (c != null && c.isInterface()) {
                    MethodDef m = c.method(signature.substring(0, paren), signature.substring(paren));
                    if (m != null && !m.isAbstract() && m.body() != null) {
                        found = m;
                        break;
                    }
                }
            }
        }
        return found;
    }

    /**
     * Every method a virtual call of {@code signature} may run on an object declared as
     * {@code type}: its own implementation and the overrides in app subclasses; null in the list
     * stands for library code. Used where the object's run-time type is not known.
     */
    List<MethodDef> implementations(String type, String signature) {
        String key = type + "->" + signature + "*";
        List<MethodDef> cached = implementationCache.get(key);
        if (cached != null) {
            return cached;
        }
        java.util.LinkedHashSet<MethodDef> out = new java.util.LinkedHashSet<>();
        out.add(lookup(type, signature, false));
        for (String sub : hierarchy.allSubtypes(type)) {
            ClassDef c = hierarchy.appClass(sub);
            if (c == null || c.isInterface() || Access.isAbstract(c) || !instantiated().contains(sub)) {
                continue;
            }
            out.add(lookup(sub, signature, false));
            if (out.size() > MAX_IMPLEMENTATIONS) {
                break;
            }
        }
        List<MethodDef> list = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(out));
        implementationCache.put(key, list);
        return list;
    }

    private java.util.Set<String> instantiated;

    /**
     * The app classes code may make objects of (rapid type analysis): those whose constructor some
     * code calls, the manifest's components, and the classes layouts inflate.
     */
    java.util.Set<String> instantiated() {
        if (instantiated == null) {
            java.util.Set<String> out = new java.util.HashSet<>();
            for (ClassDef c : program.classes()) {
                for (MethodDef m : c.methods()) {
                    var refs = m.refs();
                    for (int i = 0; i < refs.size(); i++) {
                        if (refs.ref(i) instanceof MethodRef r && r.isConstructor()) {
                            out.add(r.owner());
                        }
                    }
                }
            }
            app.components().forEach(c -> out.add(c.type()));
            out.addAll(app.layoutClasses());
            if (app.applicationClass() != null) {
                out.add(app.applicationClass());
            }
            instantiated = out;
        }
        return instantiated;
    }

    /** More implementations than this and a call is left to a caller who knows the object. */
    static final int MAX_IMPLEMENTATIONS = 64;
    private final Map<String, List<MethodDef>> implementationCache = new HashMap<>();

    /** Access flags helper for classes. */
    private static final class Access {
        static boolean isAbstract(ClassDef c) {
            return org.leakscan.program.Access.is(c.access(), org.leakscan.program.Access.ABSTRACT);
        }
    }
}
