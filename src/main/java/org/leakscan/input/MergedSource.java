package org.leakscan.input;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entries of several sources under one set of names, as the app sees them once installed: the
 * base APK's files and those its splits add ({@code lib/arm64-v8a/…} from a config split), or an
 * AAB module's {@code res/}, {@code assets/} and {@code lib/} without the module folder in front.
 * When two sources have the same name, the first one added wins (the base).
 */
final class MergedSource implements EntrySource {

    private record Target(EntrySource source, String name) {
    }

    private final Map<String, Target> entries = new LinkedHashMap<>();

    /** Adds {@code inner} of {@code source} as {@code name}, unless the name is taken; true when added. */
    boolean add(String name, EntrySource source, String inner) {
        return entries.putIfAbsent(name, new Target(source, inner)) == null;
    }

    @Override
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    @Override
    public byte[] read(String name) throws InputException {
        Target t = entries.get(name);
        if (t == null) {
            throw new InputException("no entry '" + name + "'");
        }
        return t.source().read(t.name());
    }

    @Override
    public long size(String name) {
        Target t = entries.get(name);
        return t == null ? -1 : t.source().size(t.name());
    }
}
