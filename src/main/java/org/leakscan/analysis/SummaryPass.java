package org.leakscan.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.leakscan.analysis.findings.DataAccess;
import org.leakscan.analysis.findings.Flow;
import org.leakscan.analysis.findings.Summary;
import org.leakscan.analysis.findings.Summary.DestinationSummary;
import org.leakscan.catalog.DataCategory;
import org.leakscan.catalog.DataType;
import org.leakscan.catalog.DataTypeCatalog;

/**
 * The answer a reader wants first: which data types the app's code reads (in the order of Play's
 * Data safety form, with call sites and whose code), and per data type the sink kinds and
 * destinations (host, owner, country) its flows reach; then the destinations, each with the data
 * types sent there: the data type × destination matrix.
 */
public final class SummaryPass implements Pass {

    public static final PassInfo INFO = PassInfo.of("summary",
            "data types read and where they can go, by whose code", DataAccessPass.INFO.id(), DestinationPass.INFO.id())
            .andAfterIfPresent(DataFlowPass.INFO.id());

    /** How the summary names the app's own code. */
    public static final String APP = "app";

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public void run(AnalysisContext context) {
        DataTypeCatalog types = context.catalogs().dataTypes();
        Map<String, Integer> sites = new TreeMap<>();
        Map<String, TreeSet<String>> readers = new TreeMap<>();
        for (DataAccess d : context.dataAccess()) {
            sites.merge(d.dataType(), d.callSites().size(), Integer::sum);
            readers.computeIfAbsent(d.dataType(), k -> new TreeSet<>()).add(d.library() == null ? APP : d.library());
        }
        Map<String, TreeSet<String>> sinks = new TreeMap<>();
        Map<String, Map<String, DestinationSummary>> perType = new TreeMap<>();
        Map<String, Destination> destinations = new TreeMap<>();
        List<Flow> explicit = context.flows().stream().filter(f -> !f.isImplicit()).toList();
        for (Flow f : explicit) {
            sites.putIfAbsent(f.dataType(), 0);
            sinks.computeIfAbsent(f.dataType(), k -> new TreeSet<>()).add(f.sink().kind());
            for (Flow.Destination d : f.destinations()) {
                if (d.target() != null) {
                    continue; // numbers, actions and files are shown with the flow, not as destinations
                }
                DestinationSummary one = d.isUnresolved()
                        ? new DestinationSummary(null, null, null, null, Boolean.TRUE, null, null)
                        : new DestinationSummary(d.host(), d.owner().entity(), d.owner().name(), d.owner().country(),
                                null, null, null);
                String key = d.isUnresolved() ? "\uffff" : d.host();
                perType.computeIfAbsent(f.dataType(), k -> new TreeMap<>()).put(key, one);
                Destination all = destinations.computeIfAbsent(key, k -> new Destination(one));
                all.dataTypes.add(f.dataType());
                all.sentBy.add(f.library() == null ? APP : f.library());
            }
        }
        List<Summary.DataTypeSummary> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : sites.entrySet()) {
            DataType t = types.dataType(e.getKey()).orElse(null);
            out.add(new Summary.DataTypeSummary(e.getKey(), t == null ? e.getKey() : t.name(),
                    t == null ? null : t.category().name(), e.getValue(),
                    List.copyOf(readers.getOrDefault(e.getKey(), new TreeSet<>())),
                    List.copyOf(sinks.getOrDefault(e.getKey(), new TreeSet<>())),
                    List.copyOf(perType.getOrDefault(e.getKey(), Map.of()).values())));
        }
        List<String> order = DataTypeCatalog.CATEGORY_IDS;
        out.sort(Comparator.comparing((Summary.DataTypeSummary s) -> categoryRank(types, s.id(), order))
                .thenComparing(Summary.DataTypeSummary::id));
        List<DestinationSummary> all = new ArrayList<>();
        for (Destination d : destinations.values()) {
            all.add(new DestinationSummary(d.first.host(), d.first.entity(), d.first.name(), d.first.country(),
                    d.first.unresolved(), List.copyOf(d.dataTypes), List.copyOf(d.sentBy)));
        }
        context.setSummary(new Summary(out, all, CountrySummaries.of(explicit)));
    }

    /** A destination being summed up. */
    private static final class Destination {
        final DestinationSummary first;
        final TreeSet<String> dataTypes = new TreeSet<>();
        final TreeSet<String> sentBy = new TreeSet<>();

        Destination(DestinationSummary first) {
            this.first = first;
        }
    }

    private static int categoryRank(DataTypeCatalog types, String dataType, List<String> order) {
        int i = types.categoryOf(dataType).map(DataCategory::id).map(order::indexOf).orElse(-1);
        return i < 0 ? order.size() : i;
    }
}
