package org.leakscan.catalog;

import java.util.List;
import org.leakscan.catalog.TaintTransfer.Endpoint;
import org.leakscan.program.MethodRef;

/**
 * One entry of {@code sinks.json}: a library call through which data can leave the app, or which
 * names where it goes.
 *
 * <p>Arguments are numbered as in the catalogue: 1 is the first declared parameter and 0 is the
 * receiver (instance methods only; for a constructor, the new object). A flow is reported when
 * tainted data reaches one of {@link #dataArgs()}; the constant strings that reach
 * {@link #destinationArgs()} (a URL, host, phone number, file name, intent) name where it went.
 *
 * <p>Three kinds of entry work together with the data-flow engine:
 * <ul>
 *   <li>{@link #sends()} false: the call only builds a request (a {@code URL}, an OkHttp
 *       {@code Request.Builder}, an Apache {@code HttpPost}); {@code models.json} carries the data
 *       on into the request object, and the flow is complete at the later call that sends it.
 *       These entries exist for their destination and to name the place the data entered.</li>
 *   <li>{@link #opens()} not null: the call opens a channel stream (the return value, or for a
 *       constructor the new object), e.g. {@code Socket.getOutputStream()} or
 *       {@code new FileOutputStream(File)}. Writes to that stream, or to wrappers of it, leave
 *       through this entry's kind and destination.</li>
 *   <li>{@link #streamWrite()} true: the data goes into the receiver stream or writer; when the
 *       engine knows where the stream was opened, that entry's kind and destination apply, else
 *       this entry's kind ({@link SinkKind#STREAM}, or {@link SinkKind#LOG} for {@code PrintStream},
 *       which is {@code System.out} or {@code System.err} in most apps).</li>
 * </ul>
 *
 * @param api             the method as declared on the catalogue's owner type; call sites on
 *                        subtypes match through the class hierarchy
 * @param kind            where the data goes
 * @param channel         a finer label that starts with the kind's name, e.g. {@code network.http}
 * @param dataArgs        arguments that carry leaked data, sorted; empty for destination-only and
 *                        stream-opening entries
 * @param destinationArgs arguments that name the destination, sorted; may be empty
 * @param sends           true when the call itself transmits or stores the data
 * @param isStatic        true for static methods, which have no receiver
 * @param verified        false for third-party APIs whose descriptors could not be checked
 *                        against class files here (OkHttp, Firebase, Timber, ...)
 * @param opens           {@link Endpoint#returnValue()} or {@link Endpoint#receiver()} when the
 *                        call opens a channel stream, else null
 * @param streamWrite     true when the data is written into the receiver stream
 * @param notes           permissions, API levels and caveats, for people
 */
public record Sink(MethodRef api, SinkKind kind, String channel, List<Integer> dataArgs, List<Integer> destinationArgs,
        boolean sends, boolean isStatic, boolean verified, Endpoint opens, boolean streamWrite, String notes) {

    public Sink {
        if (api == null || kind == null || channel == null || notes == null) {
            throw new IllegalArgumentException("a sink needs api, kind, channel and notes");
        }
        dataArgs = List.copyOf(dataArgs.stream().sorted().distinct().toList());
        destinationArgs = List.copyOf(destinationArgs.stream().sorted().distinct().toList());
        if (!channel.equals(kind.id()) && !channel.startsWith(kind.id() + ".")) {
            throw new IllegalArgumentException("channel " + channel + " does not start with kind " + kind.id() + ": " + api);
        }
        int parameters = api.parameterTypes().size();
        checkArgs(dataArgs, "dataArgs", api, parameters, isStatic);
        checkArgs(destinationArgs, "destinationArgs", api, parameters, isStatic);
        if (opens != null) {
            boolean ok = switch (opens.kind()) {
                case RECEIVER -> api.isConstructor();
                case RETURN -> !api.isConstructor() && api.returnType().startsWith("L");
                default -> false;
            };
            if (!ok) {
                throw new IllegalArgumentException("opens must be the new object of a constructor or an object return value: " + api);
            }
        }
        if (streamWrite && (isStatic || api.isConstructor() || dataArgs.contains(0))) {
            throw new IllegalArgumentException("a stream write is an instance method writing its arguments into the receiver: " + api);
        }
        if (kind == SinkKind.STREAM && !streamWrite) {
            throw new IllegalArgumentException("a stream sink must be a stream write: " + api);
        }
        if (dataArgs.isEmpty() && destinationArgs.isEmpty() && opens == null) {
            throw new IllegalArgumentException("a sink needs data arguments, destination arguments or opens: " + api);
        }
    }

    private static void checkArgs(List<Integer> args, String name, MethodRef api, int parameters, boolean isStatic) {
        for (int a : args) {
            if (a < 0 || a > parameters) {
                throw new IllegalArgumentException(name + " " + a + " is outside 0.." + parameters + ": " + api);
            }
            if (a == 0 && isStatic) {
                throw new IllegalArgumentException(name + " names the receiver of a static method: " + api);
            }
        }
    }

    /** True when argument {@code index} (0 = receiver) carries leaked data. */
    public boolean carriesData(int index) {
        return dataArgs.contains(index);
    }

    /** True when argument {@code index} (0 = receiver) names the destination. */
    public boolean namesDestination(int index) {
        return destinationArgs.contains(index);
    }

    @Override
    public String toString() {
        return kind.id() + " sink " + api;
    }
}
