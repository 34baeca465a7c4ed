package org.leakscan.report.datasafety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.analysis.findings.DataSafety;
import org.leakscan.analysis.findings.Flow;
import org.leakscan.analysis.findings.Owner;
import org.leakscan.analysis.findings.Unanalysed;
import org.leakscan.catalog.DataTypeCatalog;
import org.leakscan.report.Report;
import org.leakscan.report.policy.Policy;
import org.leakscan.report.policy.Receivers;
import org.leakscan.report.rules.IssueFinder;

/**
 * Reads an app's findings against its Data safety declaration: per Play data type, what is
 * declared next to what the code shows ({@link CodeEvidence}), and the differences: undeclared
 * collection, undeclared sharing (one per third party), cleartext despite declared encryption
 * (one per host), and, as information only, declared types the code shows no evidence of.
 */
public final class DataSafetyCheck {

    /** Flows kept as evidence in one finding; the count says how many there are in all. */
    static final int EVIDENCE_FLOWS = 5;

    private final DataTypeCatalog dataTypes;
    private final Policy.FirstParty firstParty;

    /**
     * @param dataTypes  the taxonomy that maps leakscan's data types to Play's
     * @param firstParty the app maker's own domains and entities (a policy's), besides the domain its package names
     */
    public DataSafetyCheck(DataTypeCatalog dataTypes, Policy.FirstParty firstParty) {
        this.dataTypes = dataTypes;
        this.firstParty = firstParty;
    }

    /**
     * Every app of the report with the declaration checked against it; when the analysis met
     * errors, the check's notes say that flows, and so collection and sharing, may be missing.
     */
    public Report apply(Report report, Declaration declaration) {
        List<AppFindings> apps = new ArrayList<>();
        for (AppFindings app : report.apps()) {
            DataSafety checked = check(app, declaration);
            if (!report.errors().isEmpty()) {
                List<String> notes = new ArrayList<>(checked.notes());
                notes.add(errorsNote(report.errors().size()));
                checked = new DataSafety(checked.declaration(), checked.collectsData(), checked.encryptedInTransit(),
                        checked.dataTypes(), checked.findings(), checked.unknownQuestions(), notes);
            }
            apps.add(app.withDataSafety(checked));
        }
        return new Report(report.schema(), report.tool(), apps, report.errors());
    }

    /** The declaration read against one app. */
    public DataSafety check(AppFindings app, Declaration declaration) {
        CodeEvidence code = CodeEvidence.of(app, new Receivers(firstParty, app), dataTypes);
        List<DataSafety.DataTypeRow> rows = new ArrayList<>();
        List<DataSafety.Finding> findings = new ArrayList<>();
        List<Flow> cleartext = new ArrayList<>();
        for (PlayDataType type : PlayDataType.values()) {
            DataSafety.Declared declared = declaration.declared(type);
            CodeEvidence.TypeEvidence e = code.of(type);
            if (declared == null && e == null) {
                continue;
            }
            rows.add(new DataSafety.DataTypeRow(type.response(), type.label(), type.category(), declared, found(e)));
            boolean collected = e != null && e.collected();
            if (collected && (declared == null || !declared.collected())) {
                findings.add(finding(DataSafety.UNDECLARED_COLLECTION, type, named(type) + " can leave the device, and"
                        + " the declaration does not say it is collected: " + evidence(e.flows), null, e.flows));
            }
            if (collected && (declared == null || !declared.shared())) {
                for (Map.Entry<String, List<Flow>> r : e.thirdParties.entrySet()) {
                    DataSafety.Receiver receiver = e.receivers.get(r.getKey());
                    findings.add(finding(DataSafety.UNDECLARED_SHARING, type, named(type) + " can reach a third party,"
                            + " and the declaration does not say it is shared: " + who(receiver, r.getValue()) + "; "
                            + evidence(r.getValue()), receiver, r.getValue()));
                }
            }
            if (declared != null && !collected) {
                findings.add(finding(DataSafety.NO_EVIDENCE, type, noEvidence(type, declared, e), null, List.of()));
            }
            if (collected && Boolean.TRUE.equals(declaration.encryptedInTransit())) {
                cleartext.addAll(e.cleartext);
            }
        }
        findings.addAll(cleartext(cleartext));
        return new DataSafety(declaration.file(), declaration.collectsData(), declaration.encryptedInTransit(), rows,
                findings, declaration.unknown(), notes(app, declaration, code));
    }

    private static String noEvidence(PlayDataType type, DataSafety.Declared declared, CodeEvidence.TypeEvidence e) {
        String how = declared.collected() && declared.shared() ? "collected and shared" : declared.collected() ? "collected"
                : "shared";
        String reads = e == null || e.callSites == 0 ? " nor reads it through an API leakscan knows"
                : " (it reads it at " + e.callSites + " call site" + (e.callSites == 1 ? "" : "s") + ")";
        return "The declaration says " + named(type) + " is " + how + ", and the code shows no flow of it leaving the"
                + " device" + reads + ". Static analysis cannot prove absence: the data may come from user input, a"
                + " server or code the analysis cannot see.";
    }

