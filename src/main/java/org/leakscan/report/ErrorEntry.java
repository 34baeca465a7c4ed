package org.leakscan.report;

import com.google.gson.annotations.SerializedName;
import org.leakscan.diagnostics.AnalysisError;

/**
 * One entry of the report's {@code errors} array: {@code input} and {@code message} as the
 * contract says, plus where it happened when known.
 */
public record ErrorEntry(String input, String message, String stage, String unit,
                         @SerializedName("class") String className, String method, String pass) {

    public static ErrorEntry of(AnalysisError e) {
        return new ErrorEntry(e.input(), e.message(), e.stage().id(), e.unit(), e.clazz(), e.method(), e.pass());
    }

    /** The same line the command line printed for it. */
    public String oneLine() {
        org.leakscan.diagnostics.Stage s = stage == null ? org.leakscan.diagnostics.Stage.REPORT
                : org.leakscan.diagnostics.Stage.valueOf(stage.toUpperCase(java.util.Locale.ROOT));
        return new AnalysisError(s, input, unit, className, method, pass, message).oneLine();
    }
}
