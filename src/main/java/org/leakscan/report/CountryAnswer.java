package org.leakscan.report;

import java.io.PrintWriter;
import java.util.List;
import org.leakscan.analysis.findings.Owner;
import org.leakscan.analysis.findings.Summary;

/**
 * "Data that can leave to each country" (country → data types → hosts → whose code), from
 * {@code summary.countries}, for the text and HTML reports. Each host says who owns it and on what
 * evidence ({@code owner.basis}), so a reader can weigh a ccTLD guess against a catalogue fact.
 */
final class CountryAnswer {

    private CountryAnswer() {
    }

    /** The owner and its evidence, e.g. {@code Oray, CN [catalogue; customer host]}. */
    static String owner(Owner o) {
        String label = o.label();
        StringBuilder s = new StringBuilder(label == null ? "owner unknown" : label);
        StringBuilder why = new StringBuilder();
        if (o.basis() != null) {
            why.append(o.basis());
        }
        if ("first".equals(o.party())) {
            why.append(why.length() > 0 ? "; " : "").append("first party");
        }
        if (Boolean.TRUE.equals(o.shared())) {
            why.append(why.length() > 0 ? "; " : "").append("a customer's host");
        }
        if (o.reason() != null) {
            why.append(why.length() > 0 ? "; " : "").append(o.reason());
        }
        if (why.length() > 0) {
            s.append(" [").append(why).append(']');
        }
        return s.toString();
    }

    /** The text report's section; nothing when no flow reaches a host. */
    static void writeText(PrintWriter out, Summary summary) {
        if (summary == null || summary.countries().isEmpty()) {
            return;
        }
        out.println("   Data that can leave, by country:");
        for (Summary.CountrySummary c : summary.countries()) {
            out.printf("     %s: %s%n", Owner.UNKNOWN.equals(c.country()) ? "country unknown" : c.country(),
                    String.join(", ", c.dataTypes()));
            for (Summary.CountryHost h : c.hosts()) {
                out.printf("       %s, %s: %s  by %s%n", h.host(), owner(h.owner()), String.join(", ", h.dataTypes()),
                        String.join(", ", h.sentBy()));
            }
        }
    }

    /** The HTML report's table (inside the answer section); nothing when no flow reaches a host. */
    static void writeHtml(HtmlMarkup h, Summary summary, int appIndex) {
        if (summary == null || summary.countries().isEmpty()) {
            return;
        }
        h.element("h3", "Data that can leave, by country (" + summary.countries().size() + ")");
        h.open("table", "class", "filterable", "data-app", Integer.toString(appIndex)).open("thead").open("tr")
                .element("th", "Country").element("th", "Data types").element("th", "Host")
                .element("th", "Owner and evidence").element("th", "Sent by").close("tr").close("thead").open("tbody");
        for (Summary.CountrySummary c : summary.countries()) {
            List<Summary.CountryHost> hosts = c.hosts();
            for (int i = 0; i < hosts.size(); i++) {
                Summary.CountryHost host = hosts.get(i);
                h.open("tr");
                h.element("td", Owner.UNKNOWN.equals(c.country()) ? "unknown" : c.country());
                h.element("td", String.join(", ", host.dataTypes()));
                h.open("td").element("code", host.host()).close("td");
                h.element("td", owner(host.owner()));
                h.element("td", String.join(", ", host.sentBy()));
                h.close("tr");
            }
        }
        h.close("tbody").close("table").newline();
    }
}
