package org.leakscan.catalog;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.leakscan.program.FieldRef;
import org.leakscan.program.MethodRef;

/**
 * The personal-data sources from {@code sources.json} (schema {@value #SCHEMA}): APIs, fields and
 * callbacks that produce personal data, content-provider URIs, and the calls that read those URIs.
 *
 * <p>Lookups are exact on the owner type the catalogue names. A call site's static owner is often a
 * subclass or an implementing class ({@code Landroid/app/Activity;} for a {@code Context} method),
 * so the analysis walks the class hierarchy itself and asks once per ancestor type.
 *
 * <p>Loading checks what a schema cannot: that every data type exists in the {@link DataTypeCatalog},
 * that argument and parameter numbers fit the descriptor, that an out-parameter is an array or
 * object, that no (api, argEquals) pair and no URI appears twice. Immutable and thread-safe.
 */
public final class SourceCatalog {

    /** The file name in {@code signatures/} and in a {@code --signatures} directory. */
    public static final String FILE_NAME = "sources.json";
    /** The schema name the file must carry. */
    public static final String SCHEMA = "leakscan-sources/1";
    /** The values {@code verifiedIn} may take. */
    public static final Set<String> VERIFIED_IN = Set.of("android-all-14", "jdk-17");

    private static final String IDENT = "[A-Za-z_$][A-Za-z0-9_$]*";
    private static final String CLASS = "L" + IDENT + "(?:/" + IDENT + ")*;";
    private static final String TYPE = "\\[*(?:[ZBCSIJFD]|" + CLASS + ")";
    private static final Pattern METHOD = Pattern.compile(CLASS + "->(?:<init>|" + IDENT + ")\\((?:" + TYPE + ")*\\)(?:V|" + TYPE + ")");
    private static final Pattern FIELD = Pattern.compile(CLASS + "->" + IDENT + ":" + TYPE);
    private static final Pattern PERMISSION = Pattern.compile("[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)+\\.[A-Z][A-Z0-9_]*");
    private static final Pattern CONTENT_URI = Pattern.compile("content://[^/?#\\s]+(?:/[^?#\\s]*)?");

    private static final Set<String> ROOT_KEYS = Set.of("schema", "about", "sources", "contentUris", "uriReaders");
    private static final Set<String> SOURCE_KEYS = Set.of("api", "kind", "dataType", "taints", "argEquals", "accessor",
            "permissions", "addedIn", "deprecatedIn", "restrictedIn", "verifiedIn", "apiNotes");
    private static final Set<String> URI_KEYS = Set.of("uri", "match", "aliases", "fields", "dataType", "permissions",
            "addedIn", "restrictedIn", "apiNotes");
    private static final Set<String> STRING_PARAMETER_TYPES = Set.of("Ljava/lang/String;", "Ljava/lang/CharSequence;", "Ljava/lang/Object;");
    private static final Set<String> INTEGER_PARAMETER_TYPES = Set.of("I", "J", "S", "B", "C");

    private static final CatalogJson.CatalogFile<SourceCatalog> FILE = new CatalogJson.CatalogFile<>(FILE_NAME, SCHEMA,
            (root, label) -> fromJson(root, label, DataTypeCatalog.loadDefault()));

    private final DataTypeCatalog dataTypes;
    private final List<Source> sources;
    private final List<Source> callbacks;
    private final List<ContentUriSource> contentUris;
    private final List<UriReader> uriReaders;
    private final Map<String, List<Source>> callsByMember;
    private final Map<String, List<Source>> callbacksByMember;
    private final Map<FieldRef, Source> fieldSources;
    private final Map<FieldRef, ContentUriSource> urisByField;
    private final Map<MethodRef, UriReader> readersByMethod;
    private final Set<String> callSignatures;
    private final Set<String> callNames;
    private final Set<String> readerSignatures;
    private final Set<String> readerNames;
    private final Set<String> fieldKeys;
    private final Set<String> fieldNames;

