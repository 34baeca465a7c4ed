package org.leakscan.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.leakscan.analysis.findings.CodeLocation;
import org.leakscan.analysis.findings.DataAccess;
import org.leakscan.catalog.ContentUriSource;
import org.leakscan.catalog.DataCategory;
import org.leakscan.catalog.Source;
import org.leakscan.catalog.SourceCatalog;
import org.leakscan.catalog.SourcePermissions;
import org.leakscan.program.ClassDef;
import org.leakscan.program.FieldRef;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodBody;
import org.leakscan.program.MethodDef;
import org.leakscan.program.MethodRef;
import org.leakscan.program.Types;

/**
 * Every place the app's code reads personal data: calls of source APIs (matched up the class
 * hierarchy, with argument conditions such as {@code "android_id"} checked against the constant
 * passed), reads of source fields ({@code Build.SERIAL}), app methods that implement callback
 * sources ({@code onLocationChanged}), and content-provider URIs (a {@code CONTENT_URI} field or a
 * {@code content://} constant in a method that calls a URI reader such as
 * {@code ContentResolver.query}). Accessors ({@code Location.getLatitude}) count only for data types
 * no other source already shows, so one read is not listed twice.
 */
public final class DataAccessPass implements Pass {

    public static final PassInfo INFO = PassInfo.of("data-access",
            "call sites of personal-data APIs, source fields, callback sources and content URIs",
            CodeIndexPass.INFO.id());

    @Override
    public PassInfo info() {
        return INFO;
    }

    /** One hit before grouping. */
    private record Hit(String dataType, String api, String permission, CodeLocation site, String library,
                       boolean accessor) {
    }

    @Override
    public void run(AnalysisContext context) {
        SourceCatalog catalog = context.catalogs().sources();
        CodeIndex index = context.codeIndex();
        // Resolve each distinct reference first, then fetch the sites of the few that matter in one
        // walk over the code. The catalogue rules out almost every reference by name before any
        // hierarchy walk.
        Map<MethodRef, List<Source>> sourceCalls = new HashMap<>();
        Set<MethodRef> readerCalls = new HashSet<>();
        // Hundreds of thousands of distinct calls in a large app: resolved in slices on the pool.
        for (ResolvedCalls part : context.forEachSlice(index.calledMethods(), AnalysisContext.REFERENCES_PER_TASK,
                slice -> resolveCalls(context, catalog, slice))) {
            sourceCalls.putAll(part.sources());
            readerCalls.addAll(part.readers());
        }
        Map<FieldRef, Source> sourceFields = new HashMap<>();
        Map<FieldRef, ContentUriSource> uriFields = new HashMap<>();
        for (FieldRef ref : index.readFields()) {
            if (catalog.mayBeSourceField(ref)) {
                Source s = context.resolver().resolveField(ref, (t, key) -> {
                    int colon = key.indexOf(':');
                    return catalog.fieldSource(new FieldRef(t, key.substring(0, colon), key.substring(colon + 1)))
                            .orElse(null);
                });
                if (s != null) {
                    sourceFields.put(ref, s);
                }
            }
            catalog.contentUriForField(ref).ifPresent(u -> uriFields.put(ref, u));
        }
        Set<Object> wanted = new HashSet<>(sourceCalls.keySet());
        wanted.addAll(readerCalls);
        wanted.addAll(sourceFields.keySet());
        wanted.addAll(uriFields.keySet());
        Map<Object, List<CodeSite>> sites = index.sitesOf(wanted, context);

        // Hits in any order: group() sorts what it reports.
        List<Hit> hits = new ArrayList<>();
        for (Map.Entry<MethodRef, List<Source>> e : sourceCalls.entrySet()) {
            for (CodeSite site : sites.getOrDefault(e.getKey(), List.of())) {
                for (Source s : e.getValue()) {
                    if (s.argEquals() != null && !argumentMatches(site, s.argEquals())) {
                        continue;
                    }
                    hits.add(hit(context, s.dataType(), s.api(), permission(s.permissions()), site, s.accessor()));
                }
            }
        }
        for (Map.Entry<FieldRef, Source> e : sourceFields.entrySet()) {
            Source s = e.getValue();
            for (CodeSite site : sites.getOrDefault(e.getKey(), List.of())) {
                hits.add(hit(context, s.dataType(), s.api(), permission(s.permissions()), site, s.accessor()));
            }
        }
        hits.addAll(callbackHits(context, catalog));
        hits.addAll(contentUriHits(context, catalog, index, readerCalls, uriFields, sites));
        context.setDataAccess(group(context, hits));
    }

