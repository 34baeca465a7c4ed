package org.leakscan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.leakscan.catalog.Catalogs;
import org.leakscan.report.Report;
import org.leakscan.report.datasafety.DataSafetyCheck;
import org.leakscan.report.datasafety.DataSafetyCsv;
import org.leakscan.report.datasafety.DataSafetyCsvException;
import org.leakscan.report.datasafety.Declaration;
import org.leakscan.report.policy.Policy;
import org.leakscan.report.policy.PolicyRule;

/**
 * {@code scan --data-safety FILE.csv}: the declaration is read before any app is analysed (a
 * malformed file stops the scan with one line naming its line), then checked against the report.
 */
final class DeclarationOption {

    private DeclarationOption() {
    }

    /**
     * The declaration, or null without {@code --data-safety}.
     *
     * @throws IllegalArgumentException for a usage error: a batch or several apps (a declaration
     *                                  is one app's), or a policy that checks a declaration none gives
     * @throws DataSafetyCsvException   when the file cannot be read or is malformed
     */
    static Declaration read(Path file, Policy policy, boolean batch, int apps) throws DataSafetyCsvException {
        if (file == null) {
            PolicyRule needs = policy == null ? null : policy.rules().stream()
                    .filter(r -> r.type() == PolicyRule.Type.NO_UNDECLARED_DATA).findFirst().orElse(null);
            if (needs != null) {
                throw new IllegalArgumentException("--policy " + policy.file() + ": rule '" + needs.id()
                        + "' (no-undeclared-data) checks the Data safety declaration: give it with --data-safety FILE.csv");
            }
            return null;
        }
        if (batch || apps != 1) {
            throw new IllegalArgumentException("--data-safety checks one app's declaration: give exactly one app");
        }
        return DataSafetyCsv.read(file);
    }

    /** The report with the declaration checked against its app; answers leakscan does not know are named on {@code err}. */
    static Report apply(Report report, Declaration declaration, Policy policy, Catalogs catalogs, PrintWriter err,
                        boolean quiet) {
        if (!quiet && !declaration.unknown().isEmpty()) {
            var first = declaration.unknown().get(0);
            err.printf("leakscan: --data-safety %s: %d answer%s to questions leakscan does not know, kept in the report"
                            + " (first: line %d, %s)%n", declaration.file(), declaration.unknown().size(),
                    declaration.unknown().size() == 1 ? "" : "s", first.line(), first.question());
        }
        return new DataSafetyCheck(catalogs.dataTypes(), policy == null ? Policy.FirstParty.NONE : policy.firstParty())
                .apply(report, declaration);
    }
}
