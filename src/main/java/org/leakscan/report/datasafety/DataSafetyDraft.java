package org.leakscan.report.datasafety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.analysis.findings.AppInfo;
import org.leakscan.analysis.findings.DataSafety;
import org.leakscan.analysis.findings.Flow;
import org.leakscan.catalog.DataTypeCatalog;
import org.leakscan.report.policy.Policy;
import org.leakscan.report.policy.Receivers;
import org.leakscan.report.rules.IssueFinder;

/**
 * Drafts an app's Data safety declaration from what its code shows, as a CSV Play Console can
 * import (every row of the form, in the export's order) and a companion text that names the
 * evidence for each answer. The draft answers what static analysis can: whether data is
 * collected, which types, collected or shared, and encryption in transit. Purposes, ephemeral
 * processing, optional or required, accounts and deletion are left empty for the developer, and
 * so are the types the code shows no flow of (it cannot show they are not collected).
 */
public final class DataSafetyDraft {

    /** Flows named per answer in the companion text. */
    private static final int EXAMPLES = 3;

    private final DataTypeCatalog dataTypes;
    private final Policy.FirstParty firstParty;

    public DataSafetyDraft(DataTypeCatalog dataTypes, Policy.FirstParty firstParty) {
        this.dataTypes = dataTypes;
        this.firstParty = firstParty;
    }

    /**
     * A drafted declaration.
     *
     * @param csv      the CSV to import into Play Console
     * @param evidence the companion text (Markdown): the evidence for each answer
     * @param answers  the data types answered, in the form's order
     */
    public record Draft(String csv, String evidence, Map<PlayDataType, DataSafety.Declared> answers) {
    }

    public Draft draft(AppFindings app, String toolVersion) {
        return draft(app, toolVersion, 0);
    }

    /** A draft of an app whose analysis met {@code errors} errors (the evidence text says so). */
    public Draft draft(AppFindings app, String toolVersion, int errors) {
        CodeEvidence code = CodeEvidence.of(app, new Receivers(firstParty, app), dataTypes);
        Map<PlayDataType, DataSafety.Declared> answers = new LinkedHashMap<>();
        Set<Flow> cleartext = new LinkedHashSet<>();
        for (PlayDataType t : code.types()) {
            CodeEvidence.TypeEvidence e = code.of(t);
            if (e.collected()) {
                answers.put(t, new DataSafety.Declared(true, e.shared()));
                cleartext.addAll(e.cleartext);
            }
        }
        boolean collects = !answers.isEmpty();
        StringBuilder csv = new StringBuilder(CsvRecords.write(DataSafetyForm.HEADER));
        for (DataSafetyForm.Row row : DataSafetyForm.rows()) {
            String value = value(row, answers, collects, cleartext.isEmpty());
            csv.append(CsvRecords.write(List.of(row.question(), row.response(), value, row.requirement(), row.label())));
        }
        return new Draft(csv.toString(), evidence(app, toolVersion, code, answers, cleartext, errors), answers);
    }

    private static String value(DataSafetyForm.Row row, Map<PlayDataType, DataSafety.Declared> answers, boolean collects,
                                boolean encrypted) {
        if (row.question().equals(DataSafetyForm.COLLECTS)) {
            return Boolean.toString(collects);
        }
        if (row.question().equals(DataSafetyForm.ENCRYPTED)) {
            return collects ? Boolean.toString(encrypted) : "";
        }
        for (Map.Entry<PlayDataType, DataSafety.Declared> a : answers.entrySet()) {
            PlayDataType t = a.getKey();
            if (row.question().equals(t.question()) && row.response().equals(t.response())) {
                return "true";
            }
            if (row.question().equals(DataSafetyForm.usage(t, DataSafetyForm.COLLECTION_AND_SHARING))) {
                boolean yes = row.response().equals(DataSafetyForm.COLLECTED) ? a.getValue().collected() : a.getValue().shared();
                return yes ? "true" : "";
            }
        }
        return "";
    }

