package org.leakscan.bytecode;

/** A code unit (a DEX file, a class file, a method) cannot be decoded. One-line message. */
public class MalformedCodeException extends Exception {

    public MalformedCodeException(String message) {
        super(message);
    }

    public MalformedCodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
