package org.leakscan.analysis.taint;

import org.leakscan.program.FieldRef;
import org.leakscan.program.MethodRef;

/**
 * Matches a reference as written at a call site to a catalogue key, walking up the receiver's
 * ancestors (the analysis package's resolver implements it).
 */
public interface CallResolver {

    /** A catalogue lookup by (declaring type, {@code name(descriptor)}); null when absent. */
    @FunctionalInterface
    interface Lookup<T> {
        T find(String type, String signature);
    }

    /** The first catalogue entry the call resolves to, or null. */
    <T> T resolve(MethodRef called, Lookup<T> lookup);

    /** The first catalogue entry a field read resolves to, or null. */
    <T> T resolveField(FieldRef read, Lookup<T> lookup);
}
