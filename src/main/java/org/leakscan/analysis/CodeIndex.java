package org.leakscan.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leakscan.program.ClassDef;
import org.leakscan.program.CodeRefs;
import org.leakscan.program.FieldRef;
import org.leakscan.program.MethodDef;
import org.leakscan.program.MethodRef;

/**
 * Which methods the code calls, which fields it reads and which string constants it loads (with
 * where), built in one walk over every method's {@link CodeRefs} by {@link CodeIndexPass}. Later
 * passes ask it instead of walking the code again. Keys are references as written at the call
 * site; matching them to catalogue entries through the class hierarchy is {@link ApiResolver}'s job.
 *
 * <p>The sites of calls and field reads are looked up for a set of references at a time
 * ({@link #sitesOf}), in one more walk: a pass wants the sites of the few hundred references that
 * match its catalogue, and keeping a site list for each of the millions of call sites of a large
 * app cost more than the rest of the inventory. Immutable once built.
 */
public final class CodeIndex {

    /** A string constant and where it is. */
    public record StringSite(String value, CodeSite site) {
    }

    private final List<ClassDef> classes;
    private final List<MethodRef> calls;
    private final Set<FieldRef> fieldReads;
    private final List<StringSite> strings;

    CodeIndex(List<ClassDef> classes, List<MethodRef> calls, Set<FieldRef> fieldReads, List<StringSite> strings) {
        this.classes = classes;
        this.calls = calls;
        this.fieldReads = fieldReads;
        this.strings = strings;
    }

    public static final CodeIndex EMPTY = new CodeIndex(List.of(), List.of(), Set.of(), List.of());

    /**
     * Every distinct method reference called in the app, in no particular order; a list, so passes
     * can resolve it in slices ({@link AnalysisContext#forEachSlice}).
     */
    public List<MethodRef> calledMethods() {
        return calls;
    }

    /** Every distinct field reference read in the app. */
    public Set<FieldRef> readFields() {
        return fieldReads;
    }

    /** String constants in code, in class, method and instruction order. */
    public List<StringSite> strings() {
        return strings;
    }

    /**
     * Where each of {@code refs} (method references called, field references read) occurs, in
     * class, method and instruction order; absent when nowhere. One walk over all code (slices of
     * classes on the context's worker pool), however many references are asked for: ask for all a
     * pass needs at once.
     */
    public Map<Object, List<CodeSite>> sitesOf(Set<?> refs, AnalysisContext context) {
        Map<Object, List<CodeSite>> out = new HashMap<>();
        if (refs.isEmpty()) {
            return out;
        }
        for (Map<Object, List<CodeSite>> slice : context.forEachSlice(classes, AnalysisContext.CLASSES_PER_TASK,
                slice -> sitesIn(slice, refs))) {
            slice.forEach((k, v) -> out.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }

    private static Map<Object, List<CodeSite>> sitesIn(List<ClassDef> classes, Set<?> refs) {
        Map<Object, List<CodeSite>> out = new HashMap<>();
        for (ClassDef c : classes) {
            for (MethodDef m : c.methods()) {
                CodeRefs code = m.refs();
                for (int i = 0; i < code.size(); i++) {
                    Object ref = code.ref(i);
                    // Strings are never asked for; skip them before hashing.
                    if (!(ref instanceof String) && refs.contains(ref)) {
                        out.computeIfAbsent(ref, k -> new ArrayList<>()).add(new CodeSite(c, m, code.offset(i)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Accumulates the references of the code. Slices of classes are walked in parallel, each with
     * a builder of its own ({@link #slice}) that shares the two sets of distinct references (merging
     * per-slice sets afterwards, one reference at a time on one thread, cost more than the walk)
     * and keeps its strings, which are merged in class order so the index is deterministic.
     */
    static final class Builder {
        private final Set<MethodRef> calls;
        private final Set<FieldRef> fieldReads;
        private final List<StringSite> strings = new ArrayList<>();

        Builder() {
            this(java.util.concurrent.ConcurrentHashMap.newKeySet(), java.util.concurrent.ConcurrentHashMap.newKeySet());
        }

        private Builder(Set<MethodRef> calls, Set<FieldRef> fieldReads) {
            this.calls = calls;
            this.fieldReads = fieldReads;
        }

        /** A builder for one slice: the same sets, its own strings. */
        Builder slice() {
            return new Builder(calls, fieldReads);
        }

        void add(ClassDef owner, MethodDef method) {
            CodeRefs refs = method.refs();
            for (int i = 0; i < refs.size(); i++) {
                Object ref = refs.ref(i);
                if (ref instanceof MethodRef call) {
                    calls.add(call);
                } else if (ref instanceof FieldRef field) {
                    fieldReads.add(field);
                } else {
                    strings.add(new StringSite((String) ref, new CodeSite(owner, method, refs.offset(i))));
                }
            }
        }

        /** Appends a slice's strings (its references are in the shared sets already). */
        void addStrings(Builder slice) {
            strings.addAll(slice.strings);
        }

        CodeIndex build(List<ClassDef> classes) {
            return new CodeIndex(List.copyOf(classes), List.copyOf(calls),
                    Collections.unmodifiableSet(fieldReads), List.copyOf(strings));
        }
    }
}