    /** The calls of one slice that resolve to sources, and those that resolve to URI readers. */
    private record ResolvedCalls(Map<MethodRef, List<Source>> sources, Set<MethodRef> readers) {
    }

    private static ResolvedCalls resolveCalls(AnalysisContext context, SourceCatalog catalog, List<MethodRef> calls) {
        Map<MethodRef, List<Source>> sources = new HashMap<>();
        Set<MethodRef> readers = new HashSet<>();
        for (MethodRef ref : calls) {
            if (catalog.mayBeSourceCall(ref)) {
                List<Source> found = context.resolver().resolve(ref, (t, sig) -> {
                    List<Source> s = catalog.sourcesFor(t, sig);
                    return s.isEmpty() ? null : s;
                });
                if (found != null) {
                    sources.put(ref, found);
                }
            }
            if (catalog.mayBeUriReader(ref) && context.resolver().resolve(ref,
                    (t, sig) -> catalog.isUriReader(MethodRef.parse(t + "->" + sig)) ? Boolean.TRUE : null) != null) {
                readers.add(ref);
            }
        }
        return new ResolvedCalls(sources, readers);
    }

    private static Hit hit(AnalysisContext context, String dataType, String api, String permission, CodeSite site,
                           boolean accessor) {
        return new Hit(dataType, api, permission, site.location(), context.ownership().libraryOf(site.owner().type()),
                accessor);
    }

    /**
     * The argument's constant, when the instructions before the call show one. The one place the
     * inventory needs a method in register form: it is decoded here, for the call sites of sources
     * with an argument condition only.
     */
    static boolean argumentMatches(CodeSite site, org.leakscan.catalog.ArgEquals condition) {
        MethodBody body = site.method().body();
        int index = body == null ? -1 : body.indexAt(site.offset());
        if (index < 0 || !(body.insns().get(index) instanceof Insn.Invoke call)) {
            return false;
        }
        int argIndex = condition.argument() - (call.isStatic() ? 1 : 0);
        if (argIndex < 0 || argIndex >= call.args().length) {
            return false;
        }
        Object constant = LocalConstants.before(body.insns(), index, call.args()[argIndex]);
        return condition.matches(constant);
    }

