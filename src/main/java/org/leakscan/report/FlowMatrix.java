package org.leakscan.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.analysis.findings.Flow;
import org.leakscan.analysis.findings.Owner;
import org.leakscan.analysis.findings.Summary;

/**
 * The answer of an app's report as a table: one row per data type that can leave, one column per
 * place it can go (a host, "destination not recovered" for network sinks whose host is not a
 * constant, or a sink kind without a host: log, SMS, file, other apps...), and in each cell the
 * number of flows. Also remembers, for each flow, its row and columns, so the HTML can link a
 * cell to its flows.
 */
final class FlowMatrix {

    /** Column kinds. */
    enum ColumnKind { HOST, UNRESOLVED, SINK }

    /**
     * A place data can go.
     *
     * @param host     the host (HOST), else null
     * @param sinkKind the sink kind (UNRESOLVED, SINK); for HOST the first sink kind seen
     * @param owner    the host's owner when the flow's destination names one, else null
     * @param dataTypes data types that reach it (ids, in row order)
     * @param sentBy   whose code sends there ({@code app} or a library)
     * @param flows    how many flows reach it
     */
    record Column(ColumnKind kind, String host, String sinkKind, Owner owner, Set<String> dataTypes,
                  Set<String> sentBy, int flows) {
    }

    /**
     * A data type that can leave.
     *
     * @param id     data type id
     * @param name   its name, or the id when the summary does not name it
     * @param sentBy whose code sends it ({@code app} or a library)
     * @param flows  how many flows carry it
     */
    record Row(String id, String name, String category, Set<String> sentBy, int flows) {
    }

    /** Sink kinds without a host, in the order the report shows them. */
    private static final List<String> SINK_ORDER = List.of("network", "sms", "log", "file", "ipc", "clipboard",
            "bluetooth", "nearby");

    static final String APP = "app";

    private final List<Row> rows;
    private final List<Column> columns;
    private final int[][] counts;
    private final int[] flowRow;
    private final int[][] flowColumns;

    private FlowMatrix(List<Row> rows, List<Column> columns, int[][] counts, int[] flowRow, int[][] flowColumns) {
        this.rows = rows;
        this.columns = columns;
        this.counts = counts;
        this.flowRow = flowRow;
        this.flowColumns = flowColumns;
    }

    List<Row> rows() {
        return rows;
    }

    List<Column> columns() {
        return columns;
    }

    /** Flows of row {@code r} reaching column {@code c}. */
    int count(int r, int c) {
        return counts[r][c];
    }

    /** The row of flow {@code i} (in the app's flow order); -1 for an implicit flow, which has none. */
    int rowOf(int flow) {
        return flowRow[flow];
    }

    /** The columns flow {@code i} reaches. */
    int[] columnsOf(int flow) {
        return flowColumns[flow];
    }

