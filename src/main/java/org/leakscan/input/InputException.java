package org.leakscan.input;

/**
 * An input cannot be read at all. The message is one line for people and names what failed;
 * the CLI prefixes it with the file name.
 */
public class InputException extends Exception {

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
