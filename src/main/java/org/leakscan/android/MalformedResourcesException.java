package org.leakscan.android;

/**
 * A {@code resources.arsc} that Android's resource loader would refuse. The message is one line and
 * names the byte offset of the problem.
 */
public final class MalformedResourcesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long offset;

    /**
     * @param message one line, already naming the place of the problem
     * @param offset  byte offset of the problem in the file
     */
    public MalformedResourcesException(String message, long offset) {
        super(message);
        this.offset = offset;
    }

    /** Byte offset in the file where reading failed. */
    public long offset() {
        return offset;
    }
}
