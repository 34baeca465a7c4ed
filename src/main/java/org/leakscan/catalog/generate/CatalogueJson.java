package org.leakscan.catalog.generate;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.Map;

/**
 * Writes catalogue JSON in a fixed layout: the top level and the {@code source} block one member
 * per line, each catalogue entry compact on its own line, so that a regenerated file diffs line by
 * line. Gson's HTML escaping is off, so {@code <init>} stays readable.
 */
final class CatalogueJson {

    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private CatalogueJson() {
    }

    static String compact(JsonElement e) {
        return GSON.toJson(e);
    }

    /**
     * An object whose members are each on their own line at {@code indent}; a value that is an
     * array or object listed in {@code oneEntryPerLine} is written with one compact element per line.
     */
    static void writeObject(StringBuilder out, JsonObject object, String indent, List<String> oneEntryPerLine,
            List<String> nestedPretty) {
        out.append("{\n");
        int i = 0;
        for (Map.Entry<String, JsonElement> member : object.entrySet()) {
            out.append(indent).append("  ").append(compact(new JsonPrimitive(member.getKey()))).append(": ");
            JsonElement value = member.getValue();
            if (nestedPretty.contains(member.getKey()) && value.isJsonObject()) {
                writeObject(out, value.getAsJsonObject(), indent + "  ", oneEntryPerLine, List.of());
            } else if (oneEntryPerLine.contains(member.getKey()) && value.isJsonArray()) {
                writeArray(out, value.getAsJsonArray(), indent + "  ");
            } else if (oneEntryPerLine.contains(member.getKey()) && value.isJsonObject()) {
                writeMap(out, value.getAsJsonObject(), indent + "  ");
            } else {
                out.append(compact(value));
            }
            out.append(++i < object.size() ? ",\n" : "\n");
        }
        out.append(indent).append("}");
    }

    private static void writeArray(StringBuilder out, JsonArray array, String indent) {
        if (array.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        for (int i = 0; i < array.size(); i++) {
            out.append(indent).append("  ").append(compact(array.get(i))).append(i + 1 < array.size() ? ",\n" : "\n");
        }
        out.append(indent).append("]");
    }

    private static void writeMap(StringBuilder out, JsonObject map, String indent) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        int i = 0;
        for (Map.Entry<String, JsonElement> e : map.entrySet()) {
            out.append(indent).append("  ").append(compact(new JsonPrimitive(e.getKey()))).append(": ")
                    .append(compact(e.getValue())).append(++i < map.size() ? ",\n" : "\n");
        }
        out.append(indent).append("}");
    }

    static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
