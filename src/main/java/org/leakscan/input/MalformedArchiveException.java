package org.leakscan.input;

/** A zip archive is truncated, corrupt or not a zip at all. */
public class MalformedArchiveException extends InputException {

    public MalformedArchiveException(String message) {
        super(message);
    }

    public MalformedArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
