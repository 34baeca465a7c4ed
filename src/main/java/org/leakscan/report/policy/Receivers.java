package org.leakscan.report.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.analysis.findings.DataSafety;
import org.leakscan.analysis.findings.Flow;
import org.leakscan.analysis.findings.Owner;
import org.leakscan.analysis.findings.TrackerFinding;

/**
 * Who receives the data of a flow, and which receivers are third parties: the one place that
 * decides it, for policies ({@code "to": "third-party"}) and for the Data safety check (shared).
 *
 * <p>A destination host is first party when it lies in one of the app maker's domains (the
 * policy's {@code firstParty.domains}, and the domain the package names: {@code com.example.app}
 * → {@code example.com}) or its owner is one of {@code firstParty.entities}. Any other host is a
 * third party: by its owner when the entities catalogue knows it, else because nothing says it is
 * the app's own ({@code unknown-owner}). The sending code is a third party when it is a library's
 * (the flow's {@code library}), unless every destination the flow names is first party (a library
 * that carries data to the app's own host receives nothing itself). A flow whose destinations are
 * not known and whose code is the app's own has no third party: nothing says where it goes.
 *
 * <p>The decision reads the destination's {@code party} (the host classifier's verdict, #12) first,
 * then the policy's own domains and entities, and the sending library.
 */
public final class Receivers {

    /** A third party reached because a library's code sends the data. */
    public static final String SDK = "sdk";
    /** A third party reached because the host belongs to another company. */
    public static final String OWNER = "owner";
    /** A host nobody is known to own that is not the app's own. */
    public static final String UNKNOWN_OWNER = "unknown-owner";

    private final List<String> ownDomains = new ArrayList<>();
    private final List<String> ownEntities;
    private final List<TrackerFinding> trackers;

    /**
     * @param firstParty the app maker's own domains and entities (a policy's; {@link Policy.FirstParty#NONE} for none)
     * @param app        the app: its package names a domain, its trackers name the SDKs
     */
    public Receivers(Policy.FirstParty firstParty, AppFindings app) {
        ownDomains.addAll(firstParty.domains());
        String pkg = app.app() == null || app.app().packageName() == null ? "" : app.app().packageName();
        String[] labels = pkg.split("\\.");
        if (labels.length >= 2) {
            // com.example.weatherbuddy publishes from example.com: the reverse-domain convention.
            ownDomains.add((labels[1] + "." + labels[0]).toLowerCase(Locale.ROOT));
        }
        ownEntities = firstParty.entities();
        trackers = app.trackers();
    }

    /**
     * The third parties a flow can reach, the sending SDK first, then each destination host that
     * is not the app's own, in the flow's order; empty when none.
     */
    public List<DataSafety.Receiver> thirdParties(Flow flow) {
        List<DataSafety.Receiver> out = new ArrayList<>();
        List<Flow.Destination> hosts = flow.destinations().stream()
                .filter(d -> d.host() != null && !d.host().isEmpty()).toList();
        String library = flow.library();
        if (library != null && !library.isEmpty()
                && (hosts.isEmpty() || !hosts.stream().allMatch(d -> isFirstParty(d.host(), d.owner())))) {
            TrackerFinding sdk = trackers.stream().filter(t -> library.equals(t.id())).findFirst().orElse(null);
            Flow.Destination to = hosts.stream().filter(d -> !isFirstParty(d.host(), d.owner())).findFirst().orElse(null);
            out.add(new DataSafety.Receiver(library, sdk == null ? null : sdk.name(), to == null ? null : to.host(),
                    to == null ? sdkOwner(sdk) : to.owner(), SDK));
        }
        for (Flow.Destination d : hosts) {
            if (!isFirstParty(d.host(), d.owner()) && out.stream().noneMatch(r -> d.host().equals(r.host()))) {
                boolean known = d.owner() != null && d.owner().isKnown();
                out.add(new DataSafety.Receiver(null, null, d.host(), d.owner(), known ? OWNER : UNKNOWN_OWNER));
            }
        }
        return out;
    }

    /**
     * True when the host is the app maker's own: the classifier says so ({@code party: first}), or it
     * is one of the policy's domains, or owned by one of its entities.
     */
    public boolean isFirstParty(String host, Owner owner) {
        String h = host.toLowerCase(Locale.ROOT);
        if (owner != null && "first".equals(owner.party())) {
            return true;
        }
        if (owner != null && owner.entity() != null && ownEntities.contains(owner.entity())) {
            return true;
        }
        return ownDomains.stream().anyMatch(o -> h.equals(o) || h.endsWith("." + o));
    }

    /** One phrase: who the receiver is and why it is a third party, for messages. */
    public static String describe(DataSafety.Receiver r) {
        if (SDK.equals(r.basis())) {
            return "the sending code is the library " + r.library();
        }
        Owner o = r.owner();
        String name = o == null || o.name() == null ? "" : o.name();
        String entity = o == null || o.entity() == null ? "" : o.entity();
        return r.host() + (name.isEmpty() ? (entity.isEmpty() || entity.equals(Owner.UNKNOWN) ? " (owner unknown)"
                : " (owned by " + entity + ")") : " (owned by " + name + ")") + " is not the app's own";
    }

    private static Owner sdkOwner(TrackerFinding sdk) {
        if (sdk == null) {
            return null;
        }
        return new Owner(sdk.entity() == null ? Owner.UNKNOWN : sdk.entity(), sdk.company(),
                sdk.country() == null ? Owner.UNKNOWN : sdk.country());
    }
}
