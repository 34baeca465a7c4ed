package org.leakscan.program;

import java.util.List;

/**
 * A declared method.
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

    /** {@code name(descriptor)}, the report's {@code method} field. */
    public String signature() {
        return ref.signature();
    }
}
