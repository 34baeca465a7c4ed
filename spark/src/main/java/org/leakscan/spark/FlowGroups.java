package org.leakscan.spark;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.analysis.findings.Flow;
import org.leakscan.analysis.findings.Summary;
import org.leakscan.analysis.findings.TrackerFinding;

/**
 * The flows table's rows for one app: one per flow group, i.e. per (data type, sink kind, host,
 * owner, country, whose code, SDK), with how many flows are in it. A flow to several hosts is in
 * one group per host; a flow with no host (a log, a file, an SMS, or a request whose host is not
 * constant) is in a group without one. "Which apps send X to Y" is then one query over this table.
 */
final class FlowGroups {

    /** How rows name the app's own code, as the report's summary does. */
    static final String APP = "app";

    private FlowGroups() {
    }

    /** The key of a group; null parts are absent from the row. */
    private record Key(String dataType, String sinkKind, String host, String entity, String owner, String country,
                       Boolean unresolved, String sentBy, String sdk) {
    }

    /** The rows, in a stable order; empty without findings. */
    static List<JsonObject> rows(String input, String sha256, AppFindings f) {
        if (f == null) {
            return List.of();
        }
        Map<String, String> categories = new HashMap<>();
        if (f.summary() != null) {
            for (Summary.DataTypeSummary t : f.summary().dataTypes()) {
                if (t.category() != null) {
                    categories.put(t.id(), t.category());
                }
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Key> keys = new HashMap<>();
        for (Flow flow : f.flows()) {
            if (flow.isImplicit()) {
                continue; // a test of the data, not the data: not an answer to "what goes where"
            }
            String sentBy = flow.library() == null ? APP : flow.library();
            String sdk = sdkOf(flow.sink().className(), f.trackers());
            List<Key> groups = new ArrayList<>();
            for (Flow.Destination d : flow.destinations()) {
                if (d.isUnresolved()) {
                    groups.add(new Key(flow.dataType(), flow.sink().kind(), null, null, null, null, Boolean.TRUE,
                            sentBy, sdk));
                } else if (d.host() != null) {
                    groups.add(new Key(flow.dataType(), flow.sink().kind(), d.host(),
                            d.owner() == null ? null : d.owner().entity(), d.owner() == null ? null : d.owner().name(),
                            d.owner() == null ? null : d.owner().country(), null, sentBy, sdk));
                }
            }
            if (groups.isEmpty()) {
                groups.add(new Key(flow.dataType(), flow.sink().kind(), null, null, null, null, null, sentBy, sdk));
            }
            for (Key k : groups.stream().distinct().toList()) {
                String id = k.toString();
                keys.put(id, k);
                counts.merge(id, 1, Integer::sum);
            }
        }
        List<JsonObject> out = new ArrayList<>();
        counts.forEach((id, n) -> {
            Key k = keys.get(id);
            JsonObject o = new JsonObject();
            o.addProperty("input", input);
            o.addProperty("sha256", sha256);
            o.addProperty("package", f.app().packageName());
            o.addProperty("dataType", k.dataType());
            o.addProperty("category", categories.get(k.dataType()));
            o.addProperty("sinkKind", k.sinkKind());
            o.addProperty("host", k.host());
            o.addProperty("entity", k.entity());
            o.addProperty("owner", k.owner());
            o.addProperty("country", k.country());
            o.addProperty("unresolved", k.unresolved());
            o.addProperty("sentBy", k.sentBy());
            o.addProperty("sdk", k.sdk());
            o.addProperty("flows", n);
            out.add(o);
        });
        return out;
    }

    /**
     * The tracker SDK whose packages hold the class that sends, by the longest package prefix of the
     * tracker's evidence; null for code of no tracker found in the app.
     */
    static String sdkOf(String className, List<TrackerFinding> trackers) {
        if (className == null) {
            return null;
        }
        String best = null;
        int bestLength = -1;
        for (TrackerFinding t : trackers) {
            for (TrackerFinding.PackageCount p : t.evidence().packages()) {
                String prefix = p.name().replace('/', '.');
                if ((className.startsWith(prefix + ".") || className.equals(prefix)) && prefix.length() > bestLength) {
                    best = t.id();
                    bestLength = prefix.length();
                }
            }
        }
        return best;
    }
}
