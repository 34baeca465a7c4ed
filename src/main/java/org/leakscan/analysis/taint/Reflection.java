package org.leakscan.analysis.taint;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.leakscan.catalog.Source;
import org.leakscan.catalog.Taint;
import org.leakscan.program.ClassDef;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodDef;
import org.leakscan.program.MethodRef;

/**
 * Reflection with names the analysis can read: {@code Class.forName}, {@code getClass},
 * {@code getMethod}, {@code Method.invoke}, {@code newInstance}. Class literals and
 * {@code method:Lcls;->name} handles travel as constants; a name only a caller knows is left to
 * that caller, and one nobody knows is counted as unanalysed.
 */
final class Reflection {

    private static final String METHOD_HANDLE = "method:";

    private final Scope scope;

    Reflection(Scope scope) {
        this.scope = scope;
    }

    Frame.CallResult handle(Frame f, Site site, Insn.Invoke call, Value[] args) {
        MethodRef ref = call.method();
        String owner = ref.owner();
        String name = ref.name();
        if ((owner.equals("Ljava/lang/Class;") && name.equals("forName"))
                || (name.equals("loadClass") && scope.hierarchy.isSubtype(owner, "Ljava/lang/ClassLoader;"))) {
            Value className = args[owner.equals("Ljava/lang/Class;") ? 0 : 1];
            if (className.strings().isEmpty() && f.isSymbolic(className)) {
                return f.defer(site, call, args);
            }
            Value out = Value.EMPTY;
            for (String s : className.strings()) {
                if (StringValues.isComplete(s)) {
                    out = out.join(Value.ofClass("L" + s.replace('.', '/') + ";"));
                }
            }
            if (out.isEmpty()) {
                scope.unanalysed("reflection", scope.where(site.method()));
            }
            return Frame.CallResult.of(out);
        }
        if (name.equals("getClass") && ref.descriptor().equals("()Ljava/lang/Class;") && !call.isStatic()) {
            Value out = Value.EMPTY;
            BitSet objs = args[0].objects();
            for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
                if (f.isInput(o) && !scope.hierarchy.directSubtypes(f.node(o).type()).isEmpty()) {
                    return f.defer(site, call, args);
                }
                out = out.join(Value.ofClass(f.node(o).type()));
            }
            return Frame.CallResult.of(out);
        }
        if (owner.equals("Ljava/lang/Class;") && (name.equals("getMethod") || name.equals("getDeclaredMethod"))) {
            if ((args[0].classes().isEmpty() && f.isSymbolic(args[0]))
                    || (args[1].strings().isEmpty() && f.isSymbolic(args[1]))) {
                return f.defer(site, call, args);
            }
            Set<String> handles = new TreeSet<>();
            for (String c : args[0].classes()) {
                for (String m : args[1].strings()) {
                    if (StringValues.isComplete(m)) {
                        handles.add(METHOD_HANDLE + c + "->" + m);
                    }
                }
            }
            if (handles.isEmpty()) {
                scope.unanalysed("reflection", scope.where(site.method()));
            }
            return Frame.CallResult.of(Value.ofConstants(handles, false));
        }
        if (owner.equals("Ljava/lang/reflect/Method;") && name.equals("invoke")) {
            if (handles(args[0]).isEmpty() && f.isSymbolic(args[0])) {
                return f.defer(site, call, args);
            }
            return invoke(f, site, args);
        }
        if (owner.equals("Ljava/lang/reflect/Method;") && name.equals("getDeclaringClass")) {
            if (handles(args[0]).isEmpty() && f.isSymbolic(args[0])) {
                return f.defer(site, call, args);
            }
            Value out = Value.EMPTY;
            for (String h : handles(args[0])) {
                out = out.join(Value.ofClass(h.substring(METHOD_HANDLE.length(), h.indexOf("->"))));
            }
            return Frame.CallResult.of(out);
        }
        if (owner.equals("Ljava/lang/Class;") && (name.equals("newInstance") || name.equals("getConstructor")
                || name.equals("getDeclaredConstructor"))) {
            if (args[0].classes().isEmpty() && f.isSymbolic(args[0])) {
                return f.defer(site, call, args);
            }
            if (name.startsWith("get")) {
                return Frame.CallResult.of(Value.ofConstants(args[0].constants(), false));
            }
            return newInstance(f, site, args[0]);
        }
        if (owner.equals("Ljava/lang/reflect/Constructor;") && name.equals("newInstance")) {
            if (args[0].classes().isEmpty() && f.isSymbolic(args[0])) {
                return f.defer(site, call, args);
            }
            return newInstance(f, site, args[0]);
        }
        return null;
    }

    private static Set<String> handles(Value v) {
        Set<String> out = new TreeSet<>();
        for (String s : v.strings()) {
            if (s.startsWith(METHOD_HANDLE)) {
                out.add(s);
            }
        }
        return out;
    }

    private Frame.CallResult newInstance(Frame f, Site site, Value classes) {
        Value out = Value.EMPTY;
        for (String c : classes.classes()) {
            Node o = f.newObject(site, "reflect:" + c, Node.Kind.REFLECT, c, true);
            MethodDef init = scope.lookup(c, "<init>()V", true);
            if (init != null && init.body() != null) {
                f.callApp(site, init, new Value[] {Value.ofObject(o.id())});
            }
            out = out.join(Value.ofObject(o.id()));
        }
        if (out.isEmpty()) {
            scope.unanalysed("reflection", scope.where(site.method()));
        }
        return Frame.CallResult.of(out);
    }

    /** {@code method.invoke(receiver, args[])} for method handles with constant class and name. */
    private Frame.CallResult invoke(Frame f, Site site, Value[] args) {
        Value out = Value.EMPTY;
        boolean resolved = false;
        Value receiver = args.length > 1 ? args[1] : Value.EMPTY;
        Value array = args.length > 2 ? args[2] : Value.EMPTY;
        for (String h : handles(args[0])) {
            String cls = h.substring(METHOD_HANDLE.length(), h.indexOf("->"));
            String methodName = h.substring(h.indexOf("->") + 2);
            resolved = true;
            if (scope.isAppClass(cls)) {
                for (MethodDef m : methodsNamed(cls, methodName)) {
                    int n = m.ref().parameterTypes().size();
                    Value[] callArgs = new Value[n + (m.isStatic() ? 0 : 1)];
                    int k = 0;
                    if (!m.isStatic()) {
                        callArgs[k++] = receiver;
                    }
                    for (int p = 0; p < n; p++) {
                        callArgs[k++] = f.readElement(array, Value.ofInt(p));
                    }
                    out = out.join(f.callApp(site, m, callArgs).value());
                }
            } else {
                // A framework method called by name: sources and sinks still apply.
                Source chosen = null;
                for (Source s : scope.catalogs.sources().sources()) {
                    if (s.kind() == Source.Kind.CALL && s.method().owner().equals(cls)
                            && s.method().name().equals(methodName) && s.taint().target() == Taint.Target.RETURN
                            && s.argEquals() == null && (chosen == null
                            || s.method().parameterTypes().size() < chosen.method().parameterTypes().size())) {
                        chosen = s; // the overload with the fewest parameters: getDeviceId(), not getDeviceId(int)
                    }
                }
                if (chosen != null) {
                    out = out.join(Value.ofTaint(f.label(chosen.dataType(), chosen.api(), site)));
                }
                for (var sink : scope.catalogs.sinks().sinks()) {
                    if (sink.sends() && sink.api().owner().equals(cls) && sink.api().name().equals(methodName)) {
                        TaintSet taint = f.fullTaint(array);
                        if (!taint.isEmpty()) {
                            f.hit(new SinkSite(site, sink.api().toString(), sink.kind().id(), sink.channel()), taint,
                                    TaintSet.EMPTY, Value.EMPTY);
                        }
                        break;
                    }
                }
                out = out.join(Value.ofTaint(f.fullTaint(array))).join(receiver.taintOnly());
            }
        }
        if (!resolved) {
            scope.unanalysed("reflection", scope.where(site.method()));
            out = Value.ofTaint(f.fullTaint(array));
        }
        return Frame.CallResult.of(out);
    }

    private List<MethodDef> methodsNamed(String type, String name) {
        List<MethodDef> out = new ArrayList<>();
        String t = type;
        while (t != null) {
            ClassDef c = scope.hierarchy.appClass(t);
            if (c == null) {
                break;
            }
            for (MethodDef m : c.methods()) {
                if (m.ref().name().equals(name) && m.body() != null) {
                    out.add(m);
                }
            }
            if (!out.isEmpty()) {
                break;
            }
            t = c.superType();
        }
        return out;
    }
}
