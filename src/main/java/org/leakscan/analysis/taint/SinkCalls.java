package org.leakscan.analysis.taint;

import java.util.Set;
import java.util.TreeSet;
import org.leakscan.catalog.Sink;
import org.leakscan.catalog.SinkKind;

/**
 * A library call the catalogues name as a sink: what its data arguments carry is reported where
 * it leads (its destination arguments; for a write into a stream, the sink that opened the
 * stream), and when they carry nothing the tests that decided the call may still make an implicit
 * flow. {@link LibraryModels} decides that the call is a sink; this class says what it sends.
 */
final class SinkCalls {

    /**
     * Sink channels that keep data in the app's own key-value and database stores: modelled (what
     * is stored can be read back), not reported. Files, even private ones, are reported.
     */
    private static final Set<String> PRIVATE_STORAGE = Set.of("file.prefs", "file.sqlite");

    private SinkCalls() {
    }

    /**
     * Reports what a sink's data arguments carry. When they carry nothing explicitly, the tests
     * that decided what they are, or whether the call runs at all, make an implicit flow. A sink
     * that already sends data explicitly is not charged with the tests that guard it.
     */
    static void report(Frame f, Site site, Sink sink, Value[] args, boolean isStatic, TaintSet implicit) {
        if (!sink.sends() || PRIVATE_STORAGE.contains(sink.channel())) {
            return;
        }
        TaintSet taint = TaintSet.EMPTY;
        TaintSet implicitTaint = implicit;
        for (int a : sink.dataArgs()) {
            int k = index(a, args, isStatic);
            if (k < 0) {
                continue;
            }
            // What a network call is handed (not the object it is made on) is serialised onto the
            // wire whole: an app's request or model object sends its own fields too, and a file
            // its content (fullTaint reads @file).
            boolean receiver = a == 0 && !isStatic;
            boolean wire = sink.kind() == SinkKind.NETWORK && !receiver;
            taint = taint.union(wire ? f.fullTaint(args[k]) : f.contentTaint(args[k]));
            if (!receiver && !wire && LibraryModels.isFile(sink.api(), k - (isStatic ? 0 : 1))) {
                taint = taint.union(f.fullTaint(f.read(args[k], f.fields.fileData))); // the file is sent
            }
            implicitTaint = implicitTaint.union(args[k].implicit());
        }
        if (taint.isEmpty() && implicitTaint.isEmpty()) {
            if (!sink.streamWrite()) {
                f.bareSink(new SinkSite(site, sink.api().toString(), sink.kind().id(), sink.channel()),
                        destination(f, sink, args, isStatic));
            }
            return;
        }
        if (sink.streamWrite()) {
            streamWrite(f, site, sink, LibraryModels.receiver(args, isStatic), taint, implicitTaint);
            return;
        }
        f.hit(new SinkSite(site, sink.api().toString(), sink.kind().id(), sink.channel()), taint, implicitTaint,
                destination(f, sink, args, isStatic));
    }

    /** What a sink's destination arguments name. */
    private static Value destination(Frame f, Sink sink, Value[] args, boolean isStatic) {
        Value destination = Value.EMPTY;
        for (int a : sink.destinationArgs()) {
            int k = index(a, args, isStatic);
            if (k >= 0) {
                destination = destination.join(Destinations.textValue(f, args[k]));
            }
        }
        return destination;
    }

    /**
     * Data written into a stream leaves where the stream leads: the sink that opened it (or what it
     * wraps), decided where the stream is known; an in-memory stream is no leak.
     */
    private static void streamWrite(Frame f, Site site, Sink sink, Value stream, TaintSet taint, TaintSet implicit) {
        Value openers = openers(f, stream);
        for (String opener : openers.strings()) {
            String[] parts = opener.split("\\|", 4);
            if (parts.length < 3) {
                continue;
            }
            if (parts[0].equals("file")) {
                // What goes into a file can be read back by a later read of a file.
                f.write(Intents.files(f), f.fields.content, Value.ofTaint(taint));
            }
            if (PRIVATE_STORAGE.contains(parts[1])) {
                continue;
            }
            // The data leaves at this write; where it goes is what opened the stream.
            f.hit(new SinkSite(site, sink.api().toString(), parts[0], parts[1]), taint, implicit,
                    parts.length > 3 && !parts[3].isEmpty() ? Value.ofConstant(parts[3]) : Value.EMPTY);
        }
    }

    /** {@code kind|channel|api|destination} of the sinks that opened a stream, following wrappers. */
    static Value openers(Frame f, Value stream) {
        Value out = Value.EMPTY;
        Value current = stream;
        for (int depth = 0; depth < 6 && !current.objects().isEmpty(); depth++) {
            out = out.join(StringValues.keepTexts(f.read(current, f.fields.openedBy)));
            current = f.read(current, f.fields.wraps);
        }
        return out;
    }

    /** {@code kind|channel|api|destination}, one per destination text the sink's destination arguments name. */
    static Value openerKeys(Frame f, Sink sink, Value[] args, boolean isStatic) {
        Set<String> destinations = new TreeSet<>();
        for (int a : sink.destinationArgs()) {
            int k = index(a, args, isStatic);
            if (k >= 0) {
                destinations.addAll(Destinations.textValue(f, args[k]).texts());
            }
        }
        if (destinations.isEmpty()) {
            destinations.add("");
        }
        String kind = sink.kind() == SinkKind.STREAM ? "stream" : sink.kind().id();
        Set<String> out = new TreeSet<>();
        for (String d : destinations) {
            out.add(kind + "|" + sink.channel() + "|" + sink.api() + "|" + d);
        }
        return Value.ofConstants(out, false);
    }

    /**
     * Where a catalogue's argument number ({@code 0} the receiver, then the parameters from 1) is
     * among a call's argument registers; -1 when the call has no such argument (a static call's
     * receiver, a number past its parameters).
     */
    private static int index(int a, Value[] args, boolean isStatic) {
        int k = a == 0 ? 0 : a - (isStatic ? 1 : 0);
        return (a == 0 && isStatic) || k < 0 || k >= args.length ? -1 : k;
    }
}
