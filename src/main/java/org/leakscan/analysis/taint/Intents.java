package org.leakscan.analysis.taint;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodRef;

/**
 * Intents between the app's own components: {@code startActivity}, {@code startService},
 * {@code sendBroadcast}... deliver the intent's extras to the target component's incoming intent
 * ({@code getIntent()}, {@code onReceive}'s parameter), resolved from explicit classes in the
 * manifest or from actions matched against intent filters and receivers registered in code; only
 * an intent that may leave the app is a sink. Also {@code setResult} to {@code onActivityResult}.
 * Component targets and incoming intents are app-wide objects ({@link Frame#global}), so a
 * delivery made inside a summary reaches the top level as that summary's effect.
 */
final class Intents {

    static final String INTENT = "Landroid/content/Intent;";
    private static final String CLASS_TARGET = "class:";
    private static final String ACTION_TARGET = "action:";
    private static final Set<String> START_ACTIVITY = Set.of("startActivity", "startActivityForResult",
            "startActivityIfNeeded", "startActivities", "startActivityFromFragment", "startActivityFromChild");
    private static final Set<String> START_SERVICE = Set.of("startService", "startForegroundService", "bindService");
    private static final Set<String> BROADCAST = Set.of("sendBroadcast", "sendOrderedBroadcast", "sendStickyBroadcast",
            "sendBroadcastAsUser", "sendStickyOrderedBroadcast");

    private final Scope scope;
    /** Receivers registered in code (top level only): receiver type and action (null: any). */
    private final List<String[]> dynamicReceivers = new ArrayList<>();

    Intents(Scope scope) {
        this.scope = scope;
    }

    static Node incomingIntent(Frame f, String componentType) {
        return f.global("in:" + componentType, INTENT);
    }

    static Node resultIntent(Frame f) {
        return f.global("result", INTENT);
    }

    /** Every file the app writes and reads, as one store: writes reach later reads. */
    static Value files(Frame f) {
        return Value.ofObject(f.global("files", "Ljava/io/File;").id());
    }