    private static String evidence(AppFindings app, String toolVersion, CodeEvidence code,
                                   Map<PlayDataType, DataSafety.Declared> answers, Set<Flow> cleartext, int errors) {
        AppInfo a = app.app() == null ? AppInfo.NONE : app.app();
        StringBuilder b = new StringBuilder();
        b.append("# Data safety draft: ").append(a.packageName() == null ? app.input().path() : a.packageName());
        if (a.versionName() != null) {
            b.append(' ').append(a.versionName());
        }
        if (a.versionCode() != null) {
            b.append(" (").append(a.versionCode()).append(')');
        }
        b.append("\n\nDrafted by leakscan ").append(toolVersion).append(" from `").append(app.input().path()).append('`');
        if (app.input().sha256() != null) {
            b.append(" (SHA-256 ").append(app.input().sha256()).append(')');
        }
        b.append(".\n\nThe CSV answers what the code shows: which data types can leave the device (collected),"
                + " which can reach a third party (shared), and whether any leaves in cleartext. Purposes, ephemeral"
                + " processing, optional or required, accounts and deletion are left for you to answer in Play Console."
                + " Types the code shows no flow of are left unanswered: static analysis cannot prove that an app does"
                + " not collect something (data typed by the user, fetched from a server, or handled by code the"
                + " analysis cannot see), so review every type before you submit.\n");
        List<String> notes = notes(app);
        if (errors > 0) {
            notes.add(Character.toUpperCase(DataSafetyCheck.errorsNote(errors).charAt(0))
                    + DataSafetyCheck.errorsNote(errors).substring(1) + ".");
        }
        for (String note : notes) {
            b.append("\n> ").append(note).append('\n');
        }
        b.append("\n## Does your app collect or share any of the required user data types? ")
                .append(answers.isEmpty() ? "No" : "Yes").append("\n\n");
        b.append(answers.isEmpty() ? "No flow of personal data leaves the device in what the analysis could see.\n"
                : answers.size() + " data type" + (answers.size() == 1 ? "" : "s") + " can leave the device (below).\n");
        if (!answers.isEmpty()) {
            b.append("\n## Is all of the user data collected by your app encrypted in transit? ")
                    .append(cleartext.isEmpty() ? "Yes" : "No").append("\n\n");
            if (cleartext.isEmpty()) {
                b.append("No flow goes to an http, ws or ftp URL. Flows whose destination the constants do not give"
                        + " are not counted either way.\n");
            }
            for (Flow f : first(new ArrayList<>(cleartext))) {
                b.append("- ").append(CodeEvidence.cleartextUrl(f)).append(": ").append(f.dataType()).append(", ")
                        .append(example(f)).append('\n');
            }
            more(b, cleartext.size());
        }
        for (Map.Entry<PlayDataType, DataSafety.Declared> answer : answers.entrySet()) {
            PlayDataType t = answer.getKey();
            CodeEvidence.TypeEvidence e = code.of(t);
            b.append("\n## ").append(t.category()).append(" / ").append(t.label()).append(": ")
                    .append(answer.getValue().shared() ? "Collected, Shared" : "Collected").append("\n\n");
            b.append("leakscan data types: ").append(String.join(", ", e.dataTypes)).append("; read at ")
                    .append(e.callSites).append(" call site").append(e.callSites == 1 ? "" : "s").append(".\n\n");
            b.append("Collected: ").append(e.flows.size()).append(e.flows.size() == 1 ? " flow leaves" : " flows leave")
                    .append(" the device.\n");
            for (Flow f : first(e.flows)) {
                b.append("- ").append(example(f)).append('\n');
            }
            more(b, e.flows.size());
            if (e.shared()) {
                b.append("\nShared:\n");
                for (Map.Entry<String, List<Flow>> r : e.thirdParties.entrySet()) {
                    b.append("- ").append(DataSafetyCheck.who(e.receivers.get(r.getKey()), r.getValue())).append(" (")
                            .append(r.getValue().size()).append(" flow").append(r.getValue().size() == 1 ? "" : "s")
                            .append("), e.g. ").append(example(r.getValue().get(0))).append('\n');
                }
            } else {
                b.append("\nNot shared: no flow of it reaches a library's code or a host that is not the app's own.\n");
            }
        }
        List<String> readOnly = new ArrayList<>();
        for (PlayDataType t : code.types()) {
            CodeEvidence.TypeEvidence e = code.of(t);
            if (!e.collected() && e.callSites > 0) {
                readOnly.add("- " + t.category() + " / " + t.label() + ": read at " + e.callSites + " call site"
                        + (e.callSites == 1 ? "" : "s") + " (" + String.join(", ", e.dataTypes) + ")");
            }
        }
        if (!readOnly.isEmpty()) {
            b.append("\n## Read by the code, no flow seen leaving the device (left unanswered)\n\n");
            b.append("If the app sends these in ways the analysis cannot follow, declare them.\n\n");
            readOnly.forEach(l -> b.append(l).append('\n'));
        }
        return b.toString();
    }

    private static List<String> notes(AppFindings app) {
        List<String> notes = new ArrayList<>();
        app.unanalysed().forEach(u -> {
            if (u.kind().equals("data-flow-not-run")) {
                notes.add("The data-flow analysis was not run (--no-flows): nothing can be shown to leave the device.");
            } else if (u.kind().equals("analysis-limit")) {
                notes.add("The data-flow analysis stopped at its time limit: some flows, and so some answers, may be missing.");
            }
        });
        return notes;
    }

    private static List<Flow> first(List<Flow> flows) {
        return flows.subList(0, Math.min(EXAMPLES, flows.size()));
    }

    private static void more(StringBuilder b, int n) {
        if (n > EXAMPLES) {
            b.append("- … and ").append(n - EXAMPLES).append(" more (all in the JSON report's `flows`)\n");
        }
    }

    /** One flow with its sink kind, sending library and path length. */
    private static String example(Flow f) {
        StringBuilder s = new StringBuilder(CodeEvidence.example(f));
        if (f.sink() != null && f.sink().kind() != null) {
            s.append(" [").append(f.sink().kind()).append(']');
        }
        if (f.library() != null) {
            s.append(", sent by ").append(f.library());
        }
        return s.append("; path: ").append(f.path().size()).append(" method").append(f.path().size() == 1 ? "" : "s").toString();
    }
}
