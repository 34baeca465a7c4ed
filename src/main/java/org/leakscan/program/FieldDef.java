package org.leakscan.program;

import java.util.List;

/**
 * A declared field.
 *
 * @param ref           owner, name and type
 * @param access        access flags ({@link Access})
 * @param constantValue the initial value of a static field when the bytecode carries one
 *                      (String, Integer, Long, Float, Double), else null
 * @param annotations   annotations on the field
 */
public record FieldDef(FieldRef ref, int access, Object constantValue, List<Annotation> annotations) {

    public FieldDef {
        annotations = List.copyOf(annotations);
    }

    public boolean isStatic() {
        return Access.is(access, Access.STATIC);
    }
}