    private SourceCatalog(DataTypeCatalog dataTypes, List<Source> sources, List<ContentUriSource> contentUris,
                          List<UriReader> uriReaders) {
        this.dataTypes = dataTypes;
        this.sources = List.copyOf(sources);
        this.contentUris = List.copyOf(contentUris);
        this.uriReaders = List.copyOf(uriReaders);
        Map<String, List<Source>> calls = new HashMap<>();
        Map<String, List<Source>> callbackMap = new HashMap<>();
        Map<FieldRef, Source> fields = new HashMap<>();
        List<Source> callbackList = new ArrayList<>();
        for (Source s : sources) {
            switch (s.kind()) {
                case CALL -> calls.computeIfAbsent(key(s.method()), k -> new ArrayList<>()).add(s);
                case CALLBACK -> {
                    callbackMap.computeIfAbsent(key(s.method()), k -> new ArrayList<>()).add(s);
                    callbackList.add(s);
                }
                case FIELD -> fields.put(s.field(), s);
            }
        }
        this.callsByMember = freeze(calls);
        this.callbacksByMember = freeze(callbackMap);
        this.fieldSources = Map.copyOf(fields);
        this.callbacks = List.copyOf(callbackList);
        Map<FieldRef, ContentUriSource> byField = new HashMap<>();
        for (ContentUriSource u : contentUris) {
            u.fields().forEach(f -> byField.put(f, u));
        }
        this.urisByField = Map.copyOf(byField);
        Map<MethodRef, UriReader> readers = new HashMap<>();
        uriReaders.forEach(r -> readers.put(r.method(), r));
        this.readersByMethod = Map.copyOf(readers);
        Set<String> callSigs = new java.util.HashSet<>();
        for (Source s : sources) {
            if (s.kind() == Source.Kind.CALL) {
                callSigs.add(s.method().signature());
            }
        }
        this.callSignatures = Set.copyOf(callSigs);
        this.callNames = names(callSignatures);
        this.readerSignatures = Set.copyOf(uriReaders.stream().map(r -> r.method().signature()).toList());
        this.readerNames = names(readerSignatures);
        Set<String> keys = new java.util.HashSet<>();
        fields.keySet().forEach(f -> keys.add(f.name() + ":" + f.type()));
        this.fieldKeys = Set.copyOf(keys);
        this.fieldNames = Set.copyOf(fields.keySet().stream().map(FieldRef::name).toList());
    }

    private static Set<String> names(Set<String> signatures) {
        return Set.copyOf(signatures.stream().map(sig -> sig.substring(0, sig.indexOf('('))).toList());
    }

    /**
     * False when no class can declare a call source with this call's name and descriptor, so a
     * resolver need not walk the hierarchy for it. Checks the name first: it needs no new string,
     * and it rules out almost every call of an app.
     */
    public boolean mayBeSourceCall(MethodRef call) {
        return callNames.contains(call.name()) && callSignatures.contains(call.signature());
    }

    /** Like {@link #mayBeSourceCall}, for URI readers. */
    public boolean mayBeUriReader(MethodRef call) {
        return readerNames.contains(call.name()) && readerSignatures.contains(call.signature());
    }

    /** Like {@link #mayBeSourceCall}, for source fields. */
    public boolean mayBeSourceField(FieldRef read) {
        return fieldNames.contains(read.name()) && fieldKeys.contains(read.name() + ":" + read.type());
    }

    private static Map<String, List<Source>> freeze(Map<String, List<Source>> map) {
        Map<String, List<Source>> frozen = new HashMap<>();
        map.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return Map.copyOf(frozen);
    }

    private static String key(MethodRef method) {
        return key(method.owner(), method.signature());
    }

    private static String key(String ownerType, String nameAndDescriptor) {
        return ownerType + "->" + nameAndDescriptor;
    }

    // ------------------------------------------------------------------------------------ loading

    /**
     * The catalogue shipped in the jar, checked against the shipped {@link DataTypeCatalog},
     * parsed once on first use.
     *
     * @throws CatalogException when a shipped file is missing or invalid (a build error)
     */
    public static SourceCatalog loadDefault() {
        return FILE.shipped();
    }

    /**
     * The catalogue for a {@code --signatures} directory: its {@value #FILE_NAME} and
     * {@value DataTypeCatalog#FILE_NAME} override the shipped ones, each independently; the sources
     * are always checked against the taxonomy in effect.
     *
     * @throws CatalogException when a file cannot be read or is not valid
     */
    public static SourceCatalog loadFrom(Path directory) {
        DataTypeCatalog types = DataTypeCatalog.loadFrom(directory);
        if (types == DataTypeCatalog.loadDefault()) {
            return FILE.loadFrom(directory);
        }
        CatalogJson.Parsed parsed = FILE.read(directory);
        return fromJson(parsed.root(), parsed.label(), types);
    }

