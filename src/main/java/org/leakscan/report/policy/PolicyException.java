package org.leakscan.report.policy;

/** A policy file that cannot be read or is not valid; the message names the file and the place. */
public final class PolicyException extends Exception {

    public PolicyException(String message) {
        super(message);
    }
}
