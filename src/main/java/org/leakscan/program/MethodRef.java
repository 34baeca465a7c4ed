package org.leakscan.program;

import java.util.List;

/**
 * A reference to a method as it appears at a call site: the static owner type, the name and the
 * descriptor. Equality is by these three strings, so a reference decoded from DEX and one decoded
 * from a JVM class file compare equal when they name the same method.
 *
 * @param owner      type descriptor of the class named at the call site, e.g. {@code Landroid/app/Activity;}
 * @param name       method name, e.g. {@code getSystemService} or {@code <init>}
 * @param descriptor parameter and return types, e.g. {@code (Ljava/lang/String;)Ljava/lang/Object;}
 */
public record MethodRef(String owner, String name, String descriptor) {

    /** From the three strings, whose hashes Java caches: references are map keys in every hot loop. */
    @Override
    public int hashCode() {
        return (owner.hashCode() * 31 + name.hashCode()) * 31 + descriptor.hashCode();
    }

    /** Parses {@code Lpkg/Cls;->name(desc)ret}. */
    public static MethodRef parse(String dexStyle) {
        int arrow = dexStyle.indexOf("->");
        int paren = dexStyle.indexOf('(', arrow);
        if (arrow <= 0 || paren < 0) {
            throw new IllegalArgumentException("not a DEX method descriptor: " + dexStyle);
        }
        return new MethodRef(dexStyle.substring(0, arrow), dexStyle.substring(arrow + 2, paren),
                dexStyle.substring(paren));
    }

    /** The part after the owner: {@code name(desc)ret}, the same for every class that declares it. */
    public String signature() {
        return name + descriptor;
    }

    /** Parameter type descriptors, without the receiver. */
    public List<String> parameterTypes() {
        return Types.parameterTypes(descriptor);
    }

    public String returnType() {
        return descriptor.substring(descriptor.lastIndexOf(')') + 1);
    }

    public boolean isConstructor() {
        return "<init>".equals(name);
    }

    /** {@code Lpkg/Cls;->name(desc)ret}. */
    @Override
    public String toString() {
        return owner + "->" + name + descriptor;
    }
}
