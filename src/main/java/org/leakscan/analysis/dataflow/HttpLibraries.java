package org.leakscan.analysis.dataflow;

import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.leakscan.program.Annotation;
import org.leakscan.program.ClassDef;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodDef;
import org.leakscan.program.MethodRef;

/**
 * HTTP client libraries whose requests are made of the app's own code, which a catalogue of
 * library methods cannot describe:
 * <ul>
 *   <li>Retrofit: {@code retrofit.create(Api.class)} returns a proxy of the app's interface; each
 *       call of one of its methods sends the arguments to the base URL joined with the path in
 *       the method's {@code @GET}/{@code @POST}/... annotation (or to an {@code @Url} argument).</li>
 *   <li>Volley: a request is often an app subclass whose {@code getParams()}, {@code getBody()} or
 *       {@code getHeaders()} supplies the data; {@code RequestQueue.add} sends what they return.</li>
 * </ul>
 */
final class HttpLibraries {

    private static final String RETROFIT = "Lretrofit2/Retrofit;";
    private static final String VOLLEY_QUEUE = "Lcom/android/volley/RequestQueue;";
    private static final String RETROFIT_HTTP = "Lretrofit2/http/";
    private static final Set<String> VERBS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "HTTP");
    /** The Volley request methods that supply what is sent. */
    private static final List<String> VOLLEY_DATA = List.of("getParams()Ljava/util/Map;", "getBody()[B",
            "getHeaders()Ljava/util/Map;", "getPostParams()Ljava/util/Map;", "getPostBody()[B", "getUrl()Ljava/lang/String;");
    /** Marks a Retrofit proxy object. */
    static final String PROXY = "@retrofitProxy";

    private final TaintEngine engine;
    private final AndroidSemantics android;

    HttpLibraries(TaintEngine engine, AndroidSemantics android) {
        this.engine = engine;
        this.android = android;
    }

    /** Handles the call and returns its result, or null to let the catalogues decide. */
    TaintEngine.CallResult handle(MethodState st, int index, Insn.Invoke call, Value[] args) {
        MethodRef ref = call.method();
        if (call.isStatic() || args.length == 0) {
            return null;
        }
        if (ref.owner().equals(RETROFIT) && ref.name().equals("create") && args.length == 2) {
            return new TaintEngine.CallResult(proxy(st, args[0], args[1]), Value.EMPTY, null);
        }
        if (ref.owner().equals(VOLLEY_QUEUE) && ref.name().equals("add") && args.length == 2) {
            collectVolleyData(st, args[1]);
            return null; // the catalogue's sink entry reports what the request now holds
        }
        if (isProxy(st, args[0])) {
            return serviceCall(st, index, call, args);
        }
        return null;
    }

    /** One proxy object per service interface named by the class constant, carrying the base URL. */
    private Value proxy(MethodState st, Value retrofit, Value serviceClass) {
        Value out = Value.EMPTY;
        Set<String> base = Destinations.texts(engine, st, retrofit);
        for (String type : serviceClass.classes()) {
            AbstractObject o = engine.objects.get(AbstractObject.Kind.RESULT, "retrofit:" + type, type);
            Value v = Value.ofObject(o.id());
            engine.write(v, engine.fields.id(PROXY), Value.ofConstant("1"));
            engine.write(v, engine.fields.id(Fields.TEXT), Value.ofConstants(base, false));
            out = out.join(v);
        }
        return out;
    }

    private boolean isProxy(MethodState st, Value receiver) {
        return !receiver.objects().isEmpty() && !engine.read(st, receiver, engine.fields.id(PROXY)).isEmpty();
    }

    /** A service method call sends every argument to the method's URL. */
    private TaintEngine.CallResult serviceCall(MethodState st, int index, Insn.Invoke call, Value[] args) {
        MethodRef ref = call.method();
        MethodDef declared = declaration(args[0], ref);
        BitSet taint = new BitSet();
        for (int k = 1; k < args.length; k++) {
            taint.or(engine.fullTaint(args[k]));
        }
        Set<String> urls = new TreeSet<>();
        Set<String> bases = engine.read(st, args[0], engine.fields.id(Fields.TEXT)).strings();
        String path = declared == null ? null : path(declared.annotations());
        Integer urlParameter = declared == null ? null : urlParameter(declared);
        if (urlParameter != null && urlParameter + 1 < args.length) {
            urls.addAll(Destinations.texts(engine, st, args[urlParameter + 1]));
        } else {
            for (String base : bases.isEmpty() ? Set.of(StringValues.UNKNOWN) : bases) {
                urls.add(path == null ? base : join(base, path));
            }
        }
        if (!taint.isEmpty()) {
            engine.hit(taint, ref.toString(), "network", "network.http", st, index, List.copyOf(urls));
        }
        // The returned Call (or Observable, Deferred...) is what the app waits on: no data of its own.
        Value result = Value.EMPTY;
        if (ref.returnType().startsWith("L")) {
            AbstractObject o = engine.objects.get(AbstractObject.Kind.RESULT, st.method.ref() + "@" + index,
                    ref.returnType());
            result = Value.ofObject(o.id());
            engine.write(result, engine.fields.id(Fields.TEXT), Value.ofConstants(urls, false));
        }
        return new TaintEngine.CallResult(result, Value.EMPTY, null);
    }

    /** The interface method the call names, looked up on the proxy's interface and its supertypes. */
    private MethodDef declaration(Value proxy, MethodRef ref) {
        BitSet objs = proxy.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            String type = engine.objects.get(o).type();
            for (String t : engine.hierarchy.ancestors(type)) {
                ClassDef c = engine.hierarchy.appClass(t);
                MethodDef m = c == null ? null : c.method(ref.name(), ref.descriptor());
                if (m != null) {
                    return m;
                }
            }
        }
        ClassDef c = engine.hierarchy.appClass(ref.owner());
        return c == null ? null : c.method(ref.name(), ref.descriptor());
    }

    /** The relative URL of {@code @GET("users/{id}")}, {@code @HTTP(method = "GET", path = "x")}. */
    static String path(List<Annotation> annotations) {
        for (Annotation a : annotations) {
            if (!a.type().startsWith(RETROFIT_HTTP)) {
                continue;
            }
            String verb = a.type().substring(RETROFIT_HTTP.length(), a.type().length() - 1);
            if (!VERBS.contains(verb)) {
                continue;
            }
            Object value = verb.equals("HTTP") ? a.get("path") : a.get("value");
            return value instanceof String s ? s : "";
        }
        return null;
    }

    /** The index (from 0, without the receiver) of the parameter annotated {@code @Url}, or null. */
    private static Integer urlParameter(MethodDef m) {
        List<List<Annotation>> params = m.parameterAnnotations();
        for (int i = 0; i < params.size(); i++) {
            for (Annotation a : params.get(i)) {
                if (a.type().equals("Lretrofit2/http/Url;")) {
                    return i;
                }
            }
        }
        return null;
    }

    /** Retrofit's (OkHttp's) URL resolution, for the cases that matter: absolute, root-relative, relative. */
    static String join(String base, String path) {
        if (path.isEmpty()) {
            return base;
        }
        if (path.matches("(?i)[a-z][a-z0-9+.-]*://.*")) {
            return path;
        }
        int scheme = base.indexOf("://");
        if (path.startsWith("/")) {
            int slash = scheme < 0 ? -1 : base.indexOf('/', scheme + 3);
            return (slash < 0 ? base : base.substring(0, slash)) + path;
        }
        int last = base.lastIndexOf('/');
        return (last > scheme + 2 ? base.substring(0, last + 1) : base + "/") + path;
    }

    /** What an app subclass of a Volley request supplies goes into the request. */
    private void collectVolleyData(MethodState st, Value request) {
        BitSet objs = request.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            String type = engine.objects.get(o).type();
            if (!engine.isAppClass(type)) {
                continue;
            }
            Value one = Value.ofObject(o);
            for (String signature : VOLLEY_DATA) {
                Value returned = android.run(st, one, signature, new Value[0]);
                if (returned.isEmpty()) {
                    continue;
                }
                if (signature.startsWith("getUrl")) {
                    engine.write(one, engine.fields.id(Fields.TEXT), StringValues.keepStrings(returned));
                } else {
                    engine.write(one, engine.fields.id(Fields.CONTENT), Value.ofTaints(engine.fullTaint(returned)));
                }
            }
        }
    }
}
