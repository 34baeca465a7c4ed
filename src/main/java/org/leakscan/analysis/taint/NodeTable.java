package org.leakscan.analysis.taint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Interns the nodes of one frame by kind and key; ids are dense and follow creation order. */
final class NodeTable {

    private static final String OBJECT = "Ljava/lang/Object;";

    private final Map<Object, Node> byKey = new HashMap<>();
    private final List<Node> byId = new ArrayList<>();

    private record Key(Node.Kind kind, Object key) {
    }

    /** The node for ({@code kind}, {@code key}), made on first request. */
    Node get(Node.Kind kind, Object key, String type, boolean exact) {
        return intern(kind, key, type, exact, -1, -1, 0);
    }

    /** The node for what field {@code field} of {@code parent} held at entry. */
    Node field(Node parent, int field, String type) {
        return intern(Node.Kind.FIELD, List.of(parent.id(), field), type, false, parent.id(), field, parent.depth() + 1);
    }

    private Node intern(Node.Kind kind, Object key, String type, boolean exact, int parent, int field, int depth) {
        Key k = new Key(kind, key);
        Node n = byKey.get(k);
        if (n == null) {
            n = new Node(byId.size(), kind, type == null ? OBJECT : type, exact, key, parent, field, depth);
            byKey.put(k, n);
            byId.add(n);
        }
        return n;
    }

    /** The node for ({@code kind}, {@code key}) if made already, else null. */
    Node find(Node.Kind kind, Object key) {
        return byKey.get(new Key(kind, key));
    }

    Node get(int id) {
        return byId.get(id);
    }

    int size() {
        return byId.size();
    }
}
