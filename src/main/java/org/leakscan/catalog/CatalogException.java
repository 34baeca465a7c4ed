package org.leakscan.catalog;

/**
 * A catalogue file could not be read or is not valid: the one exception every catalogue loader
 * throws for that. The message is one line that names the file and, for a bad entry, its position
 * ({@code sources.json: sources[12] (Lpkg/Cls;->m()V): ...}), so the command line can print it as is.
 */
public class CatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
