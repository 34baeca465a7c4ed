package org.leakscan.analysis.dataflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leakscan.catalog.Source;
import org.leakscan.catalog.Taint;
import org.leakscan.program.Access;
import org.leakscan.program.ClassDef;
import org.leakscan.program.MethodDef;
import org.leakscan.program.Types;

/**
 * Where the framework calls into the app. Manifest components and the Application class get one
 * instance each, and every method they override from the framework (lifecycle, callbacks) is an
 * entry, in any order (the heap is shared, so one lifecycle method sees what another stored). Any
 * other app class overriding framework methods (listeners, {@code Runnable}, {@code AsyncTask},
 * fragments) becomes live when code creates an instance of it: its overrides are then entries with
 * that object as {@code this}. {@code android:onClick} handlers from layouts and every static
 * initialiser are entries too. Parameters the framework passes are framework objects; a callback
 * source's parameter ({@code onLocationChanged(Location)}) carries a taint label.
 */
public final class EntryPoints {

    /** What the manifest and layouts say about entry points. */
    public record Android(List<ComponentFacts> components, String applicationClass, Set<String> onClickMethods,
                          Set<String> layoutClasses, java.util.function.IntFunction<String> resourceString) {
        public Android {
            components = List.copyOf(components);
            onClickMethods = Set.copyOf(onClickMethods);
            layoutClasses = Set.copyOf(layoutClasses);
        }

        public static final Android NONE = new Android(List.of(), null, Set.of(), Set.of(), id -> null);
    }

    /**
     * One manifest component.
     *
     * @param type    type descriptor of its class
     * @param kind    {@code activity}, {@code service}, {@code receiver}, {@code provider}
     * @param actions the actions of its intent filters
     */
    public record ComponentFacts(String type, String kind, List<String> actions) {
        public ComponentFacts {
            actions = List.copyOf(actions);
        }
    }

    /** Intent parameters of these methods hold the intent that started or reached the component. */
    private static final Set<String> INTENT_RECEIVERS = Set.of("onReceive", "onStartCommand", "onBind", "onUnbind",
            "onRebind", "onHandleIntent", "onNewIntent", "onStart", "onTaskRemoved");

    private final TaintEngine engine;
    private final Android android;
    private final Map<String, List<MethodDef>> callbacksByType = new HashMap<>();

    EntryPoints(TaintEngine engine, Android android) {
        this.engine = engine;
        this.android = android;
    }

    /** Queues the entries known before any code runs. */
    void seed() {
        Map<String, String> components = new LinkedHashMap<>();
        if (android.applicationClass() != null) {
            components.put(android.applicationClass(), "application");
        }
        for (ComponentFacts c : android.components()) {
            components.putIfAbsent(c.type(), c.kind());
        }
        for (Map.Entry<String, String> c : components.entrySet()) {
            if (!engine.isAppClass(c.getKey())) {
                continue;
            }
            AbstractObject instance = engine.objects.get(AbstractObject.Kind.COMPONENT, c.getKey(), c.getKey());
            engine.registerInstance(instance);
            // The framework constructs the component first: field initialisers run there.
            MethodDef init = engine.lookup(c.getKey(), "<init>()V", true);
            if (init != null && init.body() != null) {
                engine.callFromFramework(init, new Value[] {Value.ofObject(instance.id())});
            }
            bindCallbacks(instance);
            if (c.getValue().equals("activity")) {
                for (MethodDef m : onClickHandlers(c.getKey())) {
                    engine.callFromFramework(m, new Value[] {Value.ofObject(instance.id()),
                        frameworkObject("Landroid/view/View;")});
                }
            }
        }
        // Views and fragments named in layouts: the framework inflates them.
        for (String type : android.layoutClasses()) {
            if (!engine.isAppClass(type)) {
                continue;
            }
            AbstractObject view = engine.objects.get(AbstractObject.Kind.FRAMEWORK, "inflated:" + type, type);
            engine.registerInstance(view);
            for (MethodDef init : constructors(type)) {
                Value[] args = frameworkArguments(view, init);
                engine.callFromFramework(init, args);
            }
            bindCallbacks(view);
        }
        if (components.isEmpty() && android.layoutClasses().isEmpty()) {
            seedLibrary();
        }
        for (ClassDef c : engine.program.classes()) {
            MethodDef clinit = c.method("<clinit>", "()V");
            if (clinit != null && clinit.body() != null && !engine.initialisedLazily(c.type())) {
                engine.callFromFramework(clinit, new Value[0]);
            }
        }
    }

    /**
     * An input without components (an SDK's AAR or JAR, or a library scanned alone) is entered the
     * way apps use it: every public or protected method of a public class, on a stand-in instance,
     * with framework stand-ins for its arguments (a {@code Context} an app would pass).
     */
    private void seedLibrary() {
        for (ClassDef c : engine.program.classes()) {
            if (!Access.is(c.access(), Access.PUBLIC) || c.isInterface()) {
                continue;
            }
            AbstractObject instance = null;
            for (MethodDef m : c.methods()) {
                boolean visible = Access.is(m.access(), Access.PUBLIC) || Access.is(m.access(), Access.PROTECTED);
                if (!visible || m.body() == null || m.isAbstract() || m.ref().name().equals("<clinit>")) {
                    continue;
                }
                if (instance == null) {
                    instance = engine.objects.get(AbstractObject.Kind.FRAMEWORK, "library:" + c.type(), c.type());
                    engine.registerInstance(instance);
                    bindCallbacks(instance);
                }
                Value[] args = frameworkArguments(instance, m);
                engine.callFromFramework(m, m.isStatic() ? java.util.Arrays.copyOfRange(args, 1, args.length) : args);
            }
        }
    }

