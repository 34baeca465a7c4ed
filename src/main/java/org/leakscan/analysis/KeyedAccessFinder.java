package org.leakscan.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.leakscan.analysis.findings.CodeLocation;
import org.leakscan.analysis.permissions.FactRequirements;
import org.leakscan.analysis.permissions.PermissionLedger;
import org.leakscan.analysis.permissions.RequirementHistory;
import org.leakscan.android.AndroidManifest;
import org.leakscan.android.Component;
import org.leakscan.android.IntentFilter;
import org.leakscan.catalog.ContentUriSource;
import org.leakscan.catalog.PermissionFacts;
import org.leakscan.program.FieldRef;
import org.leakscan.program.MethodDef;
import org.leakscan.program.MethodRef;
import org.leakscan.program.Types;

/**
 * Permission needs that depend on a constant rather than on the API alone: a content provider read
 * or written (its URI, as a {@code CONTENT_URI} field or a {@code content://} string, in a method
 * that calls a provider read or write), an intent action started ({@code ACTION_CALL} in a method
 * that starts an activity), a broadcast received (the action in a method that registers a receiver,
 * or in a manifest receiver's intent filter). The method-level pairing is the same one the data
 * access pass makes for provider reads: the constant most likely is the call's argument.
 */
final class KeyedAccessFinder {

    /** What a call does with a URI, an intent or a filter. */
    enum Operation {
        PROVIDER_READ, PROVIDER_WRITE, INTENT_START, RECEIVER_REGISTRATION
    }

    /** One thing the code does and what it needs; {@code callers} where it does it. */
    record Access(String key, RequirementHistory history, List<PermissionLedger.Caller> callers) {
    }

    private final AnalysisContext context;
    private final PermissionFacts facts;
    private final Map<String, Operation> operations = new java.util.HashMap<>();

    KeyedAccessFinder(AnalysisContext context) {
        this.context = context;
        this.facts = context.catalogs().permissionFacts();
        facts.providerReads().forEach(m -> operations.put(m.toString(), Operation.PROVIDER_READ));
        facts.providerWrites().forEach(m -> operations.put(m.toString(), Operation.PROVIDER_WRITE));
        facts.intentStarts().forEach(m -> operations.put(m.toString(), Operation.INTENT_START));
        facts.receiverRegistrations().forEach(m -> operations.put(m.toString(), Operation.RECEIVER_REGISTRATION));
    }

    /** The operation a call resolves to, or null (thread-safe; called on the pool). */
    Operation operationOf(MethodRef call) {
        return context.resolver().resolve(call, (t, sig) -> operations.get(t + "->" + sig));
    }

    /** Field reads that name a provider URI, with the URI. */
    Map<FieldRef, String> uriFields() {
        Map<FieldRef, String> out = new java.util.HashMap<>();
        for (FieldRef ref : context.codeIndex().readFields()) {
            context.catalogs().sources().contentUriForField(ref).map(ContentUriSource::uri)
                    .ifPresent(u -> out.put(ref, u));
        }
        return out;
    }