    /** Encryption in transit is declared: one finding per host that flows reach in cleartext. */
    private List<DataSafety.Finding> cleartext(List<Flow> flows) {
        Map<String, List<Flow>> byHost = new LinkedHashMap<>();
        for (Flow f : flows) {
            byHost.computeIfAbsent(hostOf(f), k -> new ArrayList<>()).add(f);
        }
        List<DataSafety.Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<Flow>> c : byHost.entrySet()) {
            List<Flow> fs = c.getValue();
            Set<String> types = new LinkedHashSet<>();
            fs.forEach(f -> CodeEvidence.playType(dataTypes, f.dataType()).ifPresent(t -> types.add(t.label())));
            Owner owner = fs.get(0).destinations().stream().filter(d -> c.getKey().equals(d.host()))
                    .map(Flow.Destination::owner).findFirst().orElse(null);
            DataSafety.Receiver host = new DataSafety.Receiver(fs.get(0).library(), null, c.getKey(), owner, null);
            out.add(new DataSafety.Finding(DataSafety.CLEARTEXT, null, String.join(", ", types), null,
                    "The declaration says all user data is encrypted in transit, but " + String.join(", ", types)
                            + " can be sent in cleartext to " + CodeEvidence.cleartextUrl(fs.get(0))
                            + IssueFinder.ownerText(owner) + ": " + evidence(fs),
                    host, fs.subList(0, Math.min(EVIDENCE_FLOWS, fs.size())), fs.size()));
        }
        return out;
    }

    /** "2 flows, e.g. …." */
    private static String evidence(List<Flow> flows) {
        return flows.size() + " flow" + (flows.size() == 1 ? "" : "s") + ", e.g. " + CodeEvidence.example(flows.get(0)) + ".";
    }

    /** "Precise location (Location)"; "Contacts" where the type is its category. */
    private static String named(PlayDataType type) {
        return type.label().equals(type.category()) ? type.label() : type.label() + " (" + type.category() + ")";
    }

    private static DataSafety.Found found(CodeEvidence.TypeEvidence e) {
        if (e == null) {
            return new DataSafety.Found(List.of(), 0, 0, false, false, false, List.of());
        }
        return new DataSafety.Found(List.copyOf(e.dataTypes), e.callSites, e.flows.size(), e.collected(), e.shared(),
                !e.cleartext.isEmpty(), List.copyOf(e.receivers.values()));
    }

    private static DataSafety.Finding finding(String kind, PlayDataType type, String message, DataSafety.Receiver receiver,
                                              List<Flow> evidence) {
        return new DataSafety.Finding(kind, type.response(), type.label(), type.category(), message, receiver,
                evidence.subList(0, Math.min(EVIDENCE_FLOWS, evidence.size())), evidence.size());
    }

    /** Who receives it: "the SDK Adjust (com.adjust.sdk; Adjust, DE) sends it to app.adjust.com (Adjust, DE)". */
    static String who(DataSafety.Receiver r, List<Flow> flows) {
        Set<String> hosts = new LinkedHashSet<>();
        for (Flow f : flows) {
            for (Flow.Destination d : f.destinations()) {
                if (d.host() != null && !d.host().isEmpty()) {
                    String owner = IssueFinder.ownerText(d.owner());
                    hosts.add(d.host() + (owner.isEmpty() ? " (owner unknown)" : owner));
                }
            }
        }
        String to = hosts.isEmpty() ? "a destination the constants do not give" : String.join(", ", hosts);
        if (Receivers.SDK.equals(r.basis())) {
            String sdk = r.sdk() == null ? r.library() : r.sdk() + " (" + r.library() + ")";
            String by = r.owner() == null || r.owner().name() == null ? "" : ", by " + r.owner().name()
                    + (r.owner().country() == null || r.owner().country().equals(Owner.UNKNOWN) ? "" : " (" + r.owner().country() + ")")
                    + ",";
            return "the SDK " + sdk + by + " sends it to " + to;
        }
        return "the app's code sends it to " + to + (Receivers.OWNER.equals(r.basis()) ? ", owned by another company"
                : ", which nothing shows to be the app's own");
    }

    private static String hostOf(Flow f) {
        String url = CodeEvidence.cleartextUrl(f);
        for (Flow.Destination d : f.destinations()) {
            if (url.equals(d.url()) && d.host() != null) {
                return d.host();
            }
        }
        return url;
    }

    /** The note for an analysis that met errors. */
    static String errorsNote(int errors) {
        return "the analysis met " + errors + " error" + (errors == 1 ? "" : "s") + " (see errors): flows, and so"
                + " collection and sharing, may be missing";
    }

    private static List<String> notes(AppFindings app, Declaration declaration, CodeEvidence code) {
        List<String> notes = new ArrayList<>(declaration.notes());
        for (Unanalysed u : app.unanalysed()) {
            if (Unanalysed.NOT_RUN.equals(u.kind())) {
                notes.add("the data-flow analysis was not run (--no-flows): no collection or sharing can be shown");
            } else if ("analysis-limit".equals(u.kind())) {
                notes.add("the data-flow analysis stopped at a limit: flows, and so collection and sharing, may be missing");
            }
        }
        if (!code.unmapped().isEmpty()) {
            notes.add("data types with no Play data type: " + String.join(", ", code.unmapped()));
        }
        if (!declaration.unknown().isEmpty()) {
            notes.add(declaration.unknown().size() + " answer" + (declaration.unknown().size() == 1 ? "" : "s")
                    + " to questions leakscan does not know (kept in unknownQuestions)");
        }
        return notes;
    }
}
