package org.leakscan.analysis.taint;

import java.util.ArrayList;
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
 * entry, in any order (the top-level heap is shared, so one lifecycle method sees what another
 * stored). Any other app object whose class overrides framework methods (listeners,
 * {@code Runnable}, {@code AsyncTask}, fragments) makes those methods entries once it exists.
 * {@code android:onClick} handlers from layouts and the app's static initialisers are entries too.
 * Parameters the framework passes are framework objects; a callback source's parameter
 * ({@code onLocationChanged(Location)}) carries a taint label.
 */
final class EntryPoints {

    /** Intent parameters of these methods hold the intent that started or reached the component. */
    private static final Set<String> INTENT_RECEIVERS = Set.of("onReceive", "onStartCommand", "onBind", "onUnbind",
            "onRebind", "onHandleIntent", "onNewIntent", "onStart", "onTaskRemoved");

    private final Scope scope;
    private final TopFrame top;

    EntryPoints(Scope scope, TopFrame top) {
        this.scope = scope;
        this.top = top;
    }

    /** Adds the entries known before any code runs. */
    void seed() {
        AppFacts app = scope.app;
        Map<String, String> components = new LinkedHashMap<>();
        if (app.applicationClass() != null) {
            components.put(app.applicationClass(), "application");
        }
        for (AppFacts.Component c : app.components()) {
            components.putIfAbsent(c.type(), c.kind());
        }
        for (Map.Entry<String, String> c : components.entrySet()) {
            if (!scope.isAppClass(c.getKey())) {
                continue;
            }
            Node instance = top.global("component:" + c.getKey(), c.getKey());
            registerInstance(instance);
            // The framework constructs the component first: field initialisers run there.
            MethodDef init = scope.lookup(c.getKey(), "<init>()V", true);
            if (init != null && init.body() != null) {
                top.addEntry(init, new Value[] {Value.ofObject(instance.id())});
            }
            bindCallbacks(instance);
            if (c.getValue().equals("activity")) {
                for (MethodDef m : onClickHandlers(c.getKey())) {
                    top.addEntry(m, new Value[] {Value.ofObject(instance.id()), frameworkObject("Landroid/view/View;")});
                }
            }
        }
        // Views and fragments named in layouts: the framework inflates them.
        for (String type : app.layoutClasses()) {
            if (!scope.isAppClass(type)) {
                continue;
            }
            Node view = top.global("inflated:" + type, type);
            registerInstance(view);
            for (MethodDef init : constructors(type)) {
                top.addEntry(init, frameworkArguments(view, init));
            }
            bindCallbacks(view);
        }
        if (components.isEmpty() && app.layoutClasses().isEmpty()) {
            seedLibrary();
        }
        for (ClassDef c : scope.program.classes()) {
            MethodDef clinit = c.method("<clinit>", "()V");
            if (clinit != null && clinit.body() != null && !scope.isBundledLibrary(c.type())
                    && !scope.isInfrastructure(c.type())) {
                top.addEntry(clinit, new Value[0]);
            }
        }
    }

    /**
     * An input without components (an SDK's AAR or JAR, or a library scanned alone) is entered the
     * way apps use it: every public or protected method of a public class, on a stand-in instance,
     * with framework stand-ins for its arguments.
     */
    private void seedLibrary() {
        for (ClassDef c : scope.program.classes()) {
            if (!Access.is(c.access(), Access.PUBLIC) || c.isInterface()) {
                continue;
            }
            Node instance = null;
            for (MethodDef m : c.methods()) {
                boolean visible = Access.is(m.access(), Access.PUBLIC) || Access.is(m.access(), Access.PROTECTED);
                if (!visible || m.body() == null || m.isAbstract() || m.ref().name().equals("<clinit>")) {
                    continue;
                }
                if (instance == null) {
                    instance = top.global("library:" + c.type(), c.type());
                    registerInstance(instance);
                    bindCallbacks(instance);
                }
                Value[] args = frameworkArguments(instance, m);
                top.addEntry(m, m.isStatic() ? java.util.Arrays.copyOfRange(args, 1, args.length) : args);
            }
        }
    }

    /** A new object at the top level: an app object's callbacks go live and it stands in for its types. */
    void instantiated(Node n) {
        if (scope.isAppClass(n.type())) {
            registerInstance(n);
            bindCallbacks(n);
        }
    }

    /** Records an app instance so stand-ins of its framework supertypes resolve to it. */
    private void registerInstance(Node n) {
        for (String t : LibraryModels.STAND_IN_TYPES) {
            if (scope.hierarchy.isSubtype(n.type(), t)) {
                top.writeStatic("@instances:" + t, Value.ofObject(n.id()));
            }
        }
    }

    private void bindCallbacks(Node instance) {
        for (MethodDef m : scope.callbacks.of(instance.type())) {
            top.addEntry(m, frameworkArguments(instance, m));
        }
    }

    /** The framework's arguments for a call of {@code m} on {@code instance}. */
    private Value[] frameworkArguments(Node instance, MethodDef m) {
        List<String> params = m.ref().parameterTypes();
        Value[] args = new Value[params.size() + 1];
        args[0] = Value.ofObject(instance.id());
        String name = m.ref().name();
        for (int i = 0; i < params.size(); i++) {
            String type = params.get(i);
            Value v;
            if (type.equals(Intents.INTENT) && name.equals("onActivityResult")) {
                v = Value.ofObject(Intents.resultIntent(top).id());
            } else if (type.equals(Intents.INTENT) && INTENT_RECEIVERS.contains(name)) {
                v = Value.ofObject(Intents.incomingIntent(top, instance.type()).id());
            } else if (type.equals("Landroid/os/Bundle;")) {
                v = Value.ofObject(top.global("state:" + instance.type(), type).id());
            } else if (LibraryModels.STAND_IN_TYPES.contains(type)) {
                v = top.globalValue("standin:" + type, type);
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
        return Value.ofObject(top.global("framework:" + type, type).id());
    }

    /** A taint label when the framework method {@code m} overrides hands over personal data in parameter {@code n}. */
    private Value callbackSource(String type, MethodDef m, int n) {
        for (String ancestor : scope.hierarchy.ancestors(type)) {
            if (scope.isAppClass(ancestor)) {
                continue;
            }
            for (Source s : scope.catalogs.sources().callbacksFor(ancestor, m.signature())) {
                if (s.taint().target() == Taint.Target.PARAMETER && s.taint().index() == n) {
                    return Value.ofTaint(top.label(s.dataType(), s.api(), new Site(m, -1 - n)));
                }
            }
        }
        return Value.EMPTY;
    }

    private List<MethodDef> constructors(String type) {
        List<MethodDef> out = new ArrayList<>();
        ClassDef c = scope.hierarchy.appClass(type);
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
        for (String name : scope.app.onClickMethods()) {
            MethodDef m = scope.lookup(activity, name + "(Landroid/view/View;)V", false);
            if (m != null && m.body() != null) {
                out.add(m);
            }
        }
        return out;
    }
}
