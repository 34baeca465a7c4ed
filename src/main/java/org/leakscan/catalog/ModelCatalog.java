package org.leakscan.catalog;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leakscan.program.ClassHierarchy;
import org.leakscan.program.MethodRef;

/**
 * The library models from {@code models.json}: how collections, strings, builders, intents,
 * bundles, streams and similar library methods move data, so the data-flow engine need not
 * analyse library code (which an APK usually does not even contain for the framework).
 *
 * <p>Lookup order: the exact entry for the method, then the class-wide entry of the same owner
 * type (and, for a call site, then the exact entries of its ancestors: see
 * {@link #modelFor(MethodRef, ClassHierarchy)}). Methods in the file's {@code neutral} list are exact models without transfers. A call
 * that finds nothing falls back to the engine's conservative default (the return value is tainted
 * when the receiver or any argument is). Immutable and thread-safe.
 */
public final class ModelCatalog {

    /** The catalogue's file name, in {@code signatures/} and in a {@code --signatures} directory. */
    public static final String FILE_NAME = "models.json";
    /** The schema name the file must carry. */
    public static final String SCHEMA = "leakscan-models/1";

    private static final Set<String> TOP_KEYS = Set.of("schema", "description", "models", "neutral");
    private static final Set<String> EXACT_KEYS = Set.of("api", "static", "verified", "transfers", "returnsReceiver",
            "wraps", "key", "note");
    private static final Set<String> CLASS_KEYS = Set.of("class", "methods", "verified", "transfers", "note");
    private static final String NEUTRAL_NOTE = "neutral: moves no data";
    private static final CatalogJson.CatalogFile<ModelCatalog> FILE =
            new CatalogJson.CatalogFile<>(FILE_NAME, SCHEMA, ModelCatalog::fromJson);

    private final List<MethodModel> models;
    private final Map<String, MethodModel> exact;
    private final Map<String, MethodModel> classWide;
    private final Set<String> neutral;

    private ModelCatalog(List<MethodModel> models, Map<String, MethodModel> exact, Map<String, MethodModel> classWide,
            Set<String> neutral) {
        this.models = List.copyOf(models);
        this.exact = Map.copyOf(exact);
        this.classWide = Map.copyOf(classWide);
        this.neutral = Collections.unmodifiableSet(new LinkedHashSet<>(neutral));
    }

    /**
     * The catalogue shipped in the jar, parsed once on first use.
     *
     * @throws CatalogException when the shipped file is missing or invalid (a build error)
     */
    public static ModelCatalog loadDefault() {
        return FILE.shipped();
    }

    /**
     * The catalogue in {@code directory} when it has a {@value #FILE_NAME}, else the shipped one.
     *
     * @throws CatalogException when the file cannot be read or is not valid
     */
    public static ModelCatalog loadFrom(Path directory) {
        return FILE.loadFrom(directory);
    }

    /**
     * Parses a {@code leakscan-models/1} document; errors name it {@value #FILE_NAME}. Does not close {@code in}.
     *
     * @throws CatalogException when it is not one, naming the first problem and its entry
     */
    public static ModelCatalog load(InputStream in) {
        return FILE.load(in, FILE_NAME);
    }

    /** Builds the catalogue from a schema-checked root; errors start with {@code source}. */
    private static ModelCatalog fromJson(JsonObject root, String source) {
        CatalogJson.allowOnly(root, TOP_KEYS, source);
        List<MethodModel> models = new ArrayList<>();
        Map<String, MethodModel> exact = new HashMap<>();
        Map<String, MethodModel> classWide = new HashMap<>();
        Map<String, String> seen = new HashMap<>();
        int index = 0;
        for (JsonElement element : CatalogJson.array(root, "models", source, true)) {
            String where = source + ": models[" + index + "]";
            MethodModel model = CatalogJson.entry(where, () -> model(CatalogJson.object(element, where), where));
            String key = model.isClassWide() ? model.owner() + "->*" : model.api().toString();
            String first = seen.putIfAbsent(key, "models[" + index + "]");
            if (first != null) {
                throw new CatalogException(where + ": duplicate of " + first + ": " + key);
            }
            (model.isClassWide() ? classWide : exact).put(model.isClassWide() ? model.owner() : key, model);
            models.add(model);
            index++;
        }
        Set<String> neutral = new LinkedHashSet<>();
        index = 0;
        for (JsonElement element : CatalogJson.array(root, "neutral", source, false)) {
            String where = source + ": neutral[" + index + "]";
            MethodRef api = CatalogJson.method(CatalogJson.string(element, where), where);
            String first = seen.putIfAbsent(api.toString(), "neutral[" + index + "]");
            if (first != null) {
                throw new CatalogException(where + ": duplicate of " + first + ": " + api);
            }
            // Static or not cannot be told from the descriptor, and does not matter without transfers.
            exact.put(api.toString(), new MethodModel(api.owner(), api, List.of(), false, -1, -1, false, true, NEUTRAL_NOTE));
            neutral.add(api.toString());
            index++;
        }
        return new ModelCatalog(models, exact, classWide, neutral);
    }

