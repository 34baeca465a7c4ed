package org.leakscan.catalog;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Longest-prefix lookup of class names over package prefixes that end with a dot, one character
 * per level. A lookup walks the name once and allocates nothing, so it can be asked about every
 * class of an app with 100,000 of them. A prefix can also be marked excluded: a class under it
 * matches nothing unless a longer prefix under the exclusion says otherwise.
 *
 * <p>Built once through {@link Builder}, then immutable and thread-safe.
 *
 * @param <T> what a prefix maps to
 */
final class PackagePrefixTrie<T> {

    private static final char[] NO_KEYS = new char[0];

    /** One character position. {@code keys} is sorted and parallel to {@code next}. */
    private static final class Node {
        char[] keys = NO_KEYS;
        Node[] next = new Node[0];
        /** The value of the prefix ending here (at a '.'), or null. */
        Object value;
        /** True when the prefix ending here is excluded. */
        boolean excluded;

        Node child(char c) {
            int i = Arrays.binarySearch(keys, c);
            return i < 0 ? null : next[i];
        }
    }

    private final Node root;

    private PackagePrefixTrie(Node root) {
        this.root = root;
    }

    /**
     * The value of the longest prefix of {@code className} that is not excluded, or null when none
     * matches or the longest match is an exclusion. Binary names with {@code /} separators
     * ({@code com/appsflyer/AppsFlyerLib}) are matched as if dotted.
     */
    @SuppressWarnings("unchecked")
    T lookup(CharSequence className) {
        Node node = root;
        Object best = null;
        int length = className.length();
        for (int i = 0; i < length; i++) {
            char c = className.charAt(i);
            if (c == '/') {
                c = '.';
            }
            node = node.child(c);
            if (node == null) {
                break;
            }
            if (c == '.') {
                if (node.excluded) {
                    best = null;
                } else if (node.value != null) {
                    best = node.value;
                }
            }
        }
        return (T) best;
    }

    /** Collects prefixes, then freezes them into a trie. Not thread-safe. */
    static final class Builder<T> {
        private final Map<String, T> values = new TreeMap<>();
        private final Map<String, Boolean> excluded = new TreeMap<>();

        /**
         * Maps {@code prefix} (ending with a dot) to {@code value}.
         *
         * @return the value already mapped to that prefix, or null
         */
        T put(String prefix, T value) {
            requireDot(prefix);
            return values.putIfAbsent(prefix, value);
        }

        /** Marks {@code prefix} (ending with a dot) as matching nothing. */
        void exclude(String prefix) {
            requireDot(prefix);
            excluded.put(prefix, Boolean.TRUE);
        }

        PackagePrefixTrie<T> build() {
            MutableNode root = new MutableNode();
            values.forEach((prefix, value) -> insert(root, prefix).value = value);
            excluded.keySet().forEach(prefix -> insert(root, prefix).excluded = true);
            return new PackagePrefixTrie<>(root.freeze());
        }

        private static void requireDot(String prefix) {
            if (prefix.isEmpty() || prefix.charAt(prefix.length() - 1) != '.') {
                throw new IllegalArgumentException("a package prefix ends with a dot: " + prefix);
            }
        }

        private static MutableNode insert(MutableNode root, String prefix) {
            MutableNode node = root;
            for (int i = 0; i < prefix.length(); i++) {
                node = node.children.computeIfAbsent(prefix.charAt(i), c -> new MutableNode());
            }
            return node;
        }
    }

    private static final class MutableNode {
        final TreeMap<Character, MutableNode> children = new TreeMap<>();
        Object value;
        boolean excluded;

        Node freeze() {
            Node node = new Node();
            node.value = value;
            node.excluded = excluded;
            node.keys = new char[children.size()];
            node.next = new Node[children.size()];
            int i = 0;
            for (Map.Entry<Character, MutableNode> e : children.entrySet()) {
                node.keys[i] = e.getKey();
                node.next[i] = e.getValue().freeze();
                i++;
            }
            return node;
        }
    }
}
