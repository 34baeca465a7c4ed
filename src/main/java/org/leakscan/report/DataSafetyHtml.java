package org.leakscan.report;

import java.util.ArrayList;
import java.util.List;
import org.leakscan.analysis.findings.DataSafety;

/**
 * The HTML section for a checked Data safety declaration: per Play data type, what the
 * declaration says beside what the code shows, then the differences with their evidence, the
 * answers leakscan did not know, and what limits the comparison.
 */
final class DataSafetyHtml {

    private DataSafetyHtml() {
    }

    static void write(HtmlMarkup h, String appId, int appIndex, DataSafety d) {
        h.open("section", "id", appId + "-datasafety").newline();
        long differences = d.findings().stream().filter(f -> !DataSafety.NO_EVIDENCE.equals(f.kind())).count();
        h.open("h3").text("Data safety declaration against the code (" + differences + " difference"
                + (differences == 1 ? "" : "s") + ")").close("h3").newline();
        h.open("p", "class", "meta").text("Declaration ").element("code", d.declaration())
                .text(" · collects or shares data: " + yesNo(d.collectsData()) + " · encrypted in transit: "
                        + yesNo(d.encryptedInTransit()) + ", found: " + (d.dataTypes().stream()
                        .anyMatch(r -> r.found().cleartext()) ? "cleartext flows" : "no cleartext flow"))
                .close("p").newline();
        if (d.dataTypes().isEmpty()) {
            h.element("p", "The declaration declares no data type, and the code shows none leaving the device.", "class", "empty");
        } else {
            h.open("table", "class", "filterable datasafety", "data-app", Integer.toString(appIndex)).open("thead").open("tr");
            for (String heading : List.of("Data type", "Category", "Declared", "Found in the code", "Third parties")) {
                h.element("th", heading);
            }
            h.close("tr").close("thead").open("tbody").newline();
            for (DataSafety.DataTypeRow r : d.dataTypes()) {
                boolean differs = differs(r);
                h.open("tr").open("td").open("strong").text(r.name()).close("strong")
                        .raw("<br>").element("span", r.id(), "class", "muted mono").close("td");
                h.element("td", r.category());
                h.element("td", r.declared() == null ? "not declared" : usage(r.declared().collected(), r.declared().shared()),
                        "class", differs ? "bad" : null);
                h.open("td").text(found(r.found()));
                if (!r.found().dataTypes().isEmpty()) {
                    h.raw("<br>").element("code", String.join(", ", r.found().dataTypes()));
                }
                h.close("td");
                h.open("td");
                for (DataSafety.Receiver x : r.found().sharedWith()) {
                    h.text(receiver(x)).raw("<br>");
                }
                h.close("td").close("tr").newline();
            }
            h.close("tbody").close("table").newline();
        }
        if (!d.findings().isEmpty()) {
            h.open("ul", "class", "datasafety-findings").newline();
            for (DataSafety.Finding f : d.findings()) {
                boolean info = DataSafety.NO_EVIDENCE.equals(f.kind());
                h.open("li").element("span", f.kind(), "class", "badge " + (info ? "muted" : "bad")).text(" " + f.message());
                if (!f.flows().isEmpty()) {
                    h.open("details").element("summary", f.flowCount() + " flow" + (f.flowCount() == 1 ? "" : "s")
                            + (f.flowCount() > f.flows().size() ? ", the first " + f.flows().size() : "")).open("ul");
                    for (var flow : f.flows()) {
                        h.open("li").element("code", flow.dataType()).text(": ").element("code", String.join(" → ", flow.path()));
                        if (!flow.destinations().isEmpty() && flow.destinations().get(0).url() != null) {
                            h.text(" to ").element("code", flow.destinations().get(0).url());
                        }
                        h.close("li");
                    }
                    h.close("ul").close("details");
                }
                h.close("li").newline();
            }
            h.close("ul").newline();
        }
        if (!d.unknownQuestions().isEmpty()) {
            h.open("details").element("summary", d.unknownQuestions().size() + " answer"
                    + (d.unknownQuestions().size() == 1 ? "" : "s") + " to questions leakscan does not know").open("ul");
            for (DataSafety.Answer a : d.unknownQuestions()) {
                h.open("li").text("line " + a.line() + ": ").element("code", a.question()
                        + (a.response().isEmpty() ? "" : " / " + a.response())).text(" = " + a.value()).close("li");
            }
            h.close("ul").close("details").newline();
        }
        List<String> notes = new ArrayList<>(d.notes());
        notes.add("Static analysis shows what the code can do, not what it cannot: a declared type without evidence is"
                + " information only.");
        h.open("p", "class", "muted").text(String.join(". ", notes.stream().map(DataSafetyHtml::capital).toList()) + ".")
                .close("p").newline();
        h.close("section").newline();
    }

    /** True when the declaration leaves out what the code shows (collection or sharing). */
    static boolean differs(DataSafety.DataTypeRow r) {
        DataSafety.Declared d = r.declared();
        return r.found().collected() && (d == null || !d.collected()) || r.found().shared() && (d == null || !d.shared());
    }

    private static String found(DataSafety.Found f) {
        if (f.collected()) {
            return usage(true, f.shared()) + " (" + f.flows() + " flow" + (f.flows() == 1 ? "" : "s")
                    + (f.cleartext() ? ", some in cleartext" : "") + ")";
        }
        return f.callSites() > 0 ? "read (" + f.callSites() + " call site" + (f.callSites() == 1 ? "" : "s")
                + "), no flow leaving the device" : "no evidence";
    }

    private static String usage(boolean collected, boolean shared) {
        return collected && shared ? "collected, shared" : collected ? "collected" : shared ? "shared" : "neither";
    }

    private static String receiver(DataSafety.Receiver r) {
        StringBuilder s = new StringBuilder();
        if (r.library() != null && "sdk".equals(r.basis())) {
            s.append(r.sdk() != null ? r.sdk() : r.library()).append(" → ");
        }
        s.append(r.host() == null ? "destination not recovered" : r.host());
        if (r.owner() != null && r.owner().name() != null) {
            s.append(" (").append(r.owner().name());
            if (r.owner().country() != null && !r.owner().country().equals("unknown")) {
                s.append(", ").append(r.owner().country());
            }
            s.append(')');
        } else if (r.host() != null) {
            s.append(" (owner unknown)");
        }
        return s.toString();
    }

    private static String yesNo(Boolean b) {
        return b == null ? "not answered" : b ? "yes" : "no";
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1).replaceAll("\\.$", "");
    }
}
