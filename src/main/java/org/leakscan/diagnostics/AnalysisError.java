package org.leakscan.diagnostics;

/**
 * One unit that could not be read or analysed. Every field but {@code stage}, {@code input} and
 * {@code message} may be null.
 *
 * @param stage   where it happened
 * @param input   the input file as the user named it
 * @param unit    the part of the input: an archive entry ({@code classes2.dex}, {@code res/x.xml})
 * @param clazz   dotted class name, for class- and method-level failures
 * @param method  {@code name(descriptor)}, for method-level failures
 * @param pass    the analysis pass, for pass failures
 * @param message one line saying what went wrong
 */
public record AnalysisError(Stage stage, String input, String unit, String clazz, String method, String pass,
                            String message) {

    public static AnalysisError ofInput(Stage stage, String input, String unit, String message) {
        return new AnalysisError(stage, input, unit, null, null, null, message);
    }

    /** One line for people: {@code input[!unit]: [class.method: ]message}. */
    public String oneLine() {
        StringBuilder sb = new StringBuilder(input);
        if (unit != null) {
            sb.append('!').append(unit);
        }
        sb.append(": ");
        if (clazz != null) {
            sb.append(clazz);
            if (method != null) {
                sb.append('.').append(method);
            }
            sb.append(": ");
        }
        if (pass != null) {
            sb.append('[').append(pass).append("] ");
        }
        return sb.append(message).toString();
    }
}
