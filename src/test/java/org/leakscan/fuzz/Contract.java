package org.leakscan.fuzz;

/** What every reader's documented exception must look like: one line for people. */
final class Contract {

    private Contract() {
    }

    static void oneLine(String message) {
        if (message == null || message.isBlank() || message.indexOf('\n') >= 0) {
            throw new AssertionError("a reader's message must be one non-empty line, got: " + message);
        }
        if (message.contains("read past the end")) {
            throw new AssertionError("the read-past-the-end safety net fired (a missed bounds check): " + message);
        }
    }
}