    /**
     * Parses a {@value #SCHEMA} document against the shipped taxonomy; errors name it
     * {@value #FILE_NAME}. Does not close {@code in}.
     *
     * @throws CatalogException when it is not valid
     */
    public static SourceCatalog load(InputStream in) {
        return load(in, FILE_NAME, DataTypeCatalog.loadDefault());
    }

    /**
     * A catalogue of call sources only (no content URIs, no URI readers), such as a
     * {@link SourceSinkList} makes, checked against {@code dataTypes}.
     *
     * @throws CatalogException when a source names a data type {@code dataTypes} lacks, or two share an api
     */
    public static SourceCatalog of(DataTypeCatalog dataTypes, List<Source> sources) {
        Set<String> apis = new java.util.HashSet<>();
        for (Source s : sources) {
            if (!dataTypes.contains(s.dataType())) {
                throw new CatalogException(s.api() + ": unknown dataType \"" + s.dataType() + "\"");
            }
            if (!apis.add(s.api() + (s.argEquals() == null ? "" : " [" + s.argEquals() + "]"))) {
                throw new CatalogException(s.api() + ": listed twice");
            }
        }
        return new SourceCatalog(dataTypes, sources, List.of(), List.of());
    }

    /** Parses a {@value #SCHEMA} document against {@code dataTypes}; errors name it {@code label}. Does not close {@code in}. */
    public static SourceCatalog load(InputStream in, String label, DataTypeCatalog dataTypes) {
        return fromJson(FILE.parse(in, label), label, dataTypes);
    }

    /** Builds the catalogue from a schema-checked root; errors start with {@code file}. */
    private static SourceCatalog fromJson(JsonObject root, String file, DataTypeCatalog types) {
        CatalogJson.allowOnly(root, ROOT_KEYS, file);

        List<Source> sources = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int index = 0;
        for (JsonElement element : CatalogJson.array(root, "sources", file, true)) {
            Source source = readSource(element, index, file + ": sources[" + index + "]", types);
            String identity = source.api() + (source.argEquals() == null ? "" : " [" + source.argEquals() + "]");
            Integer earlier = seen.putIfAbsent(identity, index);
            if (earlier != null) {
                throw new CatalogException(file + ": sources[" + index + "] (" + source.api() + "): same api and argEquals as sources["
                        + earlier + "]");
            }
            sources.add(source);
            index++;
        }

        List<ContentUriSource> uris = new ArrayList<>();
        Map<String, Integer> seenUris = new HashMap<>();
        Map<FieldRef, Integer> seenFields = new HashMap<>();
        index = 0;
        for (JsonElement element : CatalogJson.array(root, "contentUris", file, true)) {
            ContentUriSource uri = readContentUri(element, index, file + ": contentUris[" + index + "]", types);
            String where = file + ": contentUris[" + index + "] (" + uri.uri() + ")";
            for (String u : uri.allUris()) {
                Integer earlier = seenUris.putIfAbsent(u, index);
                if (earlier != null) {
                    throw new CatalogException(where + ": URI " + u + " already appears in contentUris[" + earlier + "]");
                }
            }
            for (FieldRef f : uri.fields()) {
                Integer earlier = seenFields.putIfAbsent(f, index);
                if (earlier != null) {
                    throw new CatalogException(where + ": field " + f + " already appears in contentUris[" + earlier + "]");
                }
            }
            uris.add(uri);
            index++;
        }

        List<UriReader> readers = new ArrayList<>();
        Map<MethodRef, Integer> seenReaders = new LinkedHashMap<>();
        index = 0;
        for (String api : CatalogJson.stringList(root, "uriReaders", file, true)) {
            String where = file + ": uriReaders[" + index + "] (" + api + ")";
            MethodRef method = parseMethod(api, where);
            UriReader reader;
            try {
                reader = UriReader.of(method);
            } catch (IllegalArgumentException e) {
                throw new CatalogException(where + ": " + e.getMessage());
            }
            Integer earlier = seenReaders.putIfAbsent(method, index);
            if (earlier != null) {
                throw new CatalogException(where + ": already appears as uriReaders[" + earlier + "]");
            }
            readers.add(reader);
            index++;
        }
        return new SourceCatalog(types, sources, uris, readers);
    }

