package org.leakscan.analysis.taint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leakscan.program.ClassDef;
import org.leakscan.program.MethodDef;

/**
 * The methods of an app class that the framework calls: those overriding a framework method
 * listed in {@code framework-callbacks.json} (lifecycle, listeners, {@code Runnable.run}...), and
 * {@code on...} methods overriding a support-library or AndroidX class (which ship inside the app but
 * are driven by the framework). Once an object of such a class exists, these methods are entries.
 */
final class CallbackMethods {

    private final Scope scope;
    private final Map<String, List<MethodDef>> byType = new HashMap<>();

    CallbackMethods(Scope scope) {
        this.scope = scope;
    }

    boolean hasCallbacks(String type) {
        return scope.isAppClass(type) && !of(type).isEmpty();
    }

    /** The most-derived implementation of each framework-called signature of {@code type}. */
    List<MethodDef> of(String type) {
        return byType.computeIfAbsent(type, this::compute);
    }

    private List<MethodDef> compute(String type) {
        if (!scope.isAppClass(type)) {
            return List.of();
        }
        List<String> frameworkAncestors = new ArrayList<>();
        List<String> bundledAncestors = new ArrayList<>();
        for (String a : scope.hierarchy.ancestors(type)) {
            if (!scope.isAppClass(a)) {
                frameworkAncestors.add(a);
            } else if (isBundledFramework(a)) {
                bundledAncestors.add(a);
            }
        }
        Map<String, MethodDef> bySignature = new LinkedHashMap<>();
        String t = type;
        while (t != null) {
            ClassDef c = scope.hierarchy.appClass(t);
            if (c == null) {
                break;
            }
            for (MethodDef m : c.methods()) {
                if (m.body() == null || m.isStatic() || m.ref().name().startsWith("<")
                        || bySignature.containsKey(m.signature())) {
                    continue;
                }
                if (scope.isInfrastructure(c.type())) {
                    // A support library's own override: library code, never analysed; the signature
                    // stays taken so its framework method is not bound either.
                    bySignature.put(m.signature(), null);
                    continue;
                }
                if (overridesFramework(m, frameworkAncestors, bundledAncestors, c.type())) {
                    bySignature.put(m.signature(), m);
                }
            }
            t = c.superType();
        }
        List<MethodDef> out = new ArrayList<>();
        for (MethodDef m : bySignature.values()) {
            if (m != null) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    private boolean overridesFramework(MethodDef m, List<String> frameworkAncestors, List<String> bundled,
                                       String declaringType) {
        String signature = m.signature();
        for (String a : frameworkAncestors) {
            if (scope.catalogs.frameworkCallbacks().declares(a, signature)) {
                return true;
            }
        }
        if (m.ref().name().startsWith("on") && !isBundledFramework(declaringType)) {
            for (String a : bundled) {
                ClassDef c = scope.hierarchy.appClass(a);
                if (c != null && c.method(m.ref().name(), m.ref().descriptor()) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isBundledFramework(String type) {
        return type.startsWith("Landroid/support/") || type.startsWith("Landroidx/");
    }
}
