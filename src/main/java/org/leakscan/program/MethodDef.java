package org.leakscan.program;

import java.util.List;

/**
 * A declared method. Equality is by reference and flags (see {@link #equals}).
 *
 * @param ref                  owner, name and descriptor
 * @param access               access flags ({@link Access})
 * @param annotations          annotations on the method
 * @param parameterAnnotations annotations on each parameter (empty lists where none)
 * @param body                 the code, or null for abstract and native methods and for code
 *                             that could not be decoded (then {@code failure} says why)
 * @param failure              why the body could not be decoded, or null
 */
public record MethodDef(MethodRef ref, int access, List<Annotation> annotations,
                        List<List<Annotation>> parameterAnnotations, MethodBody body, String failure) {

    public MethodDef {
        annotations = List.copyOf(annotations);
        parameterAnnotations = parameterAnnotations.stream().map(List::copyOf).toList();
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