    private static Source readSource(JsonElement element, int index, String where, DataTypeCatalog types) {
        JsonObject o = CatalogJson.object(element, where);
        String api = CatalogJson.string(o, "api", where);
        where += " (" + api + ")";
        CatalogJson.allowOnly(o, SOURCE_KEYS, where);
        String kindName = CatalogJson.string(o, "kind", where);
        Source.Kind kind = switch (kindName) {
            case "call" -> Source.Kind.CALL;
            case "field" -> Source.Kind.FIELD;
            case "callback" -> Source.Kind.CALLBACK;
            default -> throw new CatalogException(where + ": kind must be call, field or callback, not \"" + kindName + "\"");
        };
        MethodRef method = kind == Source.Kind.FIELD ? null : parseMethod(api, where);
        FieldRef field = kind == Source.Kind.FIELD ? parseField(api, where) : null;
        List<String> parameters = method == null ? List.of() : method.parameterTypes();

        String dataType = CatalogJson.string(o, "dataType", where);
        if (!types.contains(dataType)) {
            throw new CatalogException(where + ": unknown dataType \"" + dataType + "\"");
        }

        Taint taint;
        try {
            taint = Taint.parse(CatalogJson.string(o, "taints", where));
        } catch (IllegalArgumentException e) {
            throw new CatalogException(where + ": " + e.getMessage());
        }
        checkTaint(kind, taint, method, parameters, where);

        ArgEquals argEquals = readArgEquals(o, kind, parameters, where);
        boolean accessor = CatalogJson.optionalBoolean(o, "accessor", where);
        if (accessor && kind == Source.Kind.CALLBACK) {
            throw new CatalogException(where + ": a callback cannot be an accessor");
        }
        SourcePermissions permissions = readPermissions(o, where);
        int added = CatalogJson.optionalPositiveInt(o, "addedIn", where);
        int deprecated = CatalogJson.optionalPositiveInt(o, "deprecatedIn", where);
        int restricted = CatalogJson.optionalPositiveInt(o, "restrictedIn", where);
        checkLevels(added, deprecated, restricted, where);
        String verifiedIn = CatalogJson.optionalString(o, "verifiedIn", where);
        if (verifiedIn != null && !VERIFIED_IN.contains(verifiedIn)) {
            throw new CatalogException(where + ": verifiedIn must be one of " + VERIFIED_IN);
        }
        return new Source(index, kind, method, field, dataType, taint, argEquals, accessor, permissions, added,
                deprecated, restricted, verifiedIn, CatalogJson.optionalString(o, "apiNotes", where));
    }

    private static void checkTaint(Source.Kind kind, Taint taint, MethodRef method, List<String> parameters, String where) {
        Taint.Target target = taint.target();
        switch (kind) {
            case CALL -> {
                if (target == Taint.Target.RETURN && ("V".equals(method.returnType()) || method.isConstructor())) {
                    throw new CatalogException(where + ": taints \"return\" but the method returns nothing");
                }
                if (target == Taint.Target.RECEIVER && !"V".equals(method.returnType())) {
                    throw new CatalogException(where + ": taints \"receiver\" but the method returns a value: taint \"return\"");
                }
                if (target == Taint.Target.ARGUMENT) {
                    String type = parameter(parameters, taint.index(), "taints", where);
                    if (!type.startsWith("L") && !type.startsWith("[")) {
                        throw new CatalogException(where + ": out-parameter arg" + taint.index() + " is a primitive (" + type + ")");
                    }
                }
                if (target == Taint.Target.PARAMETER || target == Taint.Target.VALUE) {
                    throw new CatalogException(where + ": a call taints return, argN or none, not " + taint);
                }
            }
            case CALLBACK -> {
                if (target != Taint.Target.PARAMETER) {
                    throw new CatalogException(where + ": a callback taints paramN, not " + taint);
                }
                parameter(parameters, taint.index(), "taints", where);
            }
            case FIELD -> {
                if (target != Taint.Target.VALUE) {
                    throw new CatalogException(where + ": a field taints value, not " + taint);
                }
            }
        }
    }

    private static String parameter(List<String> parameters, int number, String member, String where) {
        if (number > parameters.size()) {
            throw new CatalogException(where + ": " + member + " names argument " + number + " but the method has "
                    + parameters.size());
        }
        return parameters.get(number - 1);
    }

