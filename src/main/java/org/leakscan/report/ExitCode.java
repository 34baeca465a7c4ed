package org.leakscan.report;

/**
 * The process exit codes, in one place. A crash must never read as "policy violated", so an
 * internal error has its own code.
 */
public enum ExitCode {
    /** Every input was read and analysed, and nothing violated the policy. */
    OK(0, "done, within policy"),
    /** The policy was violated (reports were still written). */
    POLICY_VIOLATED(1, "policy violated"),
    /** The command line was wrong. */
    USAGE(2, "usage error"),
    /** An input, or a part of one, could not be read (reports were still written for the rest). */
    INPUT_ERROR(3, "an input could not be read"),
    /** A bug in leakscan: please report it with the input that caused it. */
    INTERNAL_ERROR(70, "internal error");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The more serious of two codes, as a batch sums up its apps: internal error over input error over policy over fine. */
    public static int worse(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int code) {
        return code == INTERNAL_ERROR.code ? 3 : code == INPUT_ERROR.code ? 2 : code == OK.code ? 0 : 1;
    }
}
