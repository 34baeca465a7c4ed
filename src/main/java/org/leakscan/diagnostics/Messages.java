package org.leakscan.diagnostics;

/**
 * Turns exceptions and attacker-chosen strings into the one-line messages reports and the
 * terminal show.
 */
public final class Messages {

    private static final int MAX_PRINTABLE = 200;

    private Messages() {
    }

    /** The first line of the exception's message, or its class name when it has none. */
    public static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** For exceptions nobody expected: the class name too, so a bug report says what broke. */
    public static String describe(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return e.getClass().getSimpleName() + ": " + oneLine(e);
    }

    /**
     * A string from the input (an entry name, a class name) made safe for one line: control
     * characters become {@code ?} and long strings are cut with {@code ...}.
     */
    public static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < MAX_PRINTABLE; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (s.length() > MAX_PRINTABLE) {
            sb.append("...");
        }
        return sb.toString();
    }
}