    private static ArgEquals readArgEquals(JsonObject o, Source.Kind kind, List<String> parameters, String where) {
        JsonElement element = o.get("argEquals");
        if (element == null) {
            return null;
        }
        if (kind != Source.Kind.CALL) {
            throw new CatalogException(where + ": argEquals applies to calls only");
        }
        JsonObject condition = CatalogJson.object(element, where + ": argEquals");
        CatalogJson.allowOnly(condition, Set.of("arg", "value"), where + ": argEquals");
        int arg = CatalogJson.integer(condition.get("arg"), where + ": argEquals.arg");
        if (arg < 1) {
            throw new CatalogException(where + ": argEquals.arg must be at least 1");
        }
        String type = parameter(parameters, arg, "argEquals", where);
        JsonElement value = condition.get("value");
        if (value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            if (!STRING_PARAMETER_TYPES.contains(type)) {
                throw new CatalogException(where + ": argEquals compares a string with argument " + arg + " of type " + type);
            }
            return new ArgEquals(arg, value.getAsString());
        }
        if (value != null && value.isJsonPrimitive() && ((JsonPrimitive) value).isNumber()) {
            if (!INTEGER_PARAMETER_TYPES.contains(type)) {
                throw new CatalogException(where + ": argEquals compares an integer with argument " + arg + " of type " + type);
            }
            return new ArgEquals(arg, (long) CatalogJson.integer(value, where + ": argEquals.value"));
        }
        throw new CatalogException(where + ": argEquals.value must be a string or an integer");
    }

    private static SourcePermissions readPermissions(JsonObject o, String where) {
        JsonElement element = o.get("permissions");
        if (element == null) {
            return SourcePermissions.NONE;
        }
        String at = where + ": permissions";
        JsonObject p = CatalogJson.object(element, at);
        CatalogJson.allowOnly(p, Set.of("anyOf", "allOf"), at);
        if (p.size() != 1) {
            throw new CatalogException(at + ": give exactly one of anyOf, allOf");
        }
        boolean anyOf = p.has("anyOf");
        List<String> names = CatalogJson.stringList(p, anyOf ? "anyOf" : "allOf", at, true);
        if (names.isEmpty() || Set.copyOf(names).size() != names.size()) {
            throw new CatalogException(at + ": the list must be non-empty and without repeats");
        }
        for (String name : names) {
            if (!PERMISSION.matcher(name).matches()) {
                throw new CatalogException(at + ": \"" + name + "\" is not a full permission name (android.permission.X)");
            }
        }
        return new SourcePermissions(anyOf ? SourcePermissions.Relation.ANY_OF : SourcePermissions.Relation.ALL_OF, names);
    }

    private static void checkLevels(int added, int deprecated, int restricted, String where) {
        if (added > 0 && deprecated > 0 && deprecated < added) {
            throw new CatalogException(where + ": deprecatedIn " + deprecated + " is before addedIn " + added);
        }
        if (added > 0 && restricted > 0 && restricted < added) {
            throw new CatalogException(where + ": restrictedIn " + restricted + " is before addedIn " + added);
        }
    }

