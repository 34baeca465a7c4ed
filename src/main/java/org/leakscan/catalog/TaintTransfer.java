package org.leakscan.catalog;

/**
 * One way a library method moves data: when {@link #from()} is tainted before the call,
 * {@link #to()} is tainted after it. Written {@code {"from": "arg1", "to": "receiver"}} in
 * {@code models.json}.
 *
 * @param from where the data comes from: the receiver, an argument, or every argument
 * @param to   where it lands: the receiver, the return value, or an argument (an array or object
 *             the method fills, as {@code InputStream.read(byte[])} fills its first argument)
 */
public record TaintTransfer(Endpoint from, Endpoint to) {

    public TaintTransfer {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a transfer needs both ends");
        }
        if (from.kind() == Endpoint.Kind.RETURN) {
            throw new IllegalArgumentException("data cannot come from the return value: " + from + " -> " + to);
        }
        if (to.kind() == Endpoint.Kind.ALL_ARGS) {
            throw new IllegalArgumentException("data cannot go to every argument at once: " + from + " -> " + to);
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("a transfer from a place to itself: " + from);
        }
    }

    /** Parses the two JSON names, e.g. {@code of("arg1", "receiver")}. */
    public static TaintTransfer of(String from, String to) {
        return new TaintTransfer(Endpoint.parse(from), Endpoint.parse(to));
    }

    @Override
    public String toString() {
        return from + " -> " + to;
    }

    /**
     * A place data can be in around a call. For constructors the receiver is the new object;
     * arguments count from 1, as in {@code sinks.json}.
     *
     * @param kind  which place
     * @param index the 1-based argument number for {@link Kind#ARG}, else 0
     */
    public record Endpoint(Kind kind, int index) {

        /** The places an endpoint can name. */
        public enum Kind {
            /** The object the method is called on ({@code this}); the new object for a constructor. */
            RECEIVER,
            /** The value the method returns. */
            RETURN,
            /** One argument, counted from 1. */
            ARG,
            /** Every argument (only as a source of data: any tainted argument taints the target). */
            ALL_ARGS
        }

        private static final Endpoint RECEIVER = new Endpoint(Kind.RECEIVER, 0);
        private static final Endpoint RETURN = new Endpoint(Kind.RETURN, 0);
        private static final Endpoint ALL_ARGS = new Endpoint(Kind.ALL_ARGS, 0);

        public Endpoint {
            if (kind == null) {
                throw new IllegalArgumentException("an endpoint needs a kind");
            }
            if (kind == Kind.ARG ? index < 1 : index != 0) {
                throw new IllegalArgumentException("bad index " + index + " for " + kind);
            }
        }

        /** The receiver ({@code this}, or the new object of a constructor). */
        public static Endpoint receiver() {
            return RECEIVER;
        }

        /** The return value. */
        public static Endpoint returnValue() {
            return RETURN;
        }

        /** Argument {@code index}, counted from 1. */
        public static Endpoint arg(int index) {
            return new Endpoint(Kind.ARG, index);
        }

        /** Every argument. */
        public static Endpoint allArgs() {
            return ALL_ARGS;
        }

        /**
         * Parses a JSON name: {@code receiver}, {@code return}, {@code args} or {@code arg1}..{@code argN}.
         *
         * @throws IllegalArgumentException for anything else
         */
        public static Endpoint parse(String name) {
            switch (name) {
                case "receiver":
                    return RECEIVER;
                case "return":
                    return RETURN;
                case "args":
                    return ALL_ARGS;
                default:
                    if (name.matches("arg[1-9][0-9]{0,2}")) {
                        return arg(Integer.parseInt(name.substring(3)));
                    }
                    throw new IllegalArgumentException("not an endpoint (receiver, return, args, argN): " + name);
            }
        }

        /** The JSON name: {@code receiver}, {@code return}, {@code args} or {@code argN}. */
        @Override
        public String toString() {
            return switch (kind) {
                case RECEIVER -> "receiver";
                case RETURN -> "return";
                case ALL_ARGS -> "args";
                case ARG -> "arg" + index;
            };
        }
    }
}
