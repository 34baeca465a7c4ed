package org.leakscan.analysis.dataflow;

import java.util.BitSet;
import java.util.Set;
import java.util.TreeSet;
import org.leakscan.catalog.Sink;
import org.leakscan.program.MethodRef;
import org.leakscan.program.Types;

/**
 * Where a request goes: the texts that name a destination (a URL, a host, a phone number) travel
 * with the objects that carry them to the call that sends, in the {@link Fields#TEXT} pseudo-field.
 * A catalogued call's destination arguments name it ({@code new URL(s)}, {@code Request.Builder.url(s)},
 * {@code new Socket(host, port)}, {@code Retrofit.Builder.baseUrl(s)}); a library call on an object
 * that has one hands it on to what it returns ({@code url.openConnection()},
 * {@code builder.build()}, {@code client.newCall(request)}). This is the "second, constant
 * propagation" of the design: it never invents a text; a part it cannot know is
 * {@link StringValues#UNKNOWN}.
 */
final class Destinations {

    private Destinations() {
    }

    /** The texts a value names: its string constants and its objects' recorded text; UNKNOWN when none. */
    static Set<String> texts(TaintEngine engine, MethodState st, Value v) {
        Set<String> out = new TreeSet<>(v.strings());
        if (!v.objects().isEmpty()) {
            out.addAll(engine.read(st, v, engine.fields.id(Fields.TEXT)).strings());
        }
        if (out.isEmpty() || v.mayBeOtherString()) {
            out.add(StringValues.UNKNOWN);
        }
        return out;
    }

    /**
     * After a library call: records the destination its destination arguments name on the receiver
     * (a builder) and on the returned object, or hands the receiver's destination on to the
     * returned object. Returns the call's result, with a result object made when one is needed to
     * carry the destination.
     */
    static Value propagate(TaintEngine engine, MethodState st, MethodRef ref, Sink sink, Value[] args,
                           boolean isStatic, Value result, java.util.function.Supplier<Value> newResult) {
        if (StringValues.isBuilder(ref.owner()) || ref.owner().equals("Ljava/lang/String;")) {
            return result; // string builders keep their own text (StringValues)
        }
        Value receiver = isStatic || args.length == 0 ? Value.EMPTY : args[0];
        boolean named = sink != null && !sink.destinationArgs().isEmpty();
        Set<String> texts = new TreeSet<>();
        boolean fromReceiverOnly = true;
        if (named) {
            for (int a : sink.destinationArgs()) {
                int k = a == 0 ? 0 : a - (isStatic ? 1 : 0);
                if ((a == 0 && isStatic) || k < 0 || k >= args.length) {
                    continue;
                }
                texts.addAll(texts(engine, st, args[k]));
                fromReceiverOnly &= a == 0;
            }
        } else if (!receiver.objects().isEmpty()) {
            Value own = engine.read(st, receiver, engine.fields.id(Fields.TEXT));
            texts.addAll(own.strings());
        }
        if (texts.isEmpty()) {
            return result;
        }
        Value text = Value.ofConstants(texts, false);
        boolean constructor = ref.name().equals("<init>");
        if (constructor || (named && !fromReceiverOnly && !receiver.objects().isEmpty())) {
            // A builder told where to go (and a request constructed with its URL) holds it.
            engine.write(receiver, engine.fields.id(Fields.TEXT), text);
        }
        if (constructor || !Types.isReference(ref.returnType())) {
            return result;
        }
        Value out = result;
        if (out.objects().isEmpty()) {
            out = out.join(newResult.get());
        }
        BitSet targets = (BitSet) out.objects().clone();
        if (fromReceiverOnly) {
            targets.andNot(receiver.objects()); // a call returning its receiver adds nothing
        }
        if (!targets.isEmpty()) {
            engine.write(Value.ofObjects(targets), engine.fields.id(Fields.TEXT), text);
        }
        return out;
    }
}