    /** Handles the call and returns its result, or null to let the catalogues decide. */
    Frame.CallResult handle(Frame f, Site site, Insn.Invoke call, Value[] args) {
        MethodRef ref = call.method();
        String name = ref.name();
        String owner = ref.owner();
        boolean isStatic = call.isStatic();
        if (owner.equals(INTENT) || owner.equals("Landroid/content/ComponentName;")
                || owner.equals("Landroid/content/IntentFilter;")) {
            if (!isStatic) {
                if (targetIsCallers(f, ref, args)) {
                    return f.defer(site, call, args);
                }
                recordTarget(f, ref, args);
            }
            return null;
        }
        if (isStatic || args.length == 0) {
            return null;
        }
        if (START_ACTIVITY.contains(name) || START_SERVICE.contains(name) || BROADCAST.contains(name)) {
            int i = intentArgument(ref);
            if (i > 0 && !owner.startsWith("Ljava/")) {
                String kind = START_ACTIVITY.contains(name) ? "activity" : START_SERVICE.contains(name) ? "service"
                        : "receiver";
                Value intent = intentsOf(f, args[i]);
                if (f.hasInputObjects(intent) || f.isSymbolic(f.read(intent, f.fields.target))) {
                    return f.defer(site, call, args);
                }
                Set<String> actions = actions(f, intent);
                if (send(f, intent, kind)) {
                    return Frame.CallResult.NOTHING;
                }
                if (kind.equals("receiver") && !actions.isEmpty()) {
                    // A receiver registered in code anywhere may handle it: whether the data leaves the
                    // app is decided when every receiver is known (see #handled).
                    var sink = scope.library.resolve(ref).sink();
                    if (sink != null) {
                        f.hit(new SinkSite(site, sink.api().toString(), sink.kind().id(), sink.channel(), actions),
                                f.contentTaint(intent), intent.implicit(), Value.EMPTY);
                    }
                    return Frame.CallResult.NOTHING;
                }
                return null;
            }
        }
        if (name.equals("setResult") && ref.descriptor().equals("(ILandroid/content/Intent;)V")) {
            if (f.hasInputObjects(args[2])) {
                return f.defer(site, call, args);
            }
            copyFields(f, args[2], resultIntent(f));
            return Frame.CallResult.NOTHING;
        }
        if (name.equals("getIntent") && ref.descriptor().equals("()Landroid/content/Intent;")) {
            Value out = Value.EMPTY;
            BitSet objs = args[0].objects();
            for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
                Node n = f.node(o);
                if (f.isInput(o) && !scope.hierarchy.directSubtypes(n.type()).isEmpty()) {
                    return f.defer(site, call, args);
                }
                out = out.join(Value.ofObject(incomingIntent(f, n.type()).id()));
            }
            return Frame.CallResult.of(out);
        }
        if (name.equals("registerReceiver") && args.length >= 3
                && ref.parameterTypes().get(0).equals("Landroid/content/BroadcastReceiver;")) {
            if (!f.isTop()) {
                return f.defer(site, call, args);
            }
            register(f, args[1], args[2]);
            return null;
        }
        return null;
    }

    /** True when an intent's class or action comes from a caller (a parameter) that this frame cannot see. */
    private static boolean targetIsCallers(Frame f, MethodRef ref, Value[] args) {
        String name = ref.name();
        List<String> params = ref.parameterTypes();
        boolean componentName = ref.owner().equals("Landroid/content/ComponentName;");
        for (int i = 0; i < params.size() && i + 1 < args.length; i++) {
            String p = params.get(i);
            Value a = args[i + 1];
            if (p.equals("Ljava/lang/Class;") && a.classes().isEmpty() && f.isSymbolic(a)) {
                return true;
            }
            boolean names = (name.equals("<init>") && i == 0 && !componentName) || name.equals("setAction")
                    || name.equals("addAction") || (name.equals("setClassName") && i == params.size() - 1)
                    || (componentName && name.equals("<init>") && i == params.size() - 1);
            if (p.equals("Ljava/lang/String;") && names && a.strings().isEmpty() && f.isSymbolic(a)) {
                return true;
            }
            if (p.equals("Landroid/content/ComponentName;") && f.hasInputObjects(a)) {
                return true;
            }
        }
        return false;
    }

    /** The intents a value holds, with {@code startActivities(Intent[])}'s elements. */
    private static Value intentsOf(Frame f, Value v) {
        Value elements = f.read(v, f.fields.elements);
        return elements.objects().isEmpty() ? v : v.join(elements);
    }

    private static Set<String> actions(Frame f, Value intent) {
        Set<String> out = new TreeSet<>();
        for (String t : f.read(intent, f.fields.target).strings()) {
            if (t.startsWith(ACTION_TARGET)) {
                out.add(t.substring(ACTION_TARGET.length()));
            }
        }
        return out;
    }

    /** True when a receiver of the app (in the manifest or registered in code) handles one of the actions. */
    boolean handled(Set<String> actions) {
        for (String action : actions) {
            if (dynamicReceivers.stream().anyMatch(r -> r[1] == null || r[1].equals(action))
                    || scope.app.components().stream()
                    .anyMatch(c -> c.kind().equals("receiver") && c.actions().contains(action))) {
                return true;
            }
        }
        return false;
    }

    private static int intentArgument(MethodRef ref) {
        List<String> params = ref.parameterTypes();
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).equals(INTENT) || params.get(i).equals("[Landroid/content/Intent;")) {
                return i + 1;
            }
        }
        return -1;
    }

    /** Records explicit classes and actions on intents, component names and intent filters. */
    private static void recordTarget(Frame f, MethodRef ref, Value[] args) {
        String name = ref.name();
        List<String> params = ref.parameterTypes();
        int target = f.fields.target;
        Value receiver = args.length > 0 ? args[0] : Value.EMPTY;
        Set<String> targets = new TreeSet<>();
        for (int i = 0; i < params.size() && i + 1 < args.length; i++) {
            Value a = args[i + 1];
            String p = params.get(i);
            if (p.equals("Ljava/lang/Class;")) {
                a.classes().forEach(c -> targets.add(CLASS_TARGET + c));
            } else if (p.equals("Landroid/content/ComponentName;")) {
                targets.addAll(f.read(a, target).strings());
            } else if (p.equals("Ljava/lang/String;")) {
                boolean isAction = (name.equals("<init>") && i == 0 && !ref.owner().equals("Landroid/content/ComponentName;"))
                        || name.equals("setAction") || name.equals("addAction");
                boolean isClassName = name.equals("setClassName") && i == params.size() - 1
                        || ref.owner().equals("Landroid/content/ComponentName;") && name.equals("<init>")
                        && i == params.size() - 1;
                for (String s : a.strings()) {
                    if (!StringValues.isComplete(s)) {
                        continue;
                    }
                    if (isAction) {
                        targets.add(ACTION_TARGET + s);
                    } else if (isClassName) {
                        targets.add(CLASS_TARGET + "L" + s.replace('.', '/') + ";");
                    }
                }
            }
        }
        if (!targets.isEmpty()) {
            f.write(receiver, target, Value.ofConstants(targets, false));
        }
    }

    /**
     * Delivers an intent to the app's components it can reach; returns true when it cannot leave
     * the app (so the call is not a sink).
     */
    private boolean send(Frame f, Value intent, String kind) {
        Set<String> targets = f.read(intent, f.fields.target).strings();
        if (targets.isEmpty()) {
            return false;
        }
        boolean internalOnly = true;
        for (String t : targets) {
            List<String> receivers = new ArrayList<>();
            if (t.startsWith(CLASS_TARGET)) {
                String type = t.substring(CLASS_TARGET.length());
                if (isComponent(type, kind) || (kind.equals("receiver") && f.isTop() && isDynamicReceiver(type))) {
                    receivers.add(type);
                } else if (!scope.isAppClass(type)) {
                    internalOnly = false; // another app's component
                }
                // An app class missing from the manifest: Android refuses to start it.
            } else if (t.startsWith(ACTION_TARGET)) {
                String action = t.substring(ACTION_TARGET.length());
                for (AppFacts.Component c : scope.app.components()) {
                    if (c.kind().equals(kind) && c.actions().contains(action)) {
                        receivers.add(c.type());
                    }
                }
                if (kind.equals("receiver")) {
                    if (f.isTop()) {
                        for (String[] r : dynamicReceivers) {
                            if (r[1] == null || r[1].equals(action)) {
                                receivers.add(r[0]);
                            }
                        }
                    }
                    // Keep the broadcast for receivers registered in code (at the top level, where
                    // every registration is known; a summary's write reaches it through the global).
                    copyFields(f, intent, f.global("broadcast:" + action, INTENT));
                }
                // An implicit intent no component of the app handles is meant for other apps.
                if (receivers.isEmpty()) {
                    internalOnly = false;
                }
            }
            for (String r : receivers) {
                copyFields(f, intent, incomingIntent(f, r));
            }
        }
        return internalOnly;
    }

    private boolean isComponent(String type, String kind) {
        for (AppFacts.Component c : scope.app.components()) {
            if (c.type().equals(type) && c.kind().equals(kind)) {
                return true;
            }
        }
        return false;
    }

    private boolean isDynamicReceiver(String type) {
        for (String[] r : dynamicReceivers) {
            if (r[0].equals(type)) {
                return true;
            }
        }
        return false;
    }

    private void register(Frame f, Value receiver, Value filter) {
        Set<String> actions = new LinkedHashSet<>();
        for (String t : f.read(filter, f.fields.target).strings()) {
            if (t.startsWith(ACTION_TARGET)) {
                actions.add(t.substring(ACTION_TARGET.length()));
            }
        }
        BitSet objs = receiver.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            String type = f.node(o).type();
            if (!scope.isAppClass(type)) {
                continue;
            }
            if (actions.isEmpty()) {
                addReceiver(type, null);
            }
            for (String a : actions) {
                addReceiver(type, a);
                copyFields(f, Value.ofObject(f.global("broadcast:" + a, INTENT).id()), incomingIntent(f, type));
            }
        }
    }

    private void addReceiver(String type, String action) {
        for (String[] r : dynamicReceivers) {
            if (r[0].equals(type) && java.util.Objects.equals(r[1], action)) {
                return;
            }
        }
        dynamicReceivers.add(new String[] {type, action});
    }

    /** Copies every field of the objects {@code from} may be into {@code to} (joins). */
    static void copyFields(Frame f, Value from, Node to) {
        Value target = Value.ofObject(to.id());
        f.write(target, f.fields.content, from.taintOnly());
        BitSet objs = from.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            if (o == to.id()) {
                continue;
            }
            BitSet fs = f.writtenFields(o);
            for (int fid = fs.nextSetBit(0); fid >= 0; fid = fs.nextSetBit(fid + 1)) {
                f.write(target, fid, f.cell(o, fid));
            }
        }
    }
}
