package org.leakscan.android;

/**
 * An XML file (binary AXML or plain text) that Android itself would refuse to read. The message is
 * one line and names the byte offset (binary) or line and column (text) where reading failed.
 */
public final class MalformedXmlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long offset;

    /**
     * @param message one line, already naming the place of the problem
     * @param offset  byte offset of the problem in the file, or -1 when only a line is known
     */
    public MalformedXmlException(String message, long offset) {
        super(message);
        this.offset = offset;
    }

    /** Byte offset in the file where reading failed, or -1 when unknown (text XML). */
    public long offset() {
        return offset;
    }
}
