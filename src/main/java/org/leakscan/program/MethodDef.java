package org.leakscan.program;

import java.util.List;

/**
 * A declared method. Equality is by reference and flags (see {@link #equals}).
 *
 * @param ref                  owner, name and descriptor
 * @param access               access flags ({@link Access})
 * @param annotations          annotations on the method
 * @param parameterAnnotations annotations on each parameter (empty lists where none)
 * @param code                 the code, or null for abstract and native methods
 */
public record MethodDef(MethodRef ref, int access, List<Annotation> annotations,
                        List<List<Annotation>> parameterAnnotations, MethodCode code) {

    public MethodDef {
        annotations = List.copyOf(annotations);
        // Most methods have no parameter annotations: skip the stream for them (a large app has
        // hundreds of thousands of methods).
        parameterAnnotations = parameterAnnotations.isEmpty() ? List.of()
                : parameterAnnotations.stream().map(List::copyOf).toList();
    }

    /**
     * A method whose code is decoded already: {@code body} null with a {@code failure} for code that
     * could not be decoded, both null for a method without code.
     */
    public MethodDef(MethodRef ref, int access, List<Annotation> annotations,
                     List<List<Annotation>> parameterAnnotations, MethodBody body, String failure) {
        this(ref, access, annotations, parameterAnnotations,
                body != null ? MethodCode.decoded(body) : failure != null ? MethodCode.failed(failure) : null);
    }

    /** Whether the method has code (abstract and native methods have none), decodable or not. */
    public boolean hasCode() {
        return code != null;
    }

    /**
     * The code in register form, decoded on first use; null for a method without code and for code
     * that cannot be decoded (then {@link #failure} says why).
     */
    public MethodBody body() {
        return code == null ? null : code.body();
    }

    /** Why the code could not be decoded, or null. */
    public String failure() {
        return code == null ? null : code.failure();
    }

    /** What the code calls, reads and loads, without decoding it; empty for a method without code. */
    public CodeRefs refs() {
        return code == null ? CodeRefs.NONE : code.refs();
    }

    public boolean isStatic() {
        return Access.is(access, Access.STATIC);
    }

    public boolean isAbstract() {
        return Access.is(access, Access.ABSTRACT);
    }

    public boolean isNative() {
        return Access.is(access, Access.NATIVE);
    }

    /**
     * Methods are equal when they have the same reference: a program declares each reference once,
     * and hashing the whole body for every map lookup would be wasteful.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof MethodDef m && m.ref.equals(ref) && m.access == access;
    }

    @Override
    public int hashCode() {
        return ref.hashCode();
    }

    /** {@code name(descriptor)}, the report's {@code method} field. */
    public String signature() {
        return ref.signature();
    }
}
