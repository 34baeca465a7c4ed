package org.leakscan.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.leakscan.analysis.taint.AppFacts;
import org.leakscan.analysis.taint.CallResolver;
import org.leakscan.analysis.taint.TaintAnalysis;
import org.leakscan.analysis.findings.Flow;
import org.leakscan.analysis.findings.Unanalysed;
import org.leakscan.android.AndroidAttributes;
import org.leakscan.android.AndroidManifest;
import org.leakscan.android.BinaryXmlParser;
import org.leakscan.android.Component;
import org.leakscan.android.IntentFilter;
import org.leakscan.android.XmlAttribute;
import org.leakscan.android.XmlElement;
import org.leakscan.diagnostics.Messages;
import org.leakscan.diagnostics.Stage;
import org.leakscan.program.Types;

/**
 * Follows the data: runs the {@link TaintAnalysis} from the app's entry points and reports every
 * (source site, sink site) pair as a flow with its evidence path, plus where the analysis was blind.
 */
public final class DataFlowPass implements Pass {

    public static final PassInfo INFO = PassInfo.of("data-flow",
            "which personal data can reach which sink, with the path between them", ManifestPass.INFO.id());

    private final java.time.Duration timeLimit;

    /** @param timeLimit how long the fixpoint may run ({@code ZERO}: no limit) */
    public DataFlowPass(java.time.Duration timeLimit) {
        this.timeLimit = timeLimit;
    }

    /** At most this many places are listed per kind of blind spot. */
    private static final int MAX_LISTED = 20;

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public void run(AnalysisContext context) {
        // The engine needs code in register form; front-ends may decode it lazily. Decode it all
        // here on every core, rather than one method at a time inside the single-threaded analysis.
        context.forEachMethod(INFO.id(), () -> Boolean.TRUE, (acc, c, m) -> m.body());
        TaintAnalysis engine = new TaintAnalysis(context.program(), context.hierarchy(), context.catalogs(),
                resolver(context.resolver()), appFacts(context), timeLimit);
        engine.run();
        DestinationParser parser = new DestinationParser(context::ownerOf);
        List<Flow> flows = new ArrayList<>();
        for (TaintAnalysis.Evidence e : engine.evidence()) {
            var s = e.source();
            var h = e.sink();
            List<Flow.Destination> destinations = parser.destinations(h.kind(), e.destinations());
            flows.add(new Flow(s.dataType(),
                    new Flow.Source(s.api(), Types.toJavaName(s.owner().type()), s.method().signature(),
                            occurrence(s.method(), s.index()), s.uri()),
                    new Flow.Sink(h.api(), h.kind(), h.channel(), Types.toJavaName(h.owner().type()), h.method().signature(),
                            occurrence(h.method(), h.index())),
                    destinations, context.ownership().libraryOf(h.owner().type()), e.path(), e.implicit()));
        }
        sort(flows);
        context.setFlows(dedupe(flows), blindSpots(engine.unanalysed()));
    }

    private static void sort(List<Flow> flows) {
        flows.sort(Comparator.comparing((Flow f) -> f.source().className()).thenComparing(f -> f.source().method())
                .thenComparing(f -> f.source().api()).thenComparingInt(f -> f.source().occurrence())
                .thenComparing(f -> f.sink().className()).thenComparing(f -> f.sink().method())
                .thenComparing(f -> f.sink().api()).thenComparingInt(f -> f.sink().occurrence())
                .thenComparing(f -> f.dataType()).thenComparing(f -> f.isImplicit()));
    }

    private static List<Unanalysed> blindSpots(Map<String, Set<String>> unanalysed) {
        List<Unanalysed> blind = new ArrayList<>();
        for (Map.Entry<String, Set<String>> u : new TreeMap<>(unanalysed).entrySet()) {
            List<String> where = new ArrayList<>(new TreeSet<>(u.getValue()));
            blind.add(new Unanalysed(u.getKey(), where.size(), where.subList(0, Math.min(MAX_LISTED, where.size()))));
        }
        return blind;
    }

    /** The analysis package's resolver, as the engine asks for it. */
    private static CallResolver resolver(ApiResolver r) {
        return new CallResolver() {
            @Override
            public <T> T resolve(org.leakscan.program.MethodRef called, Lookup<T> lookup) {
                return r.resolve(called, lookup::find);
            }

            @Override
            public <T> T resolveField(org.leakscan.program.FieldRef read, Lookup<T> lookup) {
                return r.resolveField(read, lookup::find);
            }
        };
    }

