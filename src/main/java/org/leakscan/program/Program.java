package org.leakscan.program;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All classes of one app, frozen after loading. Classes are sorted by type so that every pass
 * visits them in the same order whatever the thread count. When two code units define the same
 * class, the first in load order wins, as Android's class loader does with
 * {@code classes.dex, classes2.dex, ...}; the losers are kept in {@link #duplicates()}.
 */
public final class Program {

    private final List<ClassDef> classes;
    private final Map<String, ClassDef> byType;
    private final List<ClassDef> duplicates;

    /** @param classesInLoadOrder classes as read, first definition first */
    public Program(List<ClassDef> classesInLoadOrder) {
        Map<String, ClassDef> map = new LinkedHashMap<>();
        List<ClassDef> dups = new ArrayList<>();
        for (ClassDef c : classesInLoadOrder) {
            if (map.putIfAbsent(c.type(), c) != null) {
                dups.add(c);
            }
        }
        List<ClassDef> sorted = new ArrayList<>(map.values());
        sorted.sort(Comparator.comparing(ClassDef::type));
        this.classes = Collections.unmodifiableList(sorted);
        this.byType = Collections.unmodifiableMap(map);
        this.duplicates = List.copyOf(dups);
    }

    /** Classes sorted by type descriptor. */
    public List<ClassDef> classes() {
        return classes;
    }

    /** The class with this type descriptor, or null when it is not part of the app. */
    public ClassDef classDef(String type) {
        return byType.get(type);
    }

    public boolean contains(String type) {
        return byType.containsKey(type);
    }

    /** Definitions that lost to an earlier one with the same type. */
    public List<ClassDef> duplicates() {
        return duplicates;
    }

    /** The method body declared exactly at {@code ref}, or null. */
    public MethodDef method(MethodRef ref) {
        ClassDef c = byType.get(ref.owner());
        return c == null ? null : c.method(ref.name(), ref.descriptor());
    }

    public int methodCount() {
        int n = 0;
        for (ClassDef c : classes) {
            n += c.methods().size();
        }
        return n;
    }
}
