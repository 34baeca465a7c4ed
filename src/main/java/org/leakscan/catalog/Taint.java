package org.leakscan.catalog;

/**
 * What a source makes tainted: its return value, an out-parameter of a call, a parameter of a
 * callback, the value of a field read, the object a call is made on, or nothing (the call only
 * shows that the app reaches for the data, which arrives elsewhere, usually in a callback entry).
 * Written in the catalogue as {@code return}, {@code arg2}, {@code param1}, {@code value},
 * {@code receiver} or {@code none}.
 *
 * @param target what is tainted
 * @param index  1-based argument or parameter number (receiver not counted); 0 for the others
 */
public record Taint(Target target, int index) {

    /** What a source taints. */
    public enum Target {
        /** The value the call returns (for a Task/Future, the container of the value). */
        RETURN,
        /** An out-parameter the call fills in, such as the buffer of {@code AudioRecord.read}. */
        ARGUMENT,
        /** A parameter the framework passes to an app-implemented callback. */
        PARAMETER,
        /** The value read from the field. */
        VALUE,
        /**
         * The object the call is made on; for a constructor, the new object. For calls that return
         * nothing, as FlowDroid's source lists mean them ({@link SourceSinkList}).
         */
        RECEIVER,
        /** Nothing: access evidence only. */
        NONE
    }

    public static final Taint RETURN = new Taint(Target.RETURN, 0);
    public static final Taint VALUE = new Taint(Target.VALUE, 0);
    public static final Taint RECEIVER = new Taint(Target.RECEIVER, 0);
    public static final Taint NONE = new Taint(Target.NONE, 0);

    public Taint {
        boolean indexed = target == Target.ARGUMENT || target == Target.PARAMETER;
        if (indexed ? index < 1 : index != 0) {
            throw new IllegalArgumentException("bad index " + index + " for " + target);
        }
    }

    /**
     * Parses the catalogue form.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Taint parse(String text) {
        switch (text) {
            case "return":
                return RETURN;
            case "value":
                return VALUE;
            case "receiver":
                return RECEIVER;
            case "none":
                return NONE;
            default:
                break;
        }
        Target target = text.startsWith("arg") ? Target.ARGUMENT : text.startsWith("param") ? Target.PARAMETER : null;
        String digits = target == null ? "" : text.substring(target == Target.ARGUMENT ? 3 : 5);
        if (target == null || !digits.matches("[1-9][0-9]?")) {
            throw new IllegalArgumentException("not a taint target: \"" + text + "\" (return, argN, paramN, value, receiver or none)");
        }
        return new Taint(target, Integer.parseInt(digits));
    }

    /** The catalogue form: {@code return}, {@code arg2}, {@code param1}, {@code value}, {@code receiver}, {@code none}. */
    @Override
    public String toString() {
        return switch (target) {
            case RETURN -> "return";
            case ARGUMENT -> "arg" + index;
            case PARAMETER -> "param" + index;
            case VALUE -> "value";
            case RECEIVER -> "receiver";
            case NONE -> "none";
        };
    }
}
