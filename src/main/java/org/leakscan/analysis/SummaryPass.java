package org.leakscan.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.leakscan.analysis.findings.DataAccess;
import org.leakscan.analysis.findings.Summary;
import org.leakscan.catalog.DataCategory;
import org.leakscan.catalog.DataType;
import org.leakscan.catalog.DataTypeCatalog;

/**
 * The answer a reader wants first: which data types the app's code reads, in the order of Play's
 * Data safety form, with how many call sites and whose code ({@code app} for the app's own).
 */
public final class SummaryPass implements Pass {

    public static final PassInfo INFO = PassInfo.of("summary", "data types read, and by whose code",
            DataAccessPass.INFO.id());

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
        List<Summary.DataTypeSummary> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : sites.entrySet()) {
            DataType t = types.dataType(e.getKey()).orElse(null);
            out.add(new Summary.DataTypeSummary(e.getKey(), t == null ? e.getKey() : t.name(),
                    t == null ? null : t.category().name(), e.getValue(), List.copyOf(readers.get(e.getKey()))));
        }
        List<String> order = DataTypeCatalog.CATEGORY_IDS;
        out.sort(Comparator.comparing((Summary.DataTypeSummary s) -> categoryRank(types, s.id(), order))
                .thenComparing(Summary.DataTypeSummary::id));
        context.setSummary(new Summary(out, List.of()));
    }

    private static int categoryRank(DataTypeCatalog types, String dataType, List<String> order) {
        int i = types.categoryOf(dataType).map(DataCategory::id).map(order::indexOf).orElse(-1);
        return i < 0 ? order.size() : i;
    }
}
