package org.leakscan.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.leakscan.analysis.findings.Flow;

/**
 * Flows per data type, split by sink kind, as a horizontal stacked bar chart in inline SVG: one
 * bar per data type (the matrix's rows, in its order), one coloured segment per sink kind. The
 * colours are CSS classes ({@code k-network}...), so the legend and the bars share them; each
 * segment has a {@code <title>} for its numbers.
 */
final class SinkKindChart {

    /** Sink kinds with their own colour; others are drawn as {@code k-other}. */
    private static final List<String> COLOURED = List.of("network", "sms", "log", "file", "ipc", "clipboard",
            "bluetooth", "nearby");

    private static final int LABEL_WIDTH = 230;
    private static final int BAR_WIDTH = 520;
    private static final int ROW_HEIGHT = 22;

    private SinkKindChart() {
    }

    static void write(HtmlMarkup h, FlowMatrix matrix, List<Flow> flows) {
        List<FlowMatrix.Row> rows = matrix.rows();
        List<Map<String, Integer>> perRow = new ArrayList<>();
        TreeSet<String> kinds = new TreeSet<>((a, b) -> Integer.compare(rank(a), rank(b)) != 0
                ? Integer.compare(rank(a), rank(b)) : a.compareTo(b));
        for (int r = 0; r < rows.size(); r++) {
            perRow.add(new LinkedHashMap<>());
        }
        for (int i = 0; i < flows.size(); i++) {
            if (matrix.rowOf(i) < 0) {
                continue;
            }
            String kind = flows.get(i).sink().kind();
            perRow.get(matrix.rowOf(i)).merge(kind, 1, Integer::sum);
            kinds.add(kind);
        }
        int max = 1;
        for (FlowMatrix.Row row : rows) {
            max = Math.max(max, row.flows());
        }
        int height = rows.size() * ROW_HEIGHT + 24;
        int width = LABEL_WIDTH + BAR_WIDTH + 60;
        h.open("figure", "class", "chart-figure");
        h.open("svg", "class", "chart", "xmlns", "http://www.w3.org/2000/svg", "role", "img",
                "viewBox", "0 0 " + width + " " + height, "width", Integer.toString(width),
                "height", Integer.toString(height), "aria-label", "Flows per data type, by sink kind");
        for (int r = 0; r < rows.size(); r++) {
            FlowMatrix.Row row = rows.get(r);
            int y = r * ROW_HEIGHT + 4;
            h.open("text", "x", Integer.toString(LABEL_WIDTH - 8), "y", Integer.toString(y + 14),
                    "text-anchor", "end").text(truncate(row.name(), 34)).close("text");
            double x = LABEL_WIDTH;
            for (String kind : kinds) {
                Integer n = perRow.get(r).get(kind);
                if (n == null) {
                    continue;
                }
                double w = (double) n * BAR_WIDTH / max;
                h.open("rect", "class", "k-" + colour(kind), "x", fmt(x), "y", Integer.toString(y),
                        "width", fmt(w), "height", Integer.toString(ROW_HEIGHT - 6));
                h.element("title", row.name() + " → " + kind + ": " + n + " flow" + (n == 1 ? "" : "s"));
                h.close("rect");
                x += w;
            }
            h.open("text", "x", fmt(x + 6), "y", Integer.toString(y + 14)).number(row.flows()).close("text");
        }
        int axisY = rows.size() * ROW_HEIGHT + 4;
        h.open("line", "x1", Integer.toString(LABEL_WIDTH), "y1", "0", "x2", Integer.toString(LABEL_WIDTH),
                "y2", Integer.toString(axisY), "stroke", "#5f6b76").close("line");
        h.open("text", "x", Integer.toString(LABEL_WIDTH), "y", Integer.toString(axisY + 16)).text("0").close("text");
        h.open("text", "x", Integer.toString(LABEL_WIDTH + BAR_WIDTH), "y", Integer.toString(axisY + 16),
                "text-anchor", "end").text(max + " flows").close("text");
        h.close("svg");
        h.open("figcaption", "class", "legend");
        for (String kind : kinds) {
            h.open("span").open("span", "class", "swatch k-" + colour(kind)).close("span").text(kind).close("span");
        }
        h.close("figcaption");
        h.close("figure").newline();
    }

    private static int rank(String kind) {
        int i = COLOURED.indexOf(kind);
        return i < 0 ? COLOURED.size() : i;
    }

    private static String colour(String kind) {
        return COLOURED.contains(kind) ? kind : "other";
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
