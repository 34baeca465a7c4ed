package org.leakscan.program;

import java.util.List;

/**
 * Instructions {@code [start, end)} are covered by {@code handlers}, tried in order.
 */
public record TryBlock(int start, int end, List<Handler> handlers) {

    public TryBlock {
        handlers = List.copyOf(handlers);
    }

    /** A catch clause: {@code type} is a type descriptor, or null for catch-all (finally). */
    public record Handler(String type, int target) {
    }
}
