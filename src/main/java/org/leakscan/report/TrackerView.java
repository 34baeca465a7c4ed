package org.leakscan.report;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tracker entry as the HTML report shows it, read from the report contract's JSON field names
 * ({@code trackers[]}: id, name, company, entity, country, categories, website, evidence:
 * packages [{name, classes}], hosts, strings, and any other evidence list) rather than from a
 * record type, so the HTML follows whatever record the tracker pass fills as long as its JSON
 * keeps the contract. This is the only place the HTML writer reads trackers.
 *
 * @param otherEvidence evidence lists beyond packages and hosts (strings, manifest...), by name
 */
record TrackerView(String id, String name, String company, String entity, String country, List<String> categories,
                   String website, List<PackageCount> packages, List<String> hosts,
                   Map<String, List<String>> otherEvidence) {

    private static final Gson GSON = new Gson();

    /** Classes seen under one of the tracker's package prefixes. */
    record PackageCount(String name, Long classes) {
    }

    static List<TrackerView> of(List<?> trackers) {
        List<TrackerView> out = new ArrayList<>();
        for (Object t : trackers) {
            JsonElement tree = t instanceof JsonElement e ? e : GSON.toJsonTree(t);
            if (tree.isJsonObject()) {
                out.add(of(tree.getAsJsonObject()));
            }
        }
        return out;
    }

    static TrackerView of(JsonObject o) {
        JsonObject evidence = o.has("evidence") && o.get("evidence").isJsonObject()
                ? o.getAsJsonObject("evidence") : new JsonObject();
        List<PackageCount> packages = new ArrayList<>();
        if (evidence.has("packages") && evidence.get("packages").isJsonArray()) {
            for (JsonElement p : evidence.getAsJsonArray("packages")) {
                if (p.isJsonObject()) {
                    JsonObject po = p.getAsJsonObject();
                    JsonElement classes = po.get("classes");
                    packages.add(new PackageCount(string(po, "name"),
                            classes != null && classes.isJsonPrimitive() && classes.getAsJsonPrimitive().isNumber()
                                    ? classes.getAsLong() : null));
                } else if (p.isJsonPrimitive()) {
                    packages.add(new PackageCount(p.getAsString(), null));
                }
            }
        }
        Map<String, List<String>> other = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : evidence.entrySet()) {
            if (!e.getKey().equals("packages") && !e.getKey().equals("hosts") && e.getValue().isJsonArray()) {
                List<String> values = strings(e.getValue().getAsJsonArray());
                if (!values.isEmpty()) {
                    other.put(e.getKey(), values);
                }
            }
        }
        return new TrackerView(string(o, "id"), string(o, "name"), string(o, "company"), string(o, "entity"),
                string(o, "country"), strings(o.get("categories")), string(o, "website"), packages,
                strings(evidence.get("hosts")), other);
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static List<String> strings(JsonElement e) {
        List<String> out = new ArrayList<>();
        if (e != null && e.isJsonArray()) {
            for (JsonElement x : (JsonArray) e) {
                if (x.isJsonPrimitive()) {
                    out.add(x.getAsString());
                }
            }
        }
        return out;
    }
}