    /** App methods that implement a callback source declared on one of their framework ancestors. */
    private static List<Hit> callbackHits(AnalysisContext context, SourceCatalog catalog) {
        List<Hit> out = new ArrayList<>();
        if (catalog.callbacks().isEmpty()) {
            return out;
        }
        Set<String> callbackNames = new HashSet<>();
        for (Source s : catalog.callbacks()) {
            callbackNames.add(s.method().name());
        }
        for (ClassDef c : context.program().classes()) {
            for (MethodDef m : c.methods()) {
                if (m.isStatic() || !m.hasCode() || !callbackNames.contains(m.ref().name())) {
                    continue;
                }
                for (String ancestor : context.hierarchy().ancestors(c.type())) {
                    if (ancestor.equals(c.type())) {
                        continue;
                    }
                    List<Source> sources = catalog.callbacksFor(ancestor, m.signature());
                    for (Source s : sources) {
                        out.add(new Hit(s.dataType(), s.api(), permission(s.permissions()),
                                new CodeLocation(Types.toJavaName(c.type()), m.signature()),
                                context.ownership().libraryOf(c.type()), s.accessor()));
                    }
                    if (!sources.isEmpty()) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    /**
     * A content URI counts where a method names it (a {@code CONTENT_URI} field, a {@code content://}
     * constant) and also calls a URI reader: the reader's URI argument then most likely is it.
     */
    private static List<Hit> contentUriHits(AnalysisContext context, SourceCatalog catalog, CodeIndex index,
                                            Set<MethodRef> readerCalls, Map<FieldRef, ContentUriSource> uriFields,
                                            Map<Object, List<CodeSite>> sites) {
        Set<MethodDef> readers = new HashSet<>();
        for (MethodRef ref : readerCalls) {
            for (CodeSite site : sites.getOrDefault(ref, List.of())) {
                readers.add(site.method());
            }
        }
        List<Hit> out = new ArrayList<>();
        if (readers.isEmpty()) {
            return out;
        }
        for (Map.Entry<FieldRef, ContentUriSource> e : uriFields.entrySet()) {
            ContentUriSource u = e.getValue();
            for (CodeSite site : sites.getOrDefault(e.getKey(), List.of())) {
                if (readers.contains(site.method())) {
                    out.add(hit(context, u.dataType(), u.uri(), permission(u.permissions()), site, false));
                }
            }
        }
        for (CodeIndex.StringSite s : index.strings()) {
            if (s.value().startsWith("content://") && readers.contains(s.site().method())) {
                Optional<ContentUriSource> uri = catalog.contentUriFor(s.value());
                if (uri.isPresent()) {
                    ContentUriSource u = uri.get();
                    out.add(hit(context, u.dataType(), u.uri(), permission(u.permissions()), s.site(), false));
                }
            }
        }
        return out;
    }

    /** {@code A}, {@code A|B} (any of) or {@code A+B} (all of); null when none. */
    static String permission(SourcePermissions p) {
        if (p == null || p.isEmpty()) {
            return null;
        }
        return String.join(p.relation() == SourcePermissions.Relation.ALL_OF ? "+" : "|", p.names());
    }

    private static List<DataAccess> group(AnalysisContext context, List<Hit> hits) {
        Set<String> directTypes = new HashSet<>();
        for (Hit h : hits) {
            if (!h.accessor()) {
                directTypes.add(h.dataType());
            }
        }
        Map<List<String>, TreeSet<CodeLocation>> sites = new TreeMap<>(
                Comparator.<List<String>, String>comparing(k -> k.get(0))
                        .thenComparing(k -> k.get(1))
                        .thenComparing(k -> k.get(3)));
        Map<List<String>, String> permissions = new java.util.HashMap<>();
        for (Hit h : hits) {
            if (h.accessor() && directTypes.contains(h.dataType())) {
                continue;
            }
            List<String> key = java.util.Arrays.asList(h.dataType(), h.api(), h.permission(),
                    h.library() == null ? "" : h.library());
            sites.computeIfAbsent(key, k -> new TreeSet<>()).add(h.site());
            // Whatever order the hits came in: the smallest permission name stands for the group.
            permissions.merge(key, h.permission() == null ? "" : h.permission(),
                    (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        List<DataAccess> out = new ArrayList<>();
        for (Map.Entry<List<String>, TreeSet<CodeLocation>> e : sites.entrySet()) {
            String dataType = e.getKey().get(0);
            String library = e.getKey().get(3);
            String category = context.catalogs().dataTypes().categoryOf(dataType).map(DataCategory::name).orElse(null);
            String permission = permissions.get(e.getKey());
            out.add(new DataAccess(dataType, category, e.getKey().get(1), permission.isEmpty() ? null : permission,
                    List.copyOf(e.getValue()), library.isEmpty() ? null : library));
        }
        return out;
    }
}
