package org.leakscan.analysis.taint;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leakscan.catalog.Sink;
import org.leakscan.program.Access;
import org.leakscan.program.ClassDef;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodDef;
import org.leakscan.program.MethodRef;

/**
 * {@code WebView.addJavascriptInterface(object, name)} hands {@code object} to the page's scripts:
 * any script the WebView runs may call its bridge methods, and what they return reaches the page.
 * Each bridge method is applied where the object is handed over, with nothing known of its
 * arguments (they come from the page), and what it returns is reported as leaving at the
 * {@code addJavascriptInterface} call. Bridge methods are those annotated {@code @JavascriptInterface}
 * (how apps targeting API 17+ expose them); a class with none exposes every public method, as it
 * did to apps targeting API 16 and below, which is where such classes come from.
 */
final class JavascriptBridges {

    private static final String ANNOTATION = "Landroid/webkit/JavascriptInterface;";
    private static final String SIGNATURE = "addJavascriptInterface(Ljava/lang/Object;Ljava/lang/String;)V";

    private final Scope scope;
    private final Map<String, List<MethodDef>> bridgeMethods = new HashMap<>();

    JavascriptBridges(Scope scope) {
        this.scope = scope;
    }

    /**
     * Reports what the bridge methods return, and nothing else: the object and the WebView are not
     * the data (a URL the WebView loaded is not exposed by handing it an object). Null for other calls.
     */
    Frame.CallResult handle(Frame f, Site site, Insn.Invoke call, Value[] args) {
        MethodRef ref = call.method();
        if (call.isStatic() || args.length < 2 || !ref.signature().equals(SIGNATURE)
                || !scope.hierarchy.isSubtype(ref.owner(), "Landroid/webkit/WebView;")) {
            return null;
        }
        Sink sink = scope.library.resolve(ref).sink();
        if (sink == null) {
            return null; // the catalogues in effect (a --sources-sinks list) do not count it
        }
        Value bridge = args[1];
        if (f.hasInputObjects(bridge)) {
            return f.defer(site, call, args); // the caller knows which object is exposed
        }
        TaintSet returned = TaintSet.EMPTY;
        BitSet objs = bridge.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            for (MethodDef m : methodsOf(f.node(o).type())) {
                Value[] params = new Value[m.ref().parameterTypes().size() + 1];
                java.util.Arrays.fill(params, Value.EMPTY);
                params[0] = Value.ofObject(o);
                returned = returned.union(f.fullTaint(f.callApp(site, m, params).value()));
            }
        }
        if (!returned.isEmpty()) {
            f.hit(new SinkSite(site, sink.api().toString(), sink.kind().id(), sink.channel()), returned,
                    TaintSet.EMPTY, Value.EMPTY);
        }
        return Frame.CallResult.NOTHING;
    }

    /** The methods a page's scripts may call on an object of {@code type}. */
    private List<MethodDef> methodsOf(String type) {
        return bridgeMethods.computeIfAbsent(type, t -> {
            List<MethodDef> annotated = new ArrayList<>();
            List<MethodDef> exposed = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String c = t; c != null && scope.isAppClass(c) && !scope.isInfrastructure(c); ) {
                ClassDef def = scope.program.classDef(c);
                if (def == null) {
                    break;
                }
                for (MethodDef m : def.methods()) {
                    boolean callable = (m.access() & Access.PUBLIC) != 0 && (m.access() & Access.STATIC) == 0
                            && !m.ref().isConstructor() && m.body() != null && !m.ref().returnType().equals("V");
                    if (!callable || !seen.add(m.ref().signature())) {
                        continue; // an override hides what it overrides
                    }
                    exposed.add(m);
                    if (m.annotations().stream().anyMatch(a -> a.type().equals(ANNOTATION))) {
                        annotated.add(m);
                    }
                }
                c = def.superType();
            }
            return annotated.isEmpty() ? exposed : annotated;
        });
    }
}