    /** Called when code creates the first instance of a type: its framework overrides go live. */
    void instantiated(AbstractObject o) {
        if (engine.isAppClass(o.type())) {
            engine.registerInstance(o);
            bindCallbacks(o);
        }
    }

    private void bindCallbacks(AbstractObject instance) {
        for (MethodDef m : callbacks(instance.type())) {
            engine.callFromFramework(m, frameworkArguments(instance, m));
        }
    }

    /** The framework's arguments for a call of {@code m} on {@code instance}. */
    Value[] frameworkArguments(AbstractObject instance, MethodDef m) {
        List<String> params = m.ref().parameterTypes();
        Value[] args = new Value[params.size() + 1];
        args[0] = Value.ofObject(instance.id());
        String name = m.ref().name();
        for (int i = 0; i < params.size(); i++) {
            String type = params.get(i);
            Value v;
            if (type.equals("Landroid/content/Intent;") && name.equals("onActivityResult")) {
                v = Value.ofObject(engine.android.resultIntent().id());
            } else if (type.equals("Landroid/content/Intent;") && INTENT_RECEIVERS.contains(name)) {
                v = Value.ofObject(engine.android.incomingIntent(instance.type()).id());
            } else if (type.equals("Landroid/os/Bundle;")) {
                v = Value.ofObject(engine.objects.get(AbstractObject.Kind.FRAMEWORK, "state:" + instance.type(),
                        type).id());
            } else if (Types.isReference(type)) {
                v = frameworkObject(type);
            } else {
                v = Value.EMPTY;
            }
            args[i + 1] = v.join(callbackSource(instance.type(), m, i + 1));
        }
        return args;
    }

    private Value frameworkObject(String type) {
        return Value.ofObject(engine.objects.get(AbstractObject.Kind.FRAMEWORK, type, type).id());
    }

    /** A taint label when the framework method {@code m} overrides hands over personal data in parameter {@code n}. */
    private Value callbackSource(String type, MethodDef m, int n) {
        for (String ancestor : engine.hierarchy.ancestors(type)) {
            if (engine.isAppClass(ancestor)) {
                continue;
            }
            for (Source s : engine.catalogs.sources().callbacksFor(ancestor, m.signature())) {
                if (s.taint().target() == Taint.Target.PARAMETER && s.taint().index() == n) {
                    ClassDef owner = engine.ownerOf(m);
                    return Value.ofTaint(engine.label(s.dataType(), s.api(), owner, m, -1 - n));
                }
            }
        }
        return Value.EMPTY;
    }

    /**
     * The methods of {@code type} (declared in it or inherited from app superclasses) that override
     * a framework method; the most-derived implementation of each signature.
     */
    List<MethodDef> callbacks(String type) {
        return callbacksByType.computeIfAbsent(type, this::computeCallbacks);
    }

    private List<MethodDef> computeCallbacks(String type) {
        List<String> frameworkAncestors = new ArrayList<>();
        List<String> bundledLibraryAncestors = new ArrayList<>();
        for (String a : engine.hierarchy.ancestors(type)) {
            if (!engine.isAppClass(a)) {
                frameworkAncestors.add(a);
            } else if (isBundledFramework(a)) {
                bundledLibraryAncestors.add(a);
            }
        }
        Map<String, MethodDef> bySignature = new LinkedHashMap<>();
        String t = type;
        while (t != null) {
            ClassDef c = engine.hierarchy.appClass(t);
            if (c == null) {
                break;
            }
            for (MethodDef m : c.methods()) {
                if (m.body() == null || m.isStatic() || m.ref().name().startsWith("<")
                        || bySignature.containsKey(m.signature())) {
                    continue;
                }
                if (overridesFramework(m, frameworkAncestors, bundledLibraryAncestors, c.type())) {
                    bySignature.put(m.signature(), m);
                }
            }
            t = c.superType();
        }
        return List.copyOf(bySignature.values());
    }

    private boolean overridesFramework(MethodDef m, List<String> frameworkAncestors, List<String> bundled,
                                       String declaringType) {
        String signature = m.signature();
        for (String a : frameworkAncestors) {
            if (engine.catalogs.frameworkCallbacks().declares(a, signature)) {
                return true;
            }
        }
        // Support-library and AndroidX classes ship inside the app but are driven by the framework.
        if (m.ref().name().startsWith("on") && !isBundledFramework(declaringType)) {
            for (String a : bundled) {
                ClassDef c = engine.hierarchy.appClass(a);
                if (c != null && c.method(m.ref().name(), m.ref().descriptor()) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isBundledFramework(String type) {
        return type.startsWith("Landroid/support/") || type.startsWith("Landroidx/");
    }

    private List<MethodDef> constructors(String type) {
        List<MethodDef> out = new ArrayList<>();
        ClassDef c = engine.hierarchy.appClass(type);
        if (c != null) {
            for (MethodDef m : c.methods()) {
                if (m.ref().name().equals("<init>") && m.body() != null) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private List<MethodDef> onClickHandlers(String activity) {
        List<MethodDef> out = new ArrayList<>();
        if (android.onClickMethods().isEmpty()) {
            return out;
        }
        for (String name : android.onClickMethods()) {
            MethodDef m = engine.lookup(activity, name + "(Landroid/view/View;)V", false);
            if (m != null && m.body() != null) {
                out.add(m);
            }
        }
        return out;
    }
}
