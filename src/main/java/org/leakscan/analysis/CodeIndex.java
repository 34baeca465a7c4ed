package org.leakscan.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leakscan.program.FieldRef;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodRef;

/**
 * Where each method is called, each field is read and each string constant appears, built in one
 * walk over all code by {@link CodeIndexPass}. Later passes ask it instead of walking the code
 * again. Keys are references as written at the call site; matching them to catalogue entries
 * through the class hierarchy is {@link ApiResolver}'s job. Immutable once built.
 */
public final class CodeIndex {

    /** A string constant and where it is. */
    public record StringSite(String value, CodeSite site) {
    }

    private final Map<MethodRef, List<CodeSite>> calls;
    private final Map<FieldRef, List<CodeSite>> fieldReads;
    private final List<StringSite> strings;

    CodeIndex(Map<MethodRef, List<CodeSite>> calls, Map<FieldRef, List<CodeSite>> fieldReads, List<StringSite> strings) {
        this.calls = calls;
        this.fieldReads = fieldReads;
        this.strings = strings;
    }

    public static final CodeIndex EMPTY = new CodeIndex(Map.of(), Map.of(), List.of());

    /** Every distinct method reference called in the app. */
    public java.util.Set<MethodRef> calledMethods() {
        return calls.keySet();
    }

    public List<CodeSite> callsTo(MethodRef ref) {
        return calls.getOrDefault(ref, List.of());
    }

    public java.util.Set<FieldRef> readFields() {
        return fieldReads.keySet();
    }

    public List<CodeSite> readsOf(FieldRef ref) {
        return fieldReads.getOrDefault(ref, List.of());
    }

    /** String constants in code, in class, method and instruction order. */
    public List<StringSite> strings() {
        return strings;
    }

    /** Accumulates one method's sites; merged in class order so the index is deterministic. */
    static final class Builder {
        final Map<MethodRef, List<CodeSite>> calls = new HashMap<>();
        final Map<FieldRef, List<CodeSite>> fieldReads = new HashMap<>();
        final List<StringSite> strings = new ArrayList<>();

        void add(CodeSite site, Insn insn) {
            switch (insn.kind()) {
                case INVOKE -> calls.computeIfAbsent(((Insn.Invoke) insn).method(), k -> new ArrayList<>()).add(site);
                case FIELD_GET -> fieldReads.computeIfAbsent(((Insn.FieldGet) insn).field(), k -> new ArrayList<>())
                        .add(site);
                case CONST_STRING -> strings.add(new StringSite(((Insn.ConstString) insn).value(), site));
                default -> {
                }
            }
        }

        void addAll(Builder other) {
            other.calls.forEach((k, v) -> calls.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            other.fieldReads.forEach((k, v) -> fieldReads.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            strings.addAll(other.strings);
        }

        CodeIndex build() {
            calls.replaceAll((k, v) -> List.copyOf(v));
            fieldReads.replaceAll((k, v) -> List.copyOf(v));
            return new CodeIndex(Collections.unmodifiableMap(calls), Collections.unmodifiableMap(fieldReads),
                    List.copyOf(strings));
        }
    }
}
