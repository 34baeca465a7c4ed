package org.leakscan.analysis.dataflow;

import org.leakscan.program.ClassDef;
import org.leakscan.program.MethodDef;

/**
 * Tainted data reaching a sink: one source label at one sink call site.
 *
 * @param label       the source's taint label
 * @param api         the sink API (DEX descriptor)
 * @param kind        {@code network}, {@code sms}, {@code log}, {@code file}, {@code ipc}, ...
 * @param channel     the finer channel, e.g. {@code network.http}
 * @param owner       the class of the calling code
 * @param method      the calling method
 * @param index       the call's instruction index
 * @param destination what the destination arguments hold as constants (URL, number, intent target), may be empty
 */
public record SinkHit(int label, String api, String kind, String channel, ClassDef owner, MethodDef method, int index,
                      java.util.List<String> destination) {

    public SinkHit {
        destination = java.util.List.copyOf(destination);
    }
}
