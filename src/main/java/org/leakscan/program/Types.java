package org.leakscan.program;

import java.util.ArrayList;
import java.util.List;

/** Helpers over type descriptors ({@code I}, {@code [B}, {@code Ljava/lang/String;}). */
public final class Types {

    private Types() {
    }

    /** {@code Lcom/example/Foo$Bar;} to {@code com.example.Foo$Bar}; arrays become {@code int[]}. */
    public static String toJavaName(String descriptor) {
        int dims = 0;
        while (dims < descriptor.length() && descriptor.charAt(dims) == '[') {
            dims++;
        }
        String element = descriptor.substring(dims);
        String base = switch (element) {
            case "Z" -> "boolean";
            case "B" -> "byte";
            case "C" -> "char";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            case "F" -> "float";
            case "D" -> "double";
            case "V" -> "void";
            default -> element.startsWith("L") && element.endsWith(";")
                    ? element.substring(1, element.length() - 1).replace('/', '.')
                    : element;
        };
        return base + "[]".repeat(dims);
    }

    /** {@code com.example.Foo} or {@code com/example/Foo} to {@code Lcom/example/Foo;}. */
    public static String fromClassName(String name) {
        return "L" + name.replace('.', '/') + ";";
    }

    /** {@code Lcom/example/Foo;} to {@code com/example/Foo} (the JVM internal name). */
    public static String toInternalName(String descriptor) {
        return descriptor.substring(1, descriptor.length() - 1);
    }

    /** The Java package of a class type descriptor, dotted; empty for the default package. */
    public static String packageOf(String descriptor) {
        String internal = descriptor.startsWith("L") ? toInternalName(descriptor) : descriptor;
        int slash = internal.lastIndexOf('/');
        return slash < 0 ? "" : internal.substring(0, slash).replace('/', '.');
    }

    /** True for {@code J} and {@code D}, which take two registers in DEX and two slots in the JVM. */
    public static boolean isWide(String descriptor) {
        return "J".equals(descriptor) || "D".equals(descriptor);
    }

    /** True for object and array types. */
    public static boolean isReference(String descriptor) {
        return descriptor.startsWith("L") || descriptor.startsWith("[");
    }

    /** Splits a method descriptor's parameter list into type descriptors. */
    public static List<String> parameterTypes(String methodDescriptor) {
        List<String> types = new ArrayList<>();
        int i = 1;
        int end = methodDescriptor.indexOf(')');
        while (i < end) {
            int start = i;
            while (methodDescriptor.charAt(i) == '[') {
                i++;
            }
            if (methodDescriptor.charAt(i) == 'L') {
                i = methodDescriptor.indexOf(';', i);
            }
            i++;
            types.add(methodDescriptor.substring(start, i));
        }
        return types;
    }

    /** {@code name(desc)ret} to {@code name(java.lang.String,int)} for people. */
    public static String toJavaSignature(String name, String descriptor) {
        StringBuilder sb = new StringBuilder(name).append('(');
        List<String> params = parameterTypes(descriptor);
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(toJavaName(params.get(i)));
        }
        return sb.append(')').toString();
    }

    /**
     * A member descriptor for people: {@code Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;}
     * to {@code TelephonyManager.getDeviceId()}, a field's to {@code Owner.NAME}; anything else as it is.
     */
    public static String shortMember(String member) {
        int arrow = member.indexOf("->");
        if (arrow < 0 || !member.startsWith("L")) {
            return member;
        }
        String owner = member.substring(1, arrow - 1);
        owner = owner.substring(owner.lastIndexOf('/') + 1).replace('$', '.');
        String rest = member.substring(arrow + 2);
        int paren = rest.indexOf('(');
        if (paren >= 0) {
            return owner + "." + rest.substring(0, paren) + "()";
        }
        int colon = rest.indexOf(':');
        return owner + "." + (colon >= 0 ? rest.substring(0, colon) : rest);
    }
}
