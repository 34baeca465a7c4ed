package org.leakscan.program;

import java.util.List;

/**
 * A class or interface of the program.
 *
 * @param type        type descriptor, e.g. {@code Lcom/example/MainActivity;}
 * @param superType   the superclass descriptor, or null for {@code java.lang.Object} and
 *                    for classes that name none
 * @param interfaces  directly implemented interfaces
 * @param access      access flags ({@link Access})
 * @param origin      where the class was read from: a dex entry ({@code classes2.dex}), a class
 *                    file entry ({@code classes.jar!com/example/A.class}) or a file path
 * @param fields      declared fields
 * @param methods     declared methods
 * @param annotations annotations on the class
 */
public record ClassDef(String type, String superType, List<String> interfaces, int access, String origin,
                       List<FieldDef> fields, List<MethodDef> methods, List<Annotation> annotations) {

    public ClassDef {
        interfaces = List.copyOf(interfaces);
        fields = List.copyOf(fields);
        methods = List.copyOf(methods);
        annotations = List.copyOf(annotations);
    }

    /** Classes are equal when they have the same type and origin: cheap, and unique per program. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ClassDef c && c.type.equals(type) && java.util.Objects.equals(c.origin, origin);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    /** Dotted Java name, as reports print it. */
    public String javaName() {
        return Types.toJavaName(type);
    }

    public boolean isInterface() {
        return Access.is(access, Access.INTERFACE);
    }

    /** The declared method with this name and descriptor, or null. */
    public MethodDef method(String name, String descriptor) {
        for (MethodDef m : methods) {
            if (m.ref().name().equals(name) && m.ref().descriptor().equals(descriptor)) {
                return m;
            }
        }
        return null;
    }
}
