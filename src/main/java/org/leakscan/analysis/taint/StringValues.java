package org.leakscan.analysis.taint;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.leakscan.program.MethodRef;

/**
 * Constant strings through the library calls that build them: {@code StringBuilder} appends,
 * {@code String.concat} and {@code valueOf}, {@code Uri.parse}, {@code new URL(String)},
 * {@code Class.getName}. What comes out are the texts a value may be (a URL, a class name, a
 * content URI), used to resolve intent targets, reflection, content URIs and destinations. Taint
 * is the models' business, not this class's.
 */
final class StringValues {

    private static final String SB = "Ljava/lang/StringBuilder;";
    private static final String SBUF = "Ljava/lang/StringBuffer;";

    /** Stands for an unknown part of a string, so {@code "http://host/?id=" + imei} keeps its host. */
    static final String UNKNOWN = "\u0002";

    private StringValues() {
    }

    /** True when the text has no unknown part and no hole. */
    static boolean isComplete(String text) {
        return text.indexOf(UNKNOWN.charAt(0)) < 0 && !Symbols.hasHole(text);
    }

    /** The constant part of a call's result; may also record a builder's or URI's text. */
    static Value apply(Frame f, Site site, MethodRef ref, Value[] args, boolean isStatic) {
        String owner = ref.owner();
        String name = ref.name();
        int text = f.fields.text;
        if (isBuilder(owner)) {
            Value receiver = args.length > 0 ? args[0] : Value.EMPTY;
            if (name.equals("toString")) {
                return builderText(f, receiver);
            }
            Value after = builderAfter(f, ref, args);
            if (after != null) {
                // For the builder's other holders (fields, callees); the register that holds it
                // gets the exact text from the interpreter.
                f.write(receiver, text, after);
            }
            return Value.EMPTY;
        }
        if (owner.equals("Ljava/lang/String;")) {
            switch (name) {
                case "concat" -> {
                    return concat(args[0], args.length > 1 ? args[1] : Value.EMPTY);
                }
                case "valueOf", "copyValueOf" -> {
                    return args.length == 1 ? textOf(f, args[0]) : Value.EMPTY;
                }
                case "toString", "intern" -> {
                    return keepTexts(args[0]);
                }
                case "trim" -> {
                    return map(args[0], String::trim);
                }
                case "toLowerCase" -> {
                    return map(args[0], t -> t.toLowerCase(java.util.Locale.ROOT));
                }
                case "toUpperCase" -> {
                    return map(args[0], t -> t.toUpperCase(java.util.Locale.ROOT));
                }
                case "substring" -> {
                    Long from = args.length > 1 ? args[1].intConstant() : null;
                    Long to = args.length > 2 ? args[2].intConstant() : null;
                    if (from == null || (args.length > 2 && to == null)) {
                        return Value.EMPTY;
                    }
                    return map(args[0], t -> !isComplete(t) || from > t.length() || (to != null && (to > t.length()
                            || to < from)) ? UNKNOWN : to == null ? t.substring(from.intValue())
                            : t.substring(from.intValue(), to.intValue()));
                }
                default -> {
                    return Value.EMPTY;
                }
            }
        }
        if (owner.equals("Landroid/net/Uri;") && name.equals("parse") && args.length == 1) {
            return keepTexts(args[0]);
        }
        if ((owner.equals("Landroid/net/Uri;") || owner.equals("Ljava/net/URL;") || owner.equals("Ljava/net/URI;"))
                && (name.equals("toString") || name.equals("toExternalForm"))) {
            return keepTexts(args[0]).join(keepTexts(f.read(args[0], text)));
        }
        if ((owner.equals("Ljava/net/URL;") || owner.equals("Ljava/net/URI;")) && name.equals("<init>") && args.length == 2
                && ref.parameterTypes().get(0).equals("Ljava/lang/String;")) {
            f.write(args[0], text, textOf(f, args[1]));
            return Value.EMPTY;
        }
        if (owner.equals("Landroid/net/Uri;") && name.equals("withAppendedPath") && args.length == 2) {
            return concat(concat(keepTexts(args[0]), Value.ofConstant("/")), keepTexts(args[1]));
        }
        if (owner.equals("Ljava/lang/Class;") && (name.equals("getName") || name.equals("getCanonicalName"))
                && args.length == 1) {
            Set<String> names = new TreeSet<>();
            for (String c : args[0].classes()) {
                names.add(Scope.javaName(c));
            }
            return Value.ofConstants(names, false);
        }
        return Value.EMPTY;
    }

