package org.leakscan.analysis.taint;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leakscan.catalog.ContentUriSource;
import org.leakscan.catalog.MethodModel;
import org.leakscan.catalog.Sink;
import org.leakscan.catalog.Source;
import org.leakscan.catalog.Taint;
import org.leakscan.catalog.TaintTransfer;
import org.leakscan.catalog.UriReader;
import org.leakscan.program.FieldRef;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodDef;
import org.leakscan.program.MethodRef;
import org.leakscan.program.Types;

/**
 * What a call into library code does to data, from the catalogues: a source makes a new taint
 * label, a sink reports what its data arguments carry, a model moves data between receiver,
 * arguments and result, and an unmodelled call passes every argument's taint to its result (the
 * conservative default) unless the method is listed as neutral.
 */
final class LibraryModels {

    /** Library methods that read every field of the objects they are given (serialisation). */
    private static final Set<String> SERIALIZERS = Set.of("writeObject", "writeParcelable", "writeSerializable",
            "writeValue", "toJson", "writeUnshared", "marshall", "writeValueAsString", "writeValueAsBytes", "encode",
            "encodeToString");

    /**
     * Types whose instances the framework hands back to the app (its own activities, services,
     * application and fragments): a framework object of one of these types stands for every app
     * instance of it, e.g. what {@code getActivity()} returns.
     */
    static final List<String> STAND_IN_TYPES = List.of("Landroid/content/Context;", "Landroid/app/Activity;",
            "Landroid/app/Application;", "Landroid/app/Service;", "Landroid/app/Fragment;",
            "Landroid/support/v4/app/Fragment;", "Landroidx/fragment/app/Fragment;", "Landroid/content/ContextWrapper;",
            "Landroidx/fragment/app/FragmentActivity;", "Landroidx/appcompat/app/AppCompatActivity;",
            "Landroid/support/v4/app/FragmentActivity;", "Landroid/support/v7/app/AppCompatActivity;",
            "Landroid/content/SharedPreferences;");

    private final Scope scope;
    private final Map<MethodRef, Resolved> resolved = new java.util.HashMap<>();

    LibraryModels(Scope scope) {
        this.scope = scope;
    }

    /** What the catalogues say about one library method reference, looked up once per reference. */
    record Resolved(List<Source> sources, UriReader uriReader, Sink sink, MethodModel model, boolean neutral) {
        boolean describes() {
            return sources != null && !sources.isEmpty() || uriReader != null || sink != null || model != null || neutral;
        }
    }

    Resolved resolve(MethodRef ref) {
        Resolved r = resolved.get(ref);
        if (r == null) {
            var catalogs = scope.catalogs;
            List<Source> sources = scope.resolver.resolve(ref, (t, sig) -> {
                List<Source> s = catalogs.sources().sourcesFor(t, sig);
                return s.isEmpty() ? null : s;
            });
            UriReader reader = scope.resolver.resolve(ref,
                    (t, sig) -> catalogs.sources().uriReader(new MethodRef(t, ref.name(), ref.descriptor())).orElse(null));
            Sink sink = scope.resolver.resolve(ref, catalogs.sinks()::sinkFor);
            MethodModel model = catalogs.models().modelFor(ref, scope.hierarchy);
            boolean neutral = catalogs.models().isNeutral(ref, scope.hierarchy);
            r = new Resolved(sources, reader, sink, model, neutral);
            resolved.put(ref, r);
        }
        return r;
    }

    /** True when a catalogue says anything about the method: source, sink, data movement, or nothing moves. */
    boolean describes(MethodRef ref) {
        return resolve(ref).describes();
    }

