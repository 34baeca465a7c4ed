package org.leakscan.analysis.taint;

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
 * {@code new Socket(host, port)}); a library call on an object that has one hands it on to what it
 * returns ({@code url.openConnection()}, {@code builder.build()}, {@code client.newCall(request)}).
 * It never invents a text; a part it cannot know is {@link StringValues#UNKNOWN}. Texts may hold
 * holes for what a caller passes; they are filled where the summary is applied.
 */
final class Destinations {

    private Destinations() {
    }

    /** The texts a value names, as a value of constants: its own texts and its objects' recorded text. */
    static Value textValue(Frame f, Value v) {
        Set<String> out = new TreeSet<>(v.texts());
        if (!v.objects().isEmpty()) {
            out.addAll(f.read(v, f.fields.text).texts());
        }
        if (out.isEmpty() || v.mayBeOtherString()) {
            out.add(StringValues.UNKNOWN);
        }
        return Value.ofConstants(out, false);
    }

    /**
     * After a library call: records the destination its destination arguments name on the receiver
     * (a builder) and on the returned object, or hands the receiver's destination on to the returned
     * object. Returns the call's result, with a result object made when one is needed to carry it.
     */
    static Value propagate(Frame f, Site site, MethodRef ref, Sink sink, Value[] args, boolean isStatic, Value result) {
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
                texts.addAll(textValue(f, args[k]).texts());
                fromReceiverOnly &= a == 0;
            }
        } else if (!receiver.objects().isEmpty()) {
            texts.addAll(f.read(receiver, f.fields.text).texts());
        }
        if (texts.isEmpty()) {
            return result;
        }
        Value text = Value.ofConstants(texts, false);
        boolean constructor = ref.isConstructor();
        if (constructor || (named && !fromReceiverOnly && !receiver.objects().isEmpty())) {
            // A builder told where to go (and a request constructed with its URL) holds it.
            f.write(receiver, f.fields.text, text);
        }
        if (constructor || !Types.isReference(ref.returnType())) {
            return result;
        }
        Value out = result;
        if (out.objects().isEmpty()) {
            out = out.join(LibraryModels.resultObject(f, site, ref));
        }
        BitSet targets = (BitSet) out.objects().clone();
        if (fromReceiverOnly) {
            targets.andNot(receiver.objects()); // a call returning its receiver adds nothing
        }
        if (!targets.isEmpty()) {
            f.write(Value.ofObjects(targets), f.fields.text, text);
        }
        return out;
    }
}
