package org.leakscan.diagnostics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A thread-safe collector of {@link AnalysisError}s for one input. Stages add to it from any
 * thread; {@link #errors()} returns them in a stable order so reports are byte-stable.
 */
public final class Diagnostics {

    private static final Comparator<AnalysisError> ORDER = Comparator
            .comparing((AnalysisError e) -> e.stage().ordinal())
            .thenComparing(e -> nullToEmpty(e.unit()))
            .thenComparing(e -> nullToEmpty(e.clazz()))
            .thenComparing(e -> nullToEmpty(e.method()))
            .thenComparing(e -> nullToEmpty(e.pass()))
            .thenComparing(AnalysisError::message);

    private final String input;
    private final List<AnalysisError> errors = new ArrayList<>();

    public Diagnostics(String input) {
        this.input = input;
    }

    public String input() {
        return input;
    }

    public synchronized void add(AnalysisError error) {
        errors.add(error);
    }

    /** Records a failure of a whole unit of the input (an entry, a dex file). */
    public void unit(Stage stage, String unit, String message) {
        add(new AnalysisError(stage, input, unit, null, null, null, message));
    }

    /** Records a failure inside one class or method ({@code method} may be null). */
    public void member(Stage stage, String unit, String clazz, String method, String message) {
        add(new AnalysisError(stage, input, unit, clazz, method, null, message));
    }

    /** Records a failed analysis pass on one class or method. */
    public void pass(String pass, String clazz, String method, String message) {
        add(new AnalysisError(Stage.ANALYSIS, input, null, clazz, method, pass, message));
    }

    /** All errors so far, sorted. */
    public synchronized List<AnalysisError> errors() {
        List<AnalysisError> copy = new ArrayList<>(errors);
        copy.sort(ORDER);
        return List.copyOf(copy);
    }

    public synchronized boolean isEmpty() {
        return errors.isEmpty();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
