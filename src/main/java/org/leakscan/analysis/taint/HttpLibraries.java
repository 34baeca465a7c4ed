package org.leakscan.analysis.taint;

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

    private final Scope scope;
    private final Threads threads;

    HttpLibraries(Scope scope, Threads threads) {
        this.scope = scope;
        this.threads = threads;
    }

    /** Handles the call and returns its result, or null to let the catalogues decide. */
    Frame.CallResult handle(Frame f, Site site, Insn.Invoke call, Value[] args) {
        MethodRef ref = call.method();
        if (call.isStatic() || args.length == 0) {
            return null;
        }
        if (ref.owner().equals(RETROFIT) && ref.name().equals("create") && args.length == 2) {
            if (args[1].classes().isEmpty() && f.isSymbolic(args[1])) {
                return f.defer(site, call, args);
            }
            return Frame.CallResult.of(proxy(f, site, args[0], args[1]));
        }
        if (ref.owner().equals(VOLLEY_QUEUE) && ref.name().equals("add") && args.length == 2) {
            if (f.hasInputObjects(args[1])) {
                return f.defer(site, call, args);
            }
            collectVolleyData(f, site, args[1]);
            return null; // the catalogue's sink entry reports what the request now holds
        }
        MethodDef declared = declaration(f, args[0], ref);
        if (declared != null && path(declared.annotations()) != null && f.hasInputObjects(args[0])) {
            // A Retrofit interface method on an object only a caller knows.
            return f.defer(site, call, args);
        }
        if (isProxy(f, args[0])) {
            return serviceCall(f, site, call, args, declared);
        }
        return null;
    }

    /** One proxy object per service interface named by the class constant, carrying the base URL. */
    private Value proxy(Frame f, Site site, Value retrofit, Value serviceClass) {
        Value out = Value.EMPTY;
        Value base = Destinations.textValue(f, retrofit);
        for (String type : serviceClass.classes()) {
            Node o = f.newObject(site, "retrofit:" + type, Node.Kind.RESULT, type, true);
            Value v = Value.ofObject(o.id());
            f.write(v, f.fields.id(PROXY), Value.ofConstant("1"));
            f.write(v, f.fields.text, base);
            out = out.join(v);
        }
        return out;
    }

    private boolean isProxy(Frame f, Value receiver) {
        BitSet objs = receiver.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            if (!f.isInput(o) && !f.cell(o, f.fields.id(PROXY)).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** A service method call sends every argument to the method's URL. */
    private Frame.CallResult serviceCall(Frame f, Site site, Insn.Invoke call, Value[] args, MethodDef declared) {
        MethodRef ref = call.method();
        TaintSet taint = TaintSet.EMPTY;
        for (int k = 1; k < args.length; k++) {
            taint = taint.union(f.fullTaint(args[k]));
        }
        Set<String> urls = new TreeSet<>();
        Set<String> bases = f.read(args[0], f.fields.text).texts();
        String path = declared == null ? null : path(declared.annotations());
        Integer urlParameter = declared == null ? null : urlParameter(declared);
        if (urlParameter != null && urlParameter + 1 < args.length) {
            urls.addAll(Destinations.textValue(f, args[urlParameter + 1]).texts());
        } else {
            for (String base : bases.isEmpty() ? Set.of(StringValues.UNKNOWN) : bases) {
                urls.add(path == null ? base : join(base, path));
            }
        }
        Value destination = Value.ofConstants(urls, false);
        if (!taint.isEmpty()) {
            f.hit(new SinkSite(site, ref.toString(), "network", "network.http"), taint, TaintSet.EMPTY, destination);
        }
        // The returned Call (or Observable, Deferred...) is what the app waits on: no data of its own.
        Value result = Value.EMPTY;
        if (ref.returnType().startsWith("L")) {
            result = Value.ofObject(f.newObject(site, "", Node.Kind.RESULT, ref.returnType(), false).id());
            f.write(result, f.fields.text, destination);
        }
        return Frame.CallResult.of(result);
    }

    /** The interface method the call names, looked up on the receiver's types and their supertypes. */
    private MethodDef declaration(Frame f, Value receiver, MethodRef ref) {
        BitSet objs = receiver.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            MethodDef m = declarationFrom(f.node(o).type(), ref);
            if (m != null) {
                return m;
            }
        }
        ClassDef c = scope.hierarchy.appClass(ref.owner());
        return c == null ? null : c.method(ref.name(), ref.descriptor());
    }

    /** The app method {@code ref} names on {@code type} or its ancestors; asked on every library call, so cached. */
    private MethodDef declarationFrom(String type, MethodRef ref) {
        var byType = declarations.computeIfAbsent(ref, r -> new java.util.HashMap<>());
        java.util.Optional<MethodDef> known = byType.get(type);
        if (known == null) {
            MethodDef found = null;
            for (String t : scope.hierarchy.ancestors(type)) {
                ClassDef c = scope.hierarchy.appClass(t);
                found = c == null ? null : c.method(ref.name(), ref.descriptor());
                if (found != null) {
                    break;
                }
            }
            known = java.util.Optional.ofNullable(found);
            byType.put(type, known);
        }
        return known.orElse(null);
    }

    private final java.util.Map<MethodRef, java.util.Map<String, java.util.Optional<MethodDef>>> declarations =
            new java.util.HashMap<>();

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
    private void collectVolleyData(Frame f, Site site, Value request) {
        BitSet objs = request.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            if (!scope.isAppClass(f.node(o).type())) {
                continue;
            }
            Value one = Value.ofObject(o);
            for (String signature : VOLLEY_DATA) {
                Value returned = threads.run(f, site, one, signature, new Value[0]);
                if (returned.isEmpty()) {
                    continue;
                }
                if (signature.startsWith("getUrl")) {
                    f.write(one, f.fields.text, StringValues.keepTexts(returned));
                } else {
                    f.write(one, f.fields.content, Value.ofTaint(f.fullTaint(returned)));
                }
            }
        }
    }
}