    /** What the engine needs of the manifest, layouts and code ownership. */
    static AppFacts appFacts(AnalysisContext context) {
        CodeOwnership ownership = context.ownership();
        java.util.function.Predicate<String> bundled = type -> ownership.libraryOf(type) != null;
        java.util.function.Predicate<String> infrastructure = KnownLibraries.of(context.program().classes());
        AndroidManifest m = context.manifest();
        if (m == null) {
            return new AppFacts(List.of(), null, Set.of(), Set.of(), id -> null, bundled, infrastructure);
        }
        List<AppFacts.Component> components = new ArrayList<>();
        for (Component c : m.components()) {
            String type = Types.fromClassName(c.kind() == Component.Kind.ACTIVITY_ALIAS && c.targetActivity() != null
                    ? c.targetActivity() : c.name());
            String kind = switch (c.kind()) {
                case ACTIVITY, ACTIVITY_ALIAS -> "activity";
                case SERVICE -> "service";
                case RECEIVER -> "receiver";
                case PROVIDER -> "provider";
            };
            List<String> actions = new ArrayList<>();
            for (IntentFilter f : c.intentFilters()) {
                actions.addAll(f.actions());
            }
            components.add(new AppFacts.Component(type, kind, actions));
        }
        String application = m.application() != null && m.application().className() != null
                ? Types.fromClassName(m.application().className()) : null;
        Set<String> onClick = new TreeSet<>();
        Set<String> layoutClasses = new TreeSet<>();
        readLayouts(context, onClick, layoutClasses);
        var resources = context.resources();
        return new AppFacts(components, application, onClick, layoutClasses,
                id -> resources == null ? null : resources.string(id), bundled, infrastructure);
    }

    /**
     * Which call of the same method reference the instruction at {@code index} is, from 1 in code
     * order (1 for callback parameters and field reads, which have no call).
     */
    static int occurrence(org.leakscan.program.MethodDef method, int index) {
        if (index < 0 || method.body() == null) {
            return 1;
        }
        var insns = method.body().insns();
        if (!(insns.get(index) instanceof org.leakscan.program.Insn.Invoke call)) {
            return 1;
        }
        int n = 1;
        for (int i = 0; i < index; i++) {
            if (insns.get(i) instanceof org.leakscan.program.Insn.Invoke other && other.method().equals(call.method())) {
                n++;
            }
        }
        return n;
    }

    /**
     * One flow per (data type, source site, sink site): the engine can reach one pair through
     * several labels or contexts, each with what it knew of the destination; their destinations
     * are merged and the first (shortest-found) path kept.
     */
    private static List<Flow> dedupe(List<Flow> flows) {
        Map<List<Object>, Flow> byPair = new java.util.LinkedHashMap<>();
        for (Flow f : flows) {
            byPair.merge(List.of(f.dataType(), f.source(), f.sink(), f.isImplicit()), f, (a, b) -> {
                Set<Flow.Destination> merged = new LinkedHashSet<>(a.destinations());
                merged.addAll(b.destinations());
                List<Flow.Destination> sorted = new ArrayList<>(merged);
                sorted.sort(Comparator.comparing((Flow.Destination d) -> String.valueOf(d.host()))
                        .thenComparing(d -> String.valueOf(d.url())));
                return new Flow(a.dataType(), a.source(), a.sink(), sorted, a.library(),
                        a.path().size() <= b.path().size() ? a.path() : b.path(), a.implicit());
            });
        }
        return List.copyOf(byPair.values());
    }

    /**
     * Method names in {@code android:onClick} attributes of compiled layouts, and the app classes
     * layouts make the framework instantiate: custom views ({@code <com.example.MyView>},
     * {@code <view class="...">}) and fragments ({@code <fragment android:name="...">}).
     */
    private static void readLayouts(AnalysisContext context, Set<String> names, Set<String> classes) {
        int onClick = AndroidAttributes.id("onClick");
        int nameAttr = AndroidAttributes.id("name");
        for (String entry : context.app().entries().names()) {
            if (!entry.startsWith("res/layout") || !entry.endsWith(".xml") || context.app().manifestIsText()) {
                continue;
            }
            try {
                java.util.ArrayDeque<XmlElement> todo = new java.util.ArrayDeque<>();
                todo.add(BinaryXmlParser.parse(context.app().entries().read(entry)));
                while (!todo.isEmpty()) {
                    XmlElement e = todo.poll();
                    if (e.name().indexOf('.') > 0) {
                        classes.add(Types.fromClassName(e.name()));
                    }
                    for (XmlAttribute a : e.attributes()) {
                        String v = a.rawValue() == null ? null : a.rawValue().trim();
                        if (v == null || v.isEmpty()) {
                            continue;
                        }
                        if (a.resourceId() == onClick || (a.isAndroid() && a.name().equals("onClick"))) {
                            names.add(v);
                        } else if ((e.name().equals("view") && a.name().equals("class") && a.namespace() == null)
                                || (e.name().equals("fragment") && (a.resourceId() == nameAttr
                                || (a.name().equals("class") && a.namespace() == null)))) {
                            classes.add(Types.fromClassName(v));
                        }
                    }
                    todo.addAll(e.children());
                }
            } catch (Exception e) {
                context.diagnostics().unit(Stage.ANDROID, entry, "layout not read: " + Messages.oneLine(e));
            }
        }
    }
}
