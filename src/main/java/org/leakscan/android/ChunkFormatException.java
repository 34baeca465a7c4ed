package org.leakscan.android;

/**
 * A format problem found inside a shared building block (the string pool, a chunk header), before
 * the caller knows whether it is reading binary XML or a resource table. The public parsers turn it
 * into {@link MalformedXmlException} or {@link MalformedResourcesException}.
 */
final class ChunkFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long offset;

    ChunkFormatException(String message, long offset) {
        super(message, null, false, false);
        this.offset = offset;
    }

    long offset() {
        return offset;
    }
}
