package org.leakscan.catalog;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leakscan.catalog.TaintTransfer.Endpoint;
import org.leakscan.program.ClassHierarchy;
import org.leakscan.program.MethodRef;

/**
 * The sinks from {@code sinks.json}: the library calls through which data can leave an app
 * (network, SMS, log, files, other apps, clipboard, Bluetooth, Nearby), each with the arguments
 * that carry the data and those that name the destination. See {@link Sink} for how entries that
 * only build a request, open a stream, or write to a stream work together.
 *
 * <p>Entries are keyed by the exact descriptor on the type that declares (or re-declares) the
 * method. A call site names its static receiver type, so match it with
 * {@link #sinkFor(MethodRef, ClassHierarchy)}, which walks the class hierarchy. Immutable and
 * thread-safe.
 */
public final class SinkCatalog {

    /** The catalogue's file name, in {@code signatures/} and in a {@code --signatures} directory. */
    public static final String FILE_NAME = "sinks.json";
    /** The schema name the file must carry. */
    public static final String SCHEMA = "leakscan-sinks/1";

    private static final Set<String> TOP_KEYS = Set.of("schema", "description", "sinks");
    private static final Set<String> SINK_KEYS = Set.of("api", "kind", "channel", "dataArgs", "destinationArgs", "sends",
            "static", "verified", "opens", "streamWrite", "apiNotes");
    private static final CatalogJson.CatalogFile<SinkCatalog> FILE =
            new CatalogJson.CatalogFile<>(FILE_NAME, SCHEMA, SinkCatalog::fromJson);

    private final List<Sink> sinks;
    private final Map<String, Sink> byApi;

    private SinkCatalog(List<Sink> sinks) {
        this.sinks = List.copyOf(sinks);
        Map<String, Sink> map = new HashMap<>();
        for (Sink s : sinks) {
            map.put(s.api().toString(), s);
        }
        this.byApi = Map.copyOf(map);
    }

    /**
     * The catalogue shipped in the jar, parsed once on first use.
     *
     * @throws CatalogException when the shipped file is missing or invalid (a build error)
     */
    public static SinkCatalog loadDefault() {
        return FILE.shipped();
    }

    /**
     * The catalogue in {@code directory} when it has a {@value #FILE_NAME}, else the shipped one.
     *
     * @throws CatalogException when the file cannot be read or is not valid
     */
    public static SinkCatalog loadFrom(Path directory) {
        return FILE.loadFrom(directory);
    }

    /**
     * Parses a {@code leakscan-sinks/1} document; errors name it {@value #FILE_NAME}. Does not close {@code in}.
     *
     * @throws CatalogException when it is not one, naming the first problem and its entry
     */
    public static SinkCatalog load(InputStream in) {
        return FILE.load(in, FILE_NAME);
    }

    /**
     * A catalogue of these sinks, such as a {@link SourceSinkList} makes.
     *
     * @throws CatalogException when two share an api
     */
    public static SinkCatalog of(List<Sink> sinks) {
        Set<String> apis = new java.util.HashSet<>();
        for (Sink s : sinks) {
            if (!apis.add(s.api().toString())) {
                throw new CatalogException(s.api() + ": listed twice");
            }
        }
        return new SinkCatalog(sinks);
    }

    /** Builds the catalogue from a schema-checked root; errors start with {@code source}. */
    private static SinkCatalog fromJson(JsonObject root, String source) {
        CatalogJson.allowOnly(root, TOP_KEYS, source);
        List<Sink> sinks = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int index = 0;
        for (JsonElement element : CatalogJson.array(root, "sinks", source, true)) {
            String where = source + ": sinks[" + index + "]";
            Sink sink = CatalogJson.entry(where, () -> sink(CatalogJson.object(element, where), where));
            Integer first = seen.putIfAbsent(sink.api().toString(), index);
            if (first != null) {
                throw new CatalogException(where + ": duplicate of sinks[" + first + "]: " + sink.api());
            }
            sinks.add(sink);
            index++;
        }
        return new SinkCatalog(sinks);
    }

    private static Sink sink(JsonObject o, String where) {
        CatalogJson.allowOnly(o, SINK_KEYS, where);
        MethodRef api = CatalogJson.method(o, "api", where);
        SinkKind kind = SinkKind.fromId(CatalogJson.string(o, "kind", where));
        String channel = CatalogJson.string(o, "channel", where);
        List<Integer> data = argNumbers(o, "dataArgs", where);
        List<Integer> destination = argNumbers(o, "destinationArgs", where);
        boolean sends = CatalogJson.bool(o, "sends", where);
        boolean isStatic = CatalogJson.flag(o, "static", false, where);
        boolean verified = CatalogJson.flag(o, "verified", true, where);
        Endpoint opens = null;
        if (o.has("opens")) {
            opens = Endpoint.parse(CatalogJson.string(o, "opens", where));
        }
        boolean streamWrite = CatalogJson.flag(o, "streamWrite", false, where);
        String notes = CatalogJson.string(o, "apiNotes", where);
        return new Sink(api, kind, channel, data, destination, sends, isStatic, verified, opens, streamWrite, notes);
    }

    /** The required member {@code key}: distinct argument numbers, 0 (the receiver) to 255. */
    private static List<Integer> argNumbers(JsonObject o, String key, String where) {
        List<Integer> out = new ArrayList<>();
        int i = 0;
        for (JsonElement e : CatalogJson.array(o, key, where, true)) {
            String what = where + ": \"" + key + "\"[" + i++ + "]";
            int n = CatalogJson.integer(e, what);
            if (n < 0 || n > 255) {
                throw new CatalogException(what + " is not an argument number: " + e);
            }
            if (out.contains(n)) {
                throw new CatalogException(what + ": " + n + " twice");
            }
            out.add(n);
        }
        return out;
    }

    /**
     * The sink declared exactly as {@code ownerType->nameAndDescriptor}, or null.
     *
     * @param ownerType         e.g. {@code Landroid/telephony/SmsManager;}
     * @param nameAndDescriptor e.g. {@code sendTextMessage(Ljava/lang/String;...)V}
     */
    public Sink sinkFor(String ownerType, String nameAndDescriptor) {
        return byApi.get(ownerType + "->" + nameAndDescriptor);
    }

    /** The sink declared exactly as {@code method}, or null. */
    public Sink sinkFor(MethodRef method) {
        return sinkFor(method.owner(), method.signature());
    }

    /**
     * The sink a call site reaches: the entry on the call's owner type or, failing that, on the
     * nearest ancestor that has one (superclasses first, then interfaces). A call on
     * {@code Lcom/example/MainActivity;->startActivity(Landroid/content/Intent;)V} finds the
     * entry on {@code Activity}; a call on {@code Ljavax/net/ssl/HttpsURLConnection;} finds
     * those on {@code URLConnection}. Null when there is none. The caller decides whether the
     * method is library code: an app's own override is analysed, not matched.
     */
    public Sink sinkFor(MethodRef call, ClassHierarchy hierarchy) {
        String signature = call.signature();
        for (String type : hierarchy.ancestors(call.owner())) {
            Sink sink = sinkFor(type, signature);
            if (sink != null) {
                return sink;
            }
        }
        return null;
    }

    /** Every sink, in file order. */
    public List<Sink> sinks() {
        return sinks;
    }

    /** The sinks of one kind, in file order. */
    public List<Sink> sinksOf(SinkKind kind) {
        return sinks.stream().filter(s -> s.kind() == kind).toList();
    }

    /** Number of entries. */
    public int size() {
        return sinks.size();
    }
}