    static boolean isBuilder(String owner) {
        return owner.equals(SB) || owner.equals(SBUF);
    }

    /**
     * A builder's text: what the register holding it knows (exact, flow-sensitive within the
     * method), else what the heap recorded for it.
     */
    static Value builderText(Frame f, Value builder) {
        if (!builder.texts().isEmpty() || builder.mayBeOtherString()) {
            return keepTexts(builder);
        }
        return keepTexts(f.read(builder, f.fields.text));
    }

    /** A builder's text after a call on it, or null when the call does not change it. */
    static Value builderAfter(Frame f, MethodRef ref, Value[] args) {
        Value receiver = args.length > 0 ? args[0] : Value.EMPTY;
        List<String> params = ref.parameterTypes();
        switch (ref.name()) {
            case "<init>" -> {
                return params.size() == 1 && params.get(0).startsWith("L") ? textOf(f, args[1]) : Value.ofConstant("");
            }
            case "append" -> {
                Value piece = params.size() == 1 ? pieceOf(f, params.get(0), args[1]) : Value.ofConstant(UNKNOWN);
                return concat(builderText(f, receiver), piece);
            }
            case "reverse" -> {
                return map(builderText(f, receiver), t -> isComplete(t) ? new StringBuilder(t).reverse().toString() : UNKNOWN);
            }
            case "setLength" -> {
                Long n = args.length > 1 ? args[1].intConstant() : null;
                return n != null && n == 0 ? Value.ofConstant("") : Value.ofConstant(UNKNOWN);
            }
            case "insert", "delete", "deleteCharAt", "replace", "setCharAt", "appendCodePoint" -> {
                return Value.ofConstant(UNKNOWN);
            }
            default -> {
                return null;
            }
        }
    }

    /** The text {@code append(type)} adds: a char or boolean constant as Java prints it. */
    private static Value pieceOf(Frame f, String type, Value arg) {
        Long n = arg.intConstant();
        if (n != null && type.equals("C")) {
            return Value.ofConstant(String.valueOf((char) n.longValue()));
        }
        if (n != null && type.equals("Z")) {
            return Value.ofConstant(n != 0 ? "true" : "false");
        }
        return textOf(f, arg);
    }

    /** Applies {@code f} to each known complete text of {@code v}; texts with holes become unknown. */
    static Value map(Value v, java.util.function.UnaryOperator<String> fn) {
        Set<String> out = new TreeSet<>();
        for (String t : v.texts()) {
            out.add(Symbols.hasHole(t) ? UNKNOWN : fn.apply(t));
        }
        return Value.ofConstants(out, v.mayBeOtherString());
    }

    /** The texts a value stands for: its own strings, or a builder's or URI's recorded text. */
    static Value textOf(Frame f, Value v) {
        Value out = keepTexts(v);
        Long i = v.intConstant();
        if (i != null) {
            out = out.join(Value.ofConstant(Long.toString(i)));
        }
        if (!v.objects().isEmpty() && v.texts().isEmpty() && !v.mayBeOtherString()) {
            out = out.join(keepTexts(f.read(v, f.fields.text)));
        }
        if (out.isEmpty() || out.mayBeOtherString()) {
            out = Value.ofConstants(out.texts(), false).join(Value.ofConstant(UNKNOWN));
        }
        return out;
    }

    /** Only the texts (strings and templates; no objects, taint, integers or class literals). */
    static Value keepTexts(Value v) {
        return Value.ofConstants(v.texts(), v.mayBeOtherString());
    }

    /** Every pairing of the two sides' texts, bounded like any constant set. */
    static Value concat(Value left, Value right) {
        Set<String> ls = known(left);
        Set<String> rs = known(right);
        if (ls.size() * rs.size() > Value.MAX_CONSTANTS) {
            return Value.ANY_STRING;
        }
        Set<String> out = new TreeSet<>();
        for (String l : ls) {
            for (String r : rs) {
                out.add((l + r).replace(UNKNOWN + UNKNOWN, UNKNOWN));
            }
        }
        return Value.ofConstants(out, false);
    }

    /** The value's texts, with "some other string" written as {@link #UNKNOWN}. */
    private static Set<String> known(Value v) {
        Set<String> s = new TreeSet<>(v.texts());
        if (s.isEmpty() || v.mayBeOtherString()) {
            s.add(UNKNOWN);
        }
        return s;
    }
}