    private static ContentUriSource readContentUri(JsonElement element, int index, String where, DataTypeCatalog types) {
        JsonObject o = CatalogJson.object(element, where);
        String uri = CatalogJson.string(o, "uri", where);
        where += " (" + uri + ")";
        CatalogJson.allowOnly(o, URI_KEYS, where);
        List<String> aliases = CatalogJson.stringList(o, "aliases", where, false);
        for (String u : concat(uri, aliases)) {
            if (!CONTENT_URI.matcher(u).matches()) {
                throw new CatalogException(where + ": \"" + u + "\" is not a content:// URI without query or fragment");
            }
        }
        String matchName = CatalogJson.string(o, "match", where);
        ContentUriSource.Match match = switch (matchName) {
            case "prefix" -> ContentUriSource.Match.PREFIX;
            case "exact" -> ContentUriSource.Match.EXACT;
            default -> throw new CatalogException(where + ": match must be prefix or exact, not \"" + matchName + "\"");
        };
        List<FieldRef> fields = new ArrayList<>();
        for (String f : CatalogJson.stringList(o, "fields", where, true)) {
            FieldRef ref = parseField(f, where);
            if (!UriReader.URI_TYPE.equals(ref.type())) {
                throw new CatalogException(where + ": field " + f + " is not of type android.net.Uri");
            }
            fields.add(ref);
        }
        String dataType = CatalogJson.string(o, "dataType", where);
        if (!types.contains(dataType)) {
            throw new CatalogException(where + ": unknown dataType \"" + dataType + "\"");
        }
        int added = CatalogJson.optionalPositiveInt(o, "addedIn", where);
        int restricted = CatalogJson.optionalPositiveInt(o, "restrictedIn", where);
        checkLevels(added, 0, restricted, where);
        return new ContentUriSource(index, uri, match, aliases, fields, dataType, readPermissions(o, where), added,
                restricted, CatalogJson.optionalString(o, "apiNotes", where));
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static MethodRef parseMethod(String api, String where) {
        if (!METHOD.matcher(api).matches()) {
            throw new CatalogException(where + ": not a DEX method descriptor Lpkg/Cls;->name(params)ret");
        }
        return MethodRef.parse(api);
    }

    private static FieldRef parseField(String api, String where) {
        if (!FIELD.matcher(api).matches()) {
            throw new CatalogException(where + ": \"" + api + "\" is not a DEX field descriptor Lpkg/Cls;->name:type");
        }
        return FieldRef.parse(api);
    }

    // ------------------------------------------------------------------------------------ lookups

    /**
     * The call sources declared on exactly {@code ownerType} for {@code nameAndDescriptor}
     * ({@code getString(Landroid/content/ContentResolver;Ljava/lang/String;)Ljava/lang/String;}); empty
     * when none. Several entries come back when they differ in {@link Source#argEquals()}: the
     * caller keeps those whose condition holds at the call site. Callbacks are not included.
     */
    public List<Source> sourcesFor(String ownerType, String nameAndDescriptor) {
        return callsByMember.getOrDefault(key(ownerType, nameAndDescriptor), List.of());
    }

    /** {@link #sourcesFor(String, String)} for a method reference as it appears at a call site. */
    public List<Source> sourcesFor(MethodRef method) {
        return sourcesFor(method.owner(), method.signature());
    }

    /**
     * The callback sources declared on exactly {@code ownerType} (the framework interface or class
     * the app implements or extends) for {@code nameAndDescriptor}; empty when none.
     */
    public List<Source> callbacksFor(String ownerType, String nameAndDescriptor) {
        return callbacksByMember.getOrDefault(key(ownerType, nameAndDescriptor), List.of());
    }

    /** Every callback entry, in file order. */
    public List<Source> callbacks() {
        return callbacks;
    }

    /** The field source for exactly this field reference. */
    public Optional<Source> fieldSource(FieldRef field) {
        return Optional.ofNullable(fieldSources.get(field));
    }

    /**
     * The content provider whose URI (or alias) is the longest match for {@code uriString}, e.g.
     * {@code content://com.android.contacts/profile/data} gives the profile entry, not the contacts one.
     */
    public Optional<ContentUriSource> contentUriFor(String uriString) {
        ContentUriSource best = null;
        int bestLength = -1;
        for (ContentUriSource candidate : contentUris) {
            int length = candidate.matchLength(uriString);
            if (length > bestLength) {
                best = candidate;
                bestLength = length;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The content provider a static {@code android.net.Uri} field such as {@code CallLog$Calls.CONTENT_URI} names. */
    public Optional<ContentUriSource> contentUriForField(FieldRef field) {
        return Optional.ofNullable(urisByField.get(field));
    }

    /** True when {@code method}, exactly as declared in the catalogue, reads a URI argument. */
    public boolean isUriReader(MethodRef method) {
        return readersByMethod.containsKey(method);
    }

    /** The URI reader entry for exactly {@code method}. */
    public Optional<UriReader> uriReader(MethodRef method) {
        return Optional.ofNullable(readersByMethod.get(method));
    }

    /** The data type a source produces (always present: loading checked it). */
    public DataType dataTypeOf(Source source) {
        return dataTypes.dataType(source.dataType()).orElseThrow();
    }

    /** The taxonomy this catalogue was checked against. */
    public DataTypeCatalog dataTypes() {
        return dataTypes;
    }

    /** Every source entry in file order. */
    public List<Source> sources() {
        return sources;
    }

    /** Every content-provider entry in file order. */
    public List<ContentUriSource> contentUris() {
        return contentUris;
    }

    /** Every URI reader in file order. */
    public List<UriReader> uriReaders() {
        return uriReaders;
    }
}
