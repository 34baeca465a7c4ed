package org.leakscan.input;

/** An archive entry or the archive as a whole expands beyond the configured {@link ZipLimits}. */
public class ZipBombException extends InputException {

    public ZipBombException(String message) {
        super(message);
    }
}
