package org.leakscan.analysis.taint;

import java.util.BitSet;
import java.util.List;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodDef;
import org.leakscan.program.MethodRef;

/**
 * Work handed to another thread runs with what it was given: {@code Thread.start} runs the thread's
 * {@code Runnable}, executors, handlers, views, activities and timers run the {@code Runnable},
 * {@code Callable} or {@code TimerTask} they get, and {@code AsyncTask.execute} runs
 * {@code doInBackground} and then {@code onPostExecute} with its result. Each is taken as a call at
 * the place the work is handed over; where the work object comes from a caller, the hand-over is
 * left to that caller.
 */
final class Threads {

    private final Scope scope;

    Threads(Scope scope) {
        this.scope = scope;
    }

    Frame.CallResult handle(Frame f, Site site, Insn.Invoke call, Value[] args) {
        MethodRef ref = call.method();
        String name = ref.name();
        String owner = ref.owner();
        boolean isStatic = call.isStatic();
        int runs = f.fields.runs;
        if (!isStatic && owner.equals("Ljava/lang/Thread;") && name.equals("<init>")) {
            for (int i = 1; i < args.length; i++) {
                if (ref.parameterTypes().get(i - 1).equals("Ljava/lang/Runnable;")) {
                    f.write(args[0], runs, args[i]);
                }
            }
            return null;
        }
        if (!isStatic && name.equals("start") && ref.descriptor().equals("()V")
                && scope.hierarchy.isSubtype(owner, "Ljava/lang/Thread;")) {
            // Work the frame knows is run here, with what it holds; work from a caller runs anyway:
            // every app Runnable is a framework callback once it exists (see EntryPoints).
            run(f, site, known(f, f.read(args[0], runs)), "run()V", new Value[0]);
            return Frame.CallResult.NOTHING;
        }
        if (!isStatic && (name.equals("execute") || name.equals("executeOnExecutor"))
                && scope.hierarchy.isSubtype(owner, "Landroid/os/AsyncTask;")) {
            if (f.hasInputObjects(args[0])) {
                return Frame.CallResult.of(args[0]); // its callbacks run as entries of their own
            }
            Value params = args[args.length - 1];
            Value result = run(f, site, args[0], "doInBackground([Ljava/lang/Object;)Ljava/lang/Object;",
                    new Value[] {params});
            run(f, site, args[0], "onPostExecute(Ljava/lang/Object;)V", new Value[] {result});
            return Frame.CallResult.of(args[0]);
        }
        boolean runner = name.equals("execute") || name.equals("submit") || name.startsWith("post")
                || name.equals("runOnUiThread") || name.startsWith("schedule") || name.equals("invokeAll")
                || name.equals("invokeAny");
        if (!runner) {
            return null;
        }
        List<String> params = ref.parameterTypes();
        for (int i = 0; i < params.size(); i++) {
            String p = params.get(i);
            int a = i + (isStatic ? 0 : 1);
            if (a >= args.length) {
                break;
            }
            boolean task = p.equals("Ljava/lang/Runnable;") || p.equals("Ljava/util/TimerTask;")
                    || p.equals("Ljava/util/concurrent/Callable;");
            if (!task) {
                continue;
            }
            Value work = known(f, args[a]);
            if (p.equals("Ljava/util/concurrent/Callable;")) {
                return Frame.CallResult.of(run(f, site, work, "call()Ljava/lang/Object;", new Value[0]));
            }
            run(f, site, work, "run()V", new Value[0]);
        }
        return null;
    }

    /** The objects of {@code v} the frame made itself (known types); the others are a caller's. */
    private static Value known(Frame f, Value v) {
        BitSet keep = new BitSet();
        BitSet objs = v.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            if (!f.isInput(o)) {
                keep.set(o);
            }
        }
        return Value.ofObjects(keep);
    }

    /** Calls {@code signature} on every app object {@code receivers} may be; returns the joined results. */
    Value run(Frame f, Site site, Value receivers, String signature, Value[] params) {
        Value out = Value.EMPTY;
        BitSet objs = receivers.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            MethodDef m = scope.lookup(f.node(o).type(), signature, false);
            if (m != null && m.body() != null) {
                Value[] args = new Value[params.length + 1];
                args[0] = Value.ofObject(o);
                System.arraycopy(params, 0, args, 1, params.length);
                out = out.join(f.callApp(site, m, args).value());
            }
        }
        return out;
    }
}
