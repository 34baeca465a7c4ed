package org.leakscan.report;

import java.io.PrintWriter;
import org.leakscan.analysis.findings.DataSafety;

/** The text report's lines for a checked Data safety declaration: declared against found, then the differences. */
final class DataSafetyText {

    private DataSafetyText() {
    }

    static void write(PrintWriter out, DataSafety d) {
        out.println();
        out.println("   Data safety declaration " + d.declaration() + " against the code:");
        out.printf("     %-30s %-20s %s%n", "data type", "declared", "found");
        for (DataSafety.DataTypeRow r : d.dataTypes()) {
            String declared = r.declared() == null ? "-" : usage(r.declared().collected(), r.declared().shared());
            String found = r.found().collected() ? usage(true, r.found().shared()) + (r.found().cleartext() ? ", cleartext" : "")
                    : r.found().callSites() > 0 ? "read only" : "no evidence";
            out.printf("   %s %-30s %-20s %s%n", DataSafetyHtml.differs(r) ? "!" : " ", r.name(), declared, found);
        }
        out.println("     encrypted in transit: declared " + (d.encryptedInTransit() == null ? "-" : d.encryptedInTransit() ? "yes" : "no"));
        for (DataSafety.Finding f : d.findings()) {
            out.println("     " + f.kind().toUpperCase(java.util.Locale.ROOT) + ": " + f.message());
        }
        if (!d.unknownQuestions().isEmpty()) {
            out.println("     " + d.unknownQuestions().size() + " answer(s) to questions leakscan does not know, first on line "
                    + d.unknownQuestions().get(0).line() + ": " + d.unknownQuestions().get(0).question());
        }
        for (String note : d.notes()) {
            out.println("     note: " + note);
        }
    }

    private static String usage(boolean collected, boolean shared) {
        return collected && shared ? "collected, shared" : collected ? "collected" : shared ? "shared" : "-";
    }
}
