package org.leakscan.analysis;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.leakscan.program.ClassDef;
import org.leakscan.program.ClassHierarchy;
import org.leakscan.program.FieldRef;
import org.leakscan.program.MethodDef;
import org.leakscan.program.MethodRef;

/**
 * Matches a reference as written at a call site to a catalogue key. A call names its static
 * receiver type ({@code Lcom/example/MainActivity;->getSystemService(...)}), while catalogues name
 * the framework type that declares the method ({@code Landroid/content/Context;}). The resolver
 * walks the receiver's ancestors, nearest first, and asks the catalogue at each. A class inside
 * the app can be a catalogue key too (apps bundle SDKs such as Play services' advertising-ID
 * client), but the walk stops after the first app class that implements the method itself:
 * above it, the framework method is overridden and never runs.
 */
public final class ApiResolver {

    /** A catalogue lookup by (declaring type, {@code name(descriptor)}); null when absent. */
    @FunctionalInterface
    public interface Lookup<T> {
        T find(String type, String signature);
    }

    private final ClassHierarchy hierarchy;
    private final ConcurrentHashMap<MethodRef, List<String>> candidates = new ConcurrentHashMap<>();

    public ApiResolver(ClassHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    /** The first catalogue entry the call resolves to, or null. */
    public <T> T resolve(MethodRef called, Lookup<T> lookup) {
        String signature = called.signature();
        for (String type : candidateTypes(called)) {
            T found = lookup.find(type, signature);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The first catalogue entry a field read resolves to (fields are inherited too), or null. */
    public <T> T resolveField(FieldRef read, Lookup<T> lookup) {
        String key = read.name() + ":" + read.type();
        for (String type : hierarchy.ancestors(read.owner())) {
            T found = lookup.find(type, key);
            if (found != null) {
                return found;
            }
            ClassDef c = hierarchy.appClass(type);
            if (c != null && c.fields().stream().anyMatch(f -> f.ref().name().equals(read.name()))) {
                return null;
            }
        }
        return null;
    }

    /** Types to ask, nearest first, ending with the first app class that implements the method. */
    List<String> candidateTypes(MethodRef called) {
        return candidates.computeIfAbsent(called, this::computeCandidates);
    }

    private List<String> computeCandidates(MethodRef called) {
        List<String> ancestors = hierarchy.ancestors(called.owner());
        java.util.ArrayList<String> out = new java.util.ArrayList<>(ancestors.size());
        for (String type : ancestors) {
            out.add(type);
            ClassDef c = hierarchy.appClass(type);
            if (c != null) {
                MethodDef m = c.method(called.name(), called.descriptor());
                if (m != null && !m.isAbstract()) {
                    break; // this implementation runs; what it overrides does not
                }
            }
        }
        return List.copyOf(out);
    }
}
