package org.leakscan.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.leakscan.analysis.findings.Flow;
import org.leakscan.analysis.findings.Owner;
import org.leakscan.analysis.findings.Summary.CountryHost;
import org.leakscan.analysis.findings.Summary.CountrySummary;

/**
 * The answer by country: which data can leave to each country, to which hosts, owned by whom, by
 * whose code. Countries in code order, {@code unknown} last; hosts on the device or a local
 * network ({@code party: none}) leave for no country and are not listed.
 */
final class CountrySummaries {

    private CountrySummaries() {
    }

    static List<CountrySummary> of(List<Flow> flows) {
        Map<String, Map<String, Host>> byCountry = new TreeMap<>((a, b) -> a.equals(b) ? 0
                : a.equals(Owner.UNKNOWN) ? 1 : b.equals(Owner.UNKNOWN) ? -1 : a.compareTo(b));
        for (Flow f : flows) {
            for (Flow.Destination d : f.destinations()) {
                Owner o = d.owner();
                if (d.host() == null || o == null || "none".equals(o.party())) {
                    continue;
                }
                String country = o.country() == null ? Owner.UNKNOWN : o.country();
                Host h = byCountry.computeIfAbsent(country, k -> new TreeMap<>())
                        .computeIfAbsent(d.host(), k -> new Host(o));
                h.dataTypes.add(f.dataType());
                h.sentBy.add(f.library() == null ? SummaryPass.APP : f.library());
            }
        }
        List<CountrySummary> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Host>> c : byCountry.entrySet()) {
            TreeSet<String> types = new TreeSet<>();
            List<CountryHost> hosts = new ArrayList<>();
            for (Map.Entry<String, Host> h : c.getValue().entrySet()) {
                types.addAll(h.getValue().dataTypes);
                hosts.add(new CountryHost(h.getKey(), h.getValue().owner, List.copyOf(h.getValue().dataTypes),
                        List.copyOf(h.getValue().sentBy)));
            }
            out.add(new CountrySummary(c.getKey(), List.copyOf(types), hosts));
        }
        return out;
    }

    private static final class Host {
        final Owner owner;
        final TreeSet<String> dataTypes = new TreeSet<>();
        final TreeSet<String> sentBy = new TreeSet<>();

        Host(Owner owner) {
            this.owner = owner;
        }
    }
}