    static FlowMatrix of(AppFindings app) {
        List<Flow> flows = app.flows();
        Map<String, Summary.DataTypeSummary> named = new LinkedHashMap<>();
        if (app.summary() != null) {
            for (Summary.DataTypeSummary s : app.summary().dataTypes()) {
                named.put(s.id(), s);
            }
        }
        // Rows: the summary's order (Play's Data safety form), then any other type by id.
        List<String> rowIds = new ArrayList<>();
        Set<String> inFlows = new TreeSet<>();
        for (Flow f : flows) {
            if (!f.isImplicit()) {
                inFlows.add(f.dataType());
            }
        }
        for (String id : named.keySet()) {
            if (inFlows.remove(id)) {
                rowIds.add(id);
            }
        }
        rowIds.addAll(inFlows);

        // Columns: keyed by what a flow reaches.
        Map<String, ColumnBuilder> byKey = new LinkedHashMap<>();
        List<List<String>> keysPerFlow = new ArrayList<>();
        for (Flow f : flows) {
            Set<String> keys = new LinkedHashSet<>();
            if (f.isImplicit()) {
                // Only a test of the data reaches the sink: listed with the flows, not an answer to
                // "which data goes where".
                keysPerFlow.add(List.of());
                continue;
            }
            String kind = f.sink().kind();
            for (Flow.Destination d : f.destinations()) {
                ColumnBuilder col;
                if (d.isUnresolved()) {
                    col = byKey.computeIfAbsent("?" + kind, k -> new ColumnBuilder(ColumnKind.UNRESOLVED, null, kind));
                } else if (d.host() != null) {
                    col = byKey.computeIfAbsent("h" + d.host(), k -> new ColumnBuilder(ColumnKind.HOST, d.host(), kind));
                    if (col.owner == null || !col.owner.isKnown()) {
                        col.owner = d.owner();
                    }
                } else {
                    continue; // a target (number, action, file) is shown with the flow; the column is its kind
                }
                keys.add(col.key());
            }
            if (keys.isEmpty()) {
                ColumnKind ck = kind.equals("network") ? ColumnKind.UNRESOLVED : ColumnKind.SINK;
                ColumnBuilder col = byKey.computeIfAbsent((ck == ColumnKind.UNRESOLVED ? "?" : "k") + kind,
                        k -> new ColumnBuilder(ck, null, kind));
                keys.add(col.key());
            }
            for (String key : keys) {
                ColumnBuilder col = byKey.get(key);
                col.dataTypes.add(f.dataType());
                col.sentBy.add(f.library() == null ? APP : f.library());
                col.flows++;
            }
            keysPerFlow.add(List.copyOf(keys));
        }
        List<ColumnBuilder> ordered = new ArrayList<>(byKey.values());
        ordered.sort(Comparator.comparingInt((ColumnBuilder c) -> c.kind.ordinal())
                .thenComparing(c -> c.owner != null && c.owner.isKnown() ? 0 : 1)
                .thenComparing(c -> c.owner != null && c.owner.name() != null ? c.owner.name() : "")
                .thenComparing(c -> c.host == null ? "" : c.host)
                .thenComparingInt(c -> sinkRank(c.sinkKind))
                .thenComparing(c -> c.sinkKind));
        Map<String, Integer> columnIndex = new LinkedHashMap<>();
        for (ColumnBuilder c : ordered) {
            columnIndex.put(c.key(), columnIndex.size());
        }
        Map<String, Integer> rowIndex = new LinkedHashMap<>();
        for (String id : rowIds) {
            rowIndex.put(id, rowIndex.size());
        }

        int[][] counts = new int[rowIds.size()][ordered.size()];
        int[] flowRow = new int[flows.size()];
        int[][] flowColumns = new int[flows.size()][];
        List<Set<String>> rowSenders = new ArrayList<>();
        int[] rowFlows = new int[rowIds.size()];
        for (int r = 0; r < rowIds.size(); r++) {
            rowSenders.add(new TreeSet<>());
        }
        for (int i = 0; i < flows.size(); i++) {
            Flow f = flows.get(i);
            if (f.isImplicit()) {
                flowRow[i] = -1;
                flowColumns[i] = new int[0];
                continue;
            }
            int r = rowIndex.get(f.dataType());
            flowRow[i] = r;
            rowFlows[r]++;
            rowSenders.get(r).add(f.library() == null ? APP : f.library());
            List<String> keys = keysPerFlow.get(i);
            flowColumns[i] = new int[keys.size()];
            for (int k = 0; k < keys.size(); k++) {
                int c = columnIndex.get(keys.get(k));
                flowColumns[i][k] = c;
                counts[r][c]++;
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < rowIds.size(); r++) {
            String id = rowIds.get(r);
            Summary.DataTypeSummary s = named.get(id);
            rows.add(new Row(id, s == null || s.name() == null ? id : s.name(), s == null ? null : s.category(),
                    rowSenders.get(r), rowFlows[r]));
        }
        List<Column> columns = new ArrayList<>();
        for (ColumnBuilder c : ordered) {
            List<String> types = new ArrayList<>(rowIds);
            types.retainAll(c.dataTypes);
            columns.add(new Column(c.kind, c.host, c.sinkKind, c.owner, new LinkedHashSet<>(types), c.sentBy, c.flows));
        }
        return new FlowMatrix(List.copyOf(rows), List.copyOf(columns), counts, flowRow, flowColumns);
    }

    private static int sinkRank(String kind) {
        int i = SINK_ORDER.indexOf(kind);
        return i < 0 ? SINK_ORDER.size() : i;
    }

    /** A column being filled. */
    private static final class ColumnBuilder {
        final ColumnKind kind;
        final String host;
        final String sinkKind;
        Owner owner;
        final Set<String> dataTypes = new TreeSet<>();
        final Set<String> sentBy = new TreeSet<>();
        int flows;

        ColumnBuilder(ColumnKind kind, String host, String sinkKind) {
            this.kind = kind;
            this.host = host;
            this.sinkKind = sinkKind;
        }

        String key() {
            return switch (kind) {
                case HOST -> "h" + host;
                case UNRESOLVED -> "?" + sinkKind;
                case SINK -> "k" + sinkKind;
            };
        }
    }
}