    private static MethodModel model(JsonObject o, String where) {
        boolean isClassWide = o.has("class");
        CatalogJson.allowOnly(o, isClassWide ? CLASS_KEYS : EXACT_KEYS, where);
        List<TaintTransfer> transfers = new ArrayList<>();
        for (JsonElement t : CatalogJson.array(o, "transfers", where, true)) {
            JsonObject transfer = CatalogJson.object(t, where + " transfer");
            CatalogJson.allowOnly(transfer, Set.of("from", "to"), where + " transfer");
            TaintTransfer parsed = TaintTransfer.of(CatalogJson.string(transfer, "from", where),
                    CatalogJson.string(transfer, "to", where));
            if (transfers.contains(parsed)) {
                throw new CatalogException(where + ": transfer " + parsed + " twice");
            }
            transfers.add(parsed);
        }
        boolean verified = CatalogJson.flag(o, "verified", true, where);
        // Optional, but never written empty.
        String note = o.has("note") ? CatalogJson.string(o, "note", where) : "";
        if (isClassWide) {
            String owner = CatalogJson.classType(o, "class", where);
            if (!"*".equals(CatalogJson.string(o, "methods", where))) {
                throw new CatalogException(where + ": a class-wide model needs \"methods\": \"*\"");
            }
            return new MethodModel(owner, null, transfers, false, -1, -1, false, verified, note);
        }
        MethodRef api = CatalogJson.method(o, "api", where);
        boolean isStatic = CatalogJson.flag(o, "static", false, where);
        boolean returnsReceiver = CatalogJson.flag(o, "returnsReceiver", false, where);
        int wraps = argNumber(o, "wraps", where);
        int key = argNumber(o, "key", where);
        return new MethodModel(api.owner(), api, transfers, returnsReceiver, wraps, key, isStatic, verified, note);
    }

    /** The 1-based argument named {@code argN} under {@code key}, or -1 when absent. */
    private static int argNumber(JsonObject o, String key, String where) {
        if (!o.has(key)) {
            return -1;
        }
        TaintTransfer.Endpoint e = TaintTransfer.Endpoint.parse(CatalogJson.string(o, key, where));
        if (e.kind() != TaintTransfer.Endpoint.Kind.ARG) {
            throw new CatalogException(where + ": \"" + key + "\" must name one argument (argN): " + e);
        }
        return e.index();
    }

    /**
     * The model of {@code ownerType->nameAndDescriptor}: its exact entry, else the class-wide
     * entry of {@code ownerType}, else null.
     */
    public MethodModel modelFor(String ownerType, String nameAndDescriptor) {
        MethodModel m = exact.get(ownerType + "->" + nameAndDescriptor);
        return m != null ? m : classWide.get(ownerType);
    }

    /** The model of {@code method} on its own owner type, or null. */
    public MethodModel modelFor(MethodRef method) {
        return modelFor(method.owner(), method.signature());
    }

    /**
     * The model a call site reaches: the entry for the call's own owner type (exact, else
     * class-wide), else the exact entry on its nearest ancestor that has one (superclasses first,
     * then interfaces), else null. The owner's class-wide default comes before its ancestors'
     * exact entries because it is written for that type ({@code Integer.hashCode()} is the value's
     * hash, not {@code Object.hashCode()}'s identity); it does not apply to subtypes, which may add
     * methods that behave differently. The caller decides whether the method is library code: an
     * app's own override is analysed, not modelled.
     */
    public MethodModel modelFor(MethodRef call, ClassHierarchy hierarchy) {
        MethodModel own = modelFor(call);
        if (own != null) {
            return own;
        }
        String signature = call.signature();
        for (String type : hierarchy.ancestors(call.owner())) {
            MethodModel m = exact.get(type + "->" + signature);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /** True when the method's model moves no data (a {@code neutral} entry or one without transfers). */
    public boolean isNeutral(String ownerType, String nameAndDescriptor) {
        MethodModel m = modelFor(ownerType, nameAndDescriptor);
        return m != null && m.isNeutral();
    }

    /** Like {@link #isNeutral(String, String)}, for a call site resolved through the hierarchy. */
    public boolean isNeutral(MethodRef call, ClassHierarchy hierarchy) {
        MethodModel m = modelFor(call, hierarchy);
        return m != null && m.isNeutral();
    }

    /** The exact and class-wide entries of the {@code models} list, in file order (not the neutral list). */
    public List<MethodModel> models() {
        return models;
    }

    /** The descriptors of the {@code neutral} list, in file order. */
    public Set<String> neutral() {
        return neutral;
    }

    /** Number of exact entries in the {@code models} list. */
    public int exactCount() {
        return exact.size() - neutral.size();
    }

    /** Number of class-wide entries. */
    public int classWideCount() {
        return classWide.size();
    }

    /** Number of entries: exact and class-wide models plus the neutral list. */
    public int size() {
        return exact.size() + classWide.size();
    }
}