    /**
     * The accesses, from the sites of the operation calls and URI fields.
     *
     * @param operationCalls calls that resolved to an operation
     * @param uriFields      from {@link #uriFields()}
     * @param sites          the sites of both
     */
    List<Access> find(Map<MethodRef, Operation> operationCalls, Map<FieldRef, String> uriFields,
                      Map<Object, List<CodeSite>> sites) {
        Map<MethodDef, Evidence> byMethod = new IdentityHashMap<>();
        for (Map.Entry<MethodRef, Operation> e : operationCalls.entrySet()) {
            for (CodeSite site : sites.getOrDefault(e.getKey(), List.of())) {
                byMethod.computeIfAbsent(site.method(), m -> new Evidence()).add(e.getValue(), site);
            }
        }
        if (!byMethod.isEmpty()) {
            for (Map.Entry<FieldRef, String> e : uriFields.entrySet()) {
                for (CodeSite site : sites.getOrDefault(e.getKey(), List.of())) {
                    Evidence ev = byMethod.get(site.method());
                    if (ev != null) {
                        ev.constants.add(e.getValue());
                    }
                }
            }
            for (CodeIndex.StringSite s : context.codeIndex().strings()) {
                Evidence ev = byMethod.get(s.site().method());
                if (ev != null) {
                    ev.constants.add(s.value());
                }
            }
        }
        Map<String, Access> out = new TreeMap<>();
        for (Evidence ev : byMethod.values()) {
            // A provider call whose URI argument the method shows is paired with that URI only;
            // the others with every URI the method names.
            List<CodeSite> unresolvedReads = new ArrayList<>();
            List<CodeSite> unresolvedWrites = new ArrayList<>();
            for (Operation op : List.of(Operation.PROVIDER_READ, Operation.PROVIDER_WRITE)) {
                for (CodeSite site : ev.sites.getOrDefault(op, List.of())) {
                    String uri = UriArguments.at(site, uriFields);
                    if (uri == null || !uri.startsWith("content://")) {
                        (op == Operation.PROVIDER_READ ? unresolvedReads : unresolvedWrites).add(site);
                    } else {
                        facts.providerFor(uri).ifPresent(p -> add(out, p.uri() + (op == Operation.PROVIDER_READ
                                ? " (read)" : " (write)"), op == Operation.PROVIDER_READ ? p.read() : p.write(),
                                p.sources(), List.of(site)));
                    }
                }
            }
            for (String constant : ev.constants) {
                if (constant.startsWith("content://")) {
                    facts.providerFor(constant).ifPresent(p -> {
                        add(out, p.uri() + " (read)", p.read(), p.sources(), unresolvedReads);
                        add(out, p.uri() + " (write)", p.write(), p.sources(), unresolvedWrites);
                    });
                } else {
                    facts.intentAction(constant).ifPresent(a -> add(out, "intent " + a.action(), a.requires(),
                            a.sources(), ev.sites.get(Operation.INTENT_START)));
                    facts.receiverAction(constant).ifPresent(a -> add(out, "receiver " + a.action(), a.requires(),
                            a.sources(), ev.sites.get(Operation.RECEIVER_REGISTRATION)));
                }
            }
        }
        manifestReceivers(out);
        return List.copyOf(out.values());
    }

    private void add(Map<String, Access> out, String key, List<PermissionFacts.Box> boxes, List<String> sources,
                     List<CodeSite> where) {
        if (where == null || where.isEmpty() || boxes.isEmpty()) {
            return;
        }
        Access a = out.computeIfAbsent(key, k -> new Access(k, new FactRequirements(boxes, sources), new ArrayList<>()));
        for (CodeSite s : where) {
            a.callers().add(PermissionPass.caller(context, s));
        }
    }

    /** Receivers the manifest declares for a broadcast action that needs a permission. */
    private void manifestReceivers(Map<String, Access> out) {
        AndroidManifest manifest = context.manifest();
        if (manifest == null) {
            return;
        }
        for (Component c : manifest.components()) {
            if (c.kind() != Component.Kind.RECEIVER) {
                continue;
            }
            Set<String> actions = new TreeSet<>();
            for (IntentFilter f : c.intentFilters()) {
                actions.addAll(f.actions());
            }
            for (String action : actions) {
                facts.receiverAction(action).ifPresent(a -> {
                    Access access = out.computeIfAbsent("receiver " + a.action(), k -> new Access(k,
                            new FactRequirements(a.requires(), a.sources()), new ArrayList<>()));
                    String type = Types.fromClassName(c.name());
                    access.callers().add(new PermissionLedger.Caller(new CodeLocation(c.name(), null),
                            context.ownership().libraryOf(type)));
                });
            }
        }
    }

    /** What one method does: the operations it calls (with their sites) and the constants it names. */
    private static final class Evidence {
        final Map<Operation, List<CodeSite>> sites = new EnumMap<>(Operation.class);
        final Set<String> constants = new TreeSet<>();

        void add(Operation op, CodeSite site) {
            sites.computeIfAbsent(op, k -> new ArrayList<>()).add(site);
        }
    }
}