    Frame.CallResult call(Frame f, Site site, Insn.Invoke call, Value[] args, TaintSet implicit) {
        MethodRef ref = call.method();
        boolean isStatic = call.isStatic();
        Resolved resolved = resolve(ref);
        if (needsCaller(f, ref, resolved, args, isStatic)) {
            return f.defer(site, call, args);
        }
        Value[] updated = null;
        Value result = Value.EMPTY;
        boolean accessor = false;
        List<Source> sources = resolved.sources();
        if (sources != null) {
            for (Source s : sources) {
                if (s.argEquals() != null && !argumentMatches(s, args, isStatic)) {
                    continue;
                }
                if (s.accessor()) {
                    accessor = true;
                    TaintSet held = isStatic || args.length == 0 ? TaintSet.EMPTY
                            : heldOfFamily(f.contentTaint(args[0]), s.dataType());
                    if (!held.isEmpty()) {
                        // The object came from a source of this datum (a Location from
                        // getLastKnownLocation, an SmsMessage from createFromPdu): the datum was
                        // obtained there, and the accessor only reads it out.
                        result = result.join(Value.ofTaint(held));
                        continue;
                    }
                    // An object of unknown origin (a callback's parameter): reading a coordinate or
                    // a name out of it is where that datum is read, and gets its own label.
                }
                TaintSet label = f.label(s.dataType(), s.api(), site);
                Taint t = s.taint();
                switch (t.target()) {
                    case RETURN -> result = result.join(resultObject(f, site, ref)).join(Value.ofTaint(label));
                    case ARGUMENT -> {
                        int a = t.index() - (isStatic ? 1 : 0);
                        if (a >= 0 && a < args.length && !label.isEmpty()) {
                            f.write(args[a], f.fields.elements, Value.ofTaint(label));
                            f.write(args[a], f.fields.content, Value.ofTaint(label));
                            updated = updated == null ? new Value[args.length] : updated;
                            updated[a] = Value.ofTaint(label);
                        }
                    }
                    case RECEIVER -> {
                        // FlowDroid-style lists: the object the call is made on (for a constructor,
                        // the new object) holds the data from now on.
                        if (!isStatic && args.length > 0 && !label.isEmpty()) {
                            f.write(args[0], f.fields.content, Value.ofTaint(label));
                            updated = updated == null ? new Value[args.length] : updated;
                            updated[0] = Value.ofTaint(label);
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        UriReader reader = resolved.uriReader();
        if (reader != null) {
            // Content-provider reads: the URI decides the data.
            int a = reader.uriArgument() - (isStatic ? 1 : 0);
            if (a >= 0 && a < args.length) {
                for (String uri : args[a].strings()) {
                    ContentUriSource u = scope.catalogs.sources().contentUriFor(uri).orElse(null);
                    if (u != null) {
                        TaintSet label = f.label(u.dataType(), ref.toString(), u.uri(), site);
                        if (reader.taintsConstructedObject()) {
                            f.write(args[0], f.fields.content, Value.ofTaint(label));
                        } else {
                            result = result.join(resultObject(f, site, ref)).join(Value.ofTaint(label));
                        }
                    }
                }
            }
        }
        if (!isStatic && args.length > 0 && isCursorColumnRead(ref)) {
            result = result.join(Value.ofTaint(columnLabels(f, site, ref, args[0])));
        }
        Sink sink = resolved.sink();
        if (sink != null) {
            SinkCalls.report(f, site, sink, args, isStatic, implicit);
        }
        MethodModel model = resolved.model();
        if (accessor) {
            if (Types.isReference(ref.returnType())) {
                result = result.join(resultObject(f, site, ref));
            }
        } else if (model != null) {
            Frame.CallResult moved = apply(f, site, ref, model, args, isStatic);
            result = result.join(moved.value());
            updated = merge(updated, moved.updatedArgs());
        } else if (sources == null || sources.isEmpty()) {
            result = result.join(unmodelled(f, site, ref, args, isStatic, resolved));
        }
        if (sink != null && sink.opens() != null) {
            Value opened = sink.opens().kind() == TaintTransfer.Endpoint.Kind.RETURN
                    ? result.join(resultObject(f, site, ref)) : receiver(args, isStatic);
            f.write(opened, f.fields.openedBy, SinkCalls.openerKeys(f, sink, args, isStatic));
            result = sink.opens().kind() == TaintTransfer.Endpoint.Kind.RETURN ? opened : result;
        }
        if (ref.isConstructor() || !isValueType(ref.returnType())) {
            result = Destinations.propagate(f, site, ref, sink, args, isStatic, result);
        }
        if (isValueType(ref.returnType())) {
            result = result.taintOnly(); // a string or number is a value: it holds no objects
        }
        if (model != null && model.transfers().isEmpty() && isCondition(ref)) {
            // A comparison, a length or a position of secret data is not the data, but a branch on
            // it decides what runs next: carry the taint as implicit so such flows can be followed.
            TaintSet decided = TaintSet.EMPTY;
            for (Value a : args) {
                decided = decided.union(f.contentTaint(a)).union(a.implicit());
            }
            result = result.join(Value.ofImplicit(decided));
        }
        result = result.join(StringValues.apply(f, site, ref, args, isStatic));
        TaintSet implicitInputs = TaintSet.EMPTY;
        for (Value a : args) {
            implicitInputs = implicitInputs.union(a.implicit());
        }
        if (!implicitInputs.isEmpty() && !ref.returnType().equals("V")) {
            // Whatever a call computes from inputs that depend on a secret test depends on it too.
            result = result.withImplicit(implicitInputs);
        }
        return new Frame.CallResult(result, Value.EMPTY, updated);
    }

    /** True when what the call does depends on a constant or an object only the caller knows. */
    /** {@code Cursor.getString(int)} and its kind: where one column of a query's rows is read. */
    private boolean isCursorColumnRead(MethodRef ref) {
        return CURSOR_GETTERS.contains(ref.name()) && (ref.owner().equals(CURSOR)
                || scope.hierarchy.isSubtype(ref.owner(), CURSOR));
    }

    private static final String CURSOR = "Landroid/database/Cursor;";
    private static final java.util.Set<String> CURSOR_GETTERS = java.util.Set.of("getString", "getInt", "getLong",
            "getDouble", "getFloat", "getShort", "getBlob");

    /**
     * A column read from a cursor of a content-provider read (contacts, SMS, call log…) is where
     * that datum is read, as {@code getLatitude} is for a location: it gets its own label, of the
     * query's data type, beside the query's own, so the report can point at the statement.
     */
    private TaintSet columnLabels(Frame f, Site site, MethodRef ref, Value cursor) {
        TaintSet out = TaintSet.EMPTY;
        for (String type : providerDataTypes(cursor)) {
            out = out.union(f.label(type, ref.toString(), site));
        }
        return out;
    }

    /**
     * The data types of the content-provider queries a cursor comes from, as far as this method
     * knows them: the query's label is on the cursor itself. What a cursor's rows hold otherwise (a
     * table of the app's database holding data read elsewhere) keeps its own labels.
     */
    private java.util.Set<String> providerDataTypes(Value cursor) {
        java.util.Set<String> types = new java.util.TreeSet<>();
        BitSet labels = cursor.taint().labels();
        for (int l = labels.nextSetBit(0); l >= 0; l = labels.nextSetBit(l + 1)) {
            SourceSite s = scope.labels.site(l);
            if (s.uri() != null) {
                types.add(s.dataType());
            }
        }
        return types;
    }

    private boolean needsCaller(Frame f, MethodRef ref, Resolved r, Value[] args, boolean isStatic) {
        if (!isStatic && args.length > 0 && isCursorColumnRead(ref) && args[0].taint().isSymbolic()
                && providerDataTypes(args[0]).isEmpty()) {
            // Which data the cursor holds is the caller's to say. A cursor whose query this method
            // made is read here, even when the query went through an object of the caller's (the
            // resolver comes from `this`): the column reads must not wait for a caller that may
            // never resolve them (one past the summary bounds keeps no pending calls).
            return true;
        }
        if (r.sources() != null) {
            TaintSet receiverContent = null;
            for (Source s : r.sources()) {
                if (s.accessor() && !isStatic && args.length > 0) {
                    receiverContent = receiverContent != null ? receiverContent : f.contentTaint(args[0]);
                }
                if (s.accessor() && receiverContent != null && receiverContent.isSymbolic()
                        && heldOfFamily(receiverContent, s.dataType()).isEmpty()) {
                    // The object was given to this method (a field, a parameter): whether it came
                    // from a source of this datum is the caller's to say, and only then does the
                    // accessor merely read that source's datum out.
                    return true;
                }
                if (s.argEquals() != null) {
                    Value v = arg(args, s.argEquals().argument(), isStatic);
                    if (f.isSymbolic(v) && v.strings().isEmpty() && v.intConstant() == null) {
                        return true;
                    }
                }
            }
        }
        if (r.uriReader() != null) {
            Value uri = arg(args, r.uriReader().uriArgument(), isStatic);
            if (uri.strings().isEmpty() && f.isSymbolic(uri)) {
                return true;
            }
        }
        if (r.sink() != null && r.sink().streamWrite() && r.sink().sends() && !isStatic && args.length > 0
                && f.isSymbolic(SinkCalls.openers(f, args[0]))) {
            // Where the stream leads is the caller's to say.
            return true;
        }
        return false;
    }

    /**
     * Native code is out of sight. A native method that returns data is taken to compute it from
     * its arguments; one that returns nothing or a status flag consumes what it is given, so tainted
     * arguments reaching it are reported as a flow into native code.
     */
    Frame.CallResult nativeCall(Frame f, Site site, MethodDef target, Value[] args) {
        TaintSet taint = TaintSet.EMPTY;
        for (Value a : args) {
            taint = taint.union(f.fullTaint(a));
        }
        scope.unanalysed("native-method", scope.where(target));
        String returned = target.ref().returnType();
        if (!taint.isEmpty() && (returned.equals("V") || returned.equals("Z"))) {
            f.hit(new SinkSite(site, target.ref().toString(), "native", "native.jni"), taint, TaintSet.EMPTY, Value.EMPTY);
        }
        return Frame.CallResult.of(Value.ofTaint(taint));
    }

    /** Values a source field gives (Build.SERIAL, content URI constants, System.out). */
    Value staticFieldValue(Frame f, Site site, FieldRef field) {
        Value out = Value.EMPTY;
        Source s = scope.resolver.resolveField(field, (t, key) -> {
            int colon = key.indexOf(':');
            return scope.catalogs.sources().fieldSource(new FieldRef(t, key.substring(0, colon), key.substring(colon + 1)))
                    .orElse(null);
        });
        if (s != null) {
            out = out.join(Value.ofTaint(f.label(s.dataType(), s.api(), site)));
        }
        ContentUriSource uri = scope.catalogs.sources().contentUriForField(field).orElse(null);
        if (uri != null) {
            out = out.join(Value.ofConstant(uri.uri()));
        }
        if (field.owner().equals("Ljava/lang/System;") && (field.name().equals("out") || field.name().equals("err"))) {
            Node o = f.newObject(site, "System." + field.name(), Node.Kind.RESULT, "Ljava/io/PrintStream;", true);
            Value stream = Value.ofObject(o.id());
            f.write(stream, f.fields.openedBy, Value.ofConstant("log|log.stdout|" + field + "|"));
            out = out.join(stream);
        }
        return out;
    }

    /** The concrete labels of {@code dataType}'s family (location.*, sms) among a receiver's content taint. */
    private TaintSet heldOfFamily(TaintSet content, String dataType) {
        BitSet held = content.labels();
        BitSet same = new BitSet();
        String family = family(dataType);
        for (int l = held.nextSetBit(0); l >= 0; l = held.nextSetBit(l + 1)) {
            if (family(scope.labels.site(l).dataType()).equals(family)) {
                same.set(l);
            }
        }
        return same.isEmpty() ? TaintSet.EMPTY : TaintSet.labels(same);
    }

    private static String family(String dataType) {
        int dot = dataType.indexOf('.');
        return dot < 0 ? dataType : dataType.substring(0, dot);
    }

    /** An instance field source read on a library object (Account.name) that is not yet tainted. */
    Value fieldSource(Frame f, Site site, FieldRef field, Value base) {
        Source s = scope.catalogs.sources().fieldSource(field).orElse(null);
        if (s == null || (s.accessor() && base.isTainted())) {
            return Value.EMPTY;
        }
        return Value.ofTaint(f.label(s.dataType(), s.api(), site));
    }

    private Frame.CallResult apply(Frame f, Site site, MethodRef ref, MethodModel model, Value[] args, boolean isStatic) {
        Value result = Value.EMPTY;
        Value[] updated = null;
        int keyField = -1;
        boolean keyUnknown = false;
        if (model.keyArg() > 0) {
            int k = model.keyArg() - (isStatic ? 1 : 0);
            Set<String> keys = k >= 0 && k < args.length ? args[k].strings() : Set.of();
            if (keys.size() == 1 && !args[k].mayBeOtherString() && !args[k].hasHoles()) {
                keyField = f.fields.key(keys.iterator().next());
            } else {
                keyUnknown = true;
            }
        }
        for (TaintTransfer t : model.transfersFor(ref, isStatic)) {
            Value from = switch (t.from().kind()) {
                case RECEIVER -> isStatic || args.length == 0 ? Value.EMPTY
                        : keyField >= 0 ? f.read(args[0], keyField).join(f.read(args[0], f.fields.content))
                                .join(args[0].taintOnly())
                        : f.content(args[0]).withTaint(f.contentTaint(args[0]));
                case ARG -> withFileData(f, ref, t.from().index() - 1,
                        withContent(f, arg(args, t.from().index(), isStatic)));
                case ALL_ARGS -> {
                    Value v = Value.EMPTY;
                    for (int k = isStatic ? 0 : 1; k < args.length; k++) {
                        v = v.join(withFileData(f, ref, k - (isStatic ? 0 : 1), withContent(f, args[k])));
                    }
                    yield v;
                }
                case RETURN -> Value.EMPTY;
            };
            if (from.isEmpty()) {
                continue;
            }
            switch (t.to().kind()) {
                case RETURN -> result = result.join(from.withoutConstants());
                case RECEIVER -> {
                    if (!isStatic && args.length > 0) {
                        int field = keyField >= 0 ? keyField : f.fields.content;
                        f.write(args[0], field, from);
                        if (keyUnknown || keyField < 0) {
                            f.write(args[0], f.fields.content, from);
                        }
                    }
                }
                case ARG -> {
                    int k = t.to().index() - (isStatic ? 1 : 0);
                    if (k >= 0 && k < args.length) {
                        f.write(args[k], f.fields.elements, from);
                        f.write(args[k], f.fields.content, from);
                        updated = updated == null ? new Value[args.length] : updated;
                        updated[k] = from.taintOnly();
                    }
                }
                default -> {
                }
            }
        }
        if (model.returnsReceiver() && !isStatic && args.length > 0) {
            result = result.join(args[0]);
        }
        if (model.wrappedArg() > 0 && !isStatic) {
            f.write(args[0], f.fields.wraps, arg(args, model.wrappedArg(), false));
        }
        if (!result.isEmpty() && result.objects().isEmpty() && Types.isReference(ref.returnType()) && !ref.isConstructor()) {
            // A new object (a copy, a list's element we never saw stored) still needs an identity.
            result = result.join(resultObject(f, site, ref));
        }
        return new Frame.CallResult(result, Value.EMPTY, updated);
    }

    /** A value with what its objects hold as containers (array elements, list content) as its own taint. */
    private static Value withContent(Frame f, Value v) {
        return v.objects().isEmpty() ? v : v.withTaint(f.contentTaint(v));
    }

    /**
     * A {@code File} (or a {@code Uri} made for one) given where the catalogues say its data moves
     * (an upload body, a request, an intent's data) is read: what the file holds
     * ({@link Fields#FILE_DATA}) goes too. Parameter {@code param} of the call, from 0.
     */
    private static Value withFileData(Frame f, MethodRef ref, int param, Value v) {
        return isFile(ref, param) && !v.objects().isEmpty() ? v.join(f.read(v, f.fields.fileData)) : v;
    }

    /** True when parameter {@code param} names a file: a {@code File}, or a {@code Uri} (one made for a file). */
    static boolean isFile(MethodRef ref, int param) {
        List<String> types = ref.parameterTypes();
        return param >= 0 && param < types.size()
                && (types.get(param).equals("Ljava/io/File;") || types.get(param).equals("Landroid/net/Uri;"));
    }

    /** An unmodelled, non-neutral library call: the result carries everything the call was given. */
    private Value unmodelled(Frame f, Site site, MethodRef ref, Value[] args, boolean isStatic, Resolved resolved) {
        if (resolved.neutral()) {
            return Types.isReference(ref.returnType()) ? resultObject(f, site, ref) : Value.EMPTY;
        }
        TaintSet argTaint = TaintSet.EMPTY;
        boolean serializes = SERIALIZERS.contains(ref.name());
        for (int k = isStatic ? 0 : 1; k < args.length; k++) {
            // Only serialisers read an app object's own fields; other calls see what it holds as a container.
            argTaint = argTaint.union(serializes ? f.fullTaint(args[k]) : f.contentTaint(args[k]));
        }
        if (!isStatic && args.length > 0 && !argTaint.isEmpty() && keepsArguments(resolved)) {
            // A library object may keep what it is given (a builder, a container, an in-memory stream)...
            Value containers = libraryObjects(f, args[0]);
            if (!containers.objects().isEmpty()) {
                f.write(containers, f.fields.content, Value.ofTaint(argTaint));
            }
        }
        TaintSet all = argTaint;
        if (!isStatic && args.length > 0 && !ref.isConstructor()) {
            all = all.union(f.contentTaint(args[0]));
        }
        Value result = Value.ofTaint(all);
        if (Types.isReference(ref.returnType())) {
            result = result.join(resultObject(f, site, ref));
        }
        return result;
    }

    /**
     * ...but an app object or the framework's stand-in for one (an activity, a context) is not a
     * container: {@code activity.startActivity(intent)} does not put the intent's data into the
     * activity, where every later {@code getResources()} would find it.
     */
    private Value libraryObjects(Frame f, Value v) {
        BitSet keep = new BitSet();
        BitSet objs = v.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            Node n = f.node(o);
            boolean appObject = scope.isAppClass(n.type());
            boolean standIn = STAND_IN_TYPES.contains(n.type());
            if (!appObject && !standIn && !(n.kind() == Node.Kind.GLOBAL && String.valueOf(n.key()).startsWith("component:"))) {
                keep.set(o);
            }
        }
        return Value.ofObjects(keep);
    }

    /**
     * Whether the receiver of an unmodelled call may keep its arguments: not when the call is a
     * sink that hands the data out of the app (the object is a channel, not a container), except a
     * stream write, whose stream may be a buffer read back later.
     */
    private static boolean keepsArguments(Resolved r) {
        return r.sink() == null || r.sink().streamWrite();
    }

    /** A method whose result is a test or a measure of its inputs (boolean or number). */
    private static boolean isCondition(MethodRef ref) {
        String r = ref.returnType();
        return r.equals("Z") || r.equals("I") || r.equals("J");
    }

    /** Strings, boxed numbers and primitives: results that are data, not containers. */
    static boolean isValueType(String type) {
        return !Types.isReference(type) || type.equals("Ljava/lang/String;") || type.equals("Ljava/lang/CharSequence;")
                || type.equals("[B") || type.equals("[C") || type.equals("Ljava/lang/Integer;")
                || type.equals("Ljava/lang/Long;") || type.equals("Ljava/lang/Double;") || type.equals("Ljava/lang/Float;")
                || type.equals("Ljava/lang/Boolean;");
    }

    /**
     * The object a library call returns: one per call site, or for a type that stands for the
     * app's own components (an {@code Activity}, a {@code Context}), the app-wide stand-in.
     */
    static Value resultObject(Frame f, Site site, MethodRef ref) {
        String type = ref.returnType();
        if (STAND_IN_TYPES.contains(type)) {
            return Value.ofObject(f.global("standin:" + type, type).id());
        }
        Node o = f.newObject(site, "", Node.Kind.RESULT, type.startsWith("L") || type.startsWith("[") ? type : null, false);
        return Value.ofObject(o.id());
    }

    static Value receiver(Value[] args, boolean isStatic) {
        return isStatic || args.length == 0 ? Value.EMPTY : args[0];
    }

    /** Argument {@code n} counted from 1 without the receiver. */
    static Value arg(Value[] args, int n, boolean isStatic) {
        int k = n - (isStatic ? 1 : 0);
        return k >= 0 && k < args.length ? args[k] : Value.EMPTY;
    }

    private static boolean argumentMatches(Source s, Value[] args, boolean isStatic) {
        Value v = arg(args, s.argEquals().argument(), isStatic);
        if (s.argEquals().isInteger()) {
            Long i = v.intConstant();
            return i != null && s.argEquals().matches(i);
        }
        for (String c : v.strings()) {
            if (s.argEquals().matches(c)) {
                return true;
            }
        }
        return false;
    }

    private static Value[] merge(Value[] a, Value[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        Value[] out = a.clone();
        for (int i = 0; i < out.length && i < b.length; i++) {
            out[i] = out[i] == null ? b[i] : b[i] == null ? out[i] : out[i].join(b[i]);
        }
        return out;
    }
}
