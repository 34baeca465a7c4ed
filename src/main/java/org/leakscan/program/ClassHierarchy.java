package org.leakscan.program;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The type hierarchy of an app's classes joined to the library types they extend.
 * App classes come from the {@link Program}; types outside it (framework, JDK) from a
 * {@link Supertypes.Source}, so a call on {@code Lcom/example/MainActivity;} can be matched to a
 * catalogue entry on {@code Landroid/content/Context;}. Thread-safe; answers are cached.
 */
public final class ClassHierarchy {

    private static final String OBJECT = "Ljava/lang/Object;";

    private final Program program;
    private final Supertypes.Source library;
    private final Map<String, List<String>> ancestorsCache = new ConcurrentHashMap<>();
    private final Map<String, List<String>> directSubtypes;

    public ClassHierarchy(Program program, Supertypes.Source library) {
        this.program = program;
        this.library = library;
        Map<String, List<String>> subs = new HashMap<>();
        for (ClassDef c : program.classes()) {
            if (c.superType() != null) {
                subs.computeIfAbsent(c.superType(), k -> new ArrayList<>()).add(c.type());
            }
            for (String i : c.interfaces()) {
                subs.computeIfAbsent(i, k -> new ArrayList<>()).add(c.type());
            }
        }
        subs.replaceAll((k, v) -> List.copyOf(v));
        this.directSubtypes = Collections.unmodifiableMap(subs);
    }

    public Program program() {
        return program;
    }

    /**
     * The app's class of this type, or null when the app has none or when the library source (the
     * Android framework) defines the same type: the boot class path wins over the app's class
     * loader, so an app's own {@code android.telephony.TelephonyManager} never runs (an
     * obfuscation trick to fool analysers).
     */
    public ClassDef appClass(String type) {
        ClassDef c = program.classDef(type);
        return c == null || library.of(type) != null ? null : c;
    }

    /** True when {@code type} is app code that runs (see {@link #appClass}). */
    public boolean isAppClass(String type) {
        return appClass(type) != null;
    }

    /** Direct supertypes from the app, else from the library source, else null. */
    public Supertypes supertypes(String type) {
        ClassDef c = appClass(type);
        if (c != null) {
            return new Supertypes(c.superType(), c.interfaces());
        }
        Supertypes s = library.of(type);
        if (s != null) {
            return s;
        }
        c = program.classDef(type);
        return c == null ? null : new Supertypes(c.superType(), c.interfaces());
    }

    /**
     * The type itself, then its superclasses nearest first, then all interfaces (breadth first),
     * ending with {@code java.lang.Object}. Unknown types end the walk where they stand.
     */
    public List<String> ancestors(String type) {
        return ancestorsCache.computeIfAbsent(type, this::computeAncestors);
    }

    private List<String> computeAncestors(String type) {
        Set<String> out = new LinkedHashSet<>();
        List<String> interfaces = new ArrayList<>();
        String t = type;
        while (t != null && out.add(t)) {
            Supertypes s = supertypes(t);
            if (s == null) {
                break;
            }
            interfaces.addAll(s.interfaces());
            t = s.superType();
        }
        Deque<String> queue = new ArrayDeque<>(interfaces);
        while (!queue.isEmpty()) {
            String i = queue.poll();
            if (out.add(i)) {
                Supertypes s = supertypes(i);
                if (s != null) {
                    queue.addAll(s.interfaces());
                }
            }
        }
        out.remove(OBJECT);
        out.add(OBJECT);
        return List.copyOf(out);
    }

    /** True when {@code type} is {@code ancestor} or extends or implements it. */
    public boolean isSubtype(String type, String ancestor) {
        return type.equals(ancestor) || ancestors(type).contains(ancestor);
    }

    /** App classes that directly extend or implement {@code type}. */
    public List<String> directSubtypes(String type) {
        return directSubtypes.getOrDefault(type, List.of());
    }

    /** App classes that extend or implement {@code type}, at any depth, excluding itself. */
    public Set<String> allSubtypes(String type) {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(directSubtypes(type));
        while (!queue.isEmpty()) {
            String s = queue.poll();
            if (out.add(s)) {
                queue.addAll(directSubtypes(s));
            }
        }
        return out;
    }
}
