package org.leakscan.analysis;

import org.leakscan.diagnostics.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.analysis.findings.AppInfo;
import org.leakscan.analysis.findings.ComponentFinding;
import org.leakscan.analysis.findings.DataAccess;
import org.leakscan.analysis.findings.Endpoint;
import org.leakscan.analysis.findings.TrackerFinding;
import org.leakscan.analysis.findings.InputInfo;
import org.leakscan.analysis.findings.PermissionFinding;
import org.leakscan.analysis.findings.Signing;
import org.leakscan.analysis.findings.Summary;
import org.leakscan.android.AndroidManifest;
import org.leakscan.android.ResourceTable;
import org.leakscan.catalog.Catalogs;
import org.leakscan.diagnostics.Diagnostics;
import org.leakscan.input.AppPackage;
import org.leakscan.program.ClassDef;
import org.leakscan.program.ClassHierarchy;
import org.leakscan.program.MethodDef;
import org.leakscan.program.Program;

/**
 * What passes share for one app: the inputs (package, manifest, resources, program, hierarchy,
 * catalogues), the intermediate results earlier passes leave for later ones (the code index), and
 * the findings. Each findings slot is written by exactly one pass, which the pass order
 * guarantees; the slots are volatile so the runner's thread sees what a pass set.
 */
public final class AnalysisContext {

    private final AppPackage app;
    private final AndroidManifest manifest;
    private final ResourceTable resources;
    private final Program program;
    private final ClassHierarchy hierarchy;
    private final Catalogs catalogs;
    private final Diagnostics diagnostics;
    private final ExecutorService executor;
    private final ApiResolver resolver;
    private final CodeOwnership ownership;

    private volatile CodeIndex codeIndex = CodeIndex.EMPTY;
    private volatile AppInfo appInfo = AppInfo.NONE;
    private volatile List<Signing> signing = List.of();
    private volatile org.leakscan.analysis.findings.NetworkSecurity networkSecurity;
    private volatile org.leakscan.analysis.findings.NativeCode nativeCode;
    private volatile List<PermissionFinding> permissions = List.of();
    private volatile List<org.leakscan.analysis.findings.PermissionRequirementFinding> permissionRequirements = List.of();
    private volatile List<ComponentFinding> components = List.of();
    private volatile List<Endpoint> endpoints = List.of();
    private volatile List<DataAccess> dataAccess = List.of();
    private volatile Summary summary = new Summary(List.of(), List.of());
    private volatile List<org.leakscan.analysis.findings.Flow> flows = List.of();
    private volatile List<TrackerFinding> trackers = List.of();
    private volatile List<org.leakscan.analysis.findings.Unanalysed> unanalysed = List.of();

    public AnalysisContext(AppPackage app, AndroidManifest manifest, ResourceTable resources, Program program,
                           Catalogs catalogs, Diagnostics diagnostics, ExecutorService executor) {
        this.app = app;
        this.manifest = manifest;
        this.resources = resources;
        this.program = program;
        this.catalogs = catalogs;
        this.diagnostics = diagnostics;
        this.executor = executor;
        this.hierarchy = new ClassHierarchy(program, catalogs.frameworkTypes());
        this.resolver = new ApiResolver(hierarchy);
        this.ownership = new CodeOwnership(manifest, catalogs.trackers());
    }

    public AppPackage app() {
        return app;
    }

    /** The parsed manifest, or null when the input has none or it could not be read. */
    public AndroidManifest manifest() {
        return manifest;
    }

    /** The resource table, or null. */
    public ResourceTable resources() {
        return resources;
    }

    public Program program() {
        return program;
    }

    public ClassHierarchy hierarchy() {
        return hierarchy;
    }

    public Catalogs catalogs() {
        return catalogs;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public ApiResolver resolver() {
        return resolver;
    }

    /** Who owns a host (the entities catalogue); {@link org.leakscan.analysis.findings.Owner#NONE} when nobody known. */
    public org.leakscan.analysis.findings.Owner ownerOf(String host) {
        if (host == null) {
            return org.leakscan.analysis.findings.Owner.NONE;
        }
        var o = catalogs.entities().ownerOf(host);
        return new org.leakscan.analysis.findings.Owner(o.entity(), o.name(), o.country());
    }

    public CodeOwnership ownership() {
        return ownership;
    }

    /** Receives each method with code, with a per-task accumulator. */
    @FunctionalInterface
    public interface MethodVisitor<A> {
        void visit(A accumulator, ClassDef owner, MethodDef method) throws Exception;
    }

    /** Classes per parallel task: enough to amortise scheduling, few enough to balance two cores. */
    static final int CLASSES_PER_TASK = 512;
    /** Distinct references per parallel task when passes resolve them against a catalogue. */
    static final int REFERENCES_PER_TASK = 1 << 14;

    /**
     * Visits every method that has code, in parallel over slices of the class list. Each slice gets
     * its own accumulator; they come back in class order, so merging them is deterministic. A method
     * that throws is recorded against {@code passId} and skipped.
     */
    public <A> List<A> forEachMethod(String passId, Supplier<A> newAccumulator, MethodVisitor<A> visitor) {
        return forEachSlice(program.classes(), CLASSES_PER_TASK, slice -> {
            A acc = newAccumulator.get();
            for (ClassDef c : slice) {
                for (MethodDef m : c.methods()) {
                    if (!m.hasCode()) {
                        continue;
                    }
                    try {
                        visitor.visit(acc, c, m);
                    } catch (Exception | StackOverflowError e) {
                        diagnostics.pass(passId, c.javaName(), m.signature(), Messages.describe(e));
                    }
                }
            }
            return acc;
        });
    }

    /**
     * Applies {@code work} to consecutive slices of {@code items} on the worker pool; the results
     * come back in slice order, so merging them is deterministic.
     */
    public <T, A> List<A> forEachSlice(List<T> items, int sliceSize,
                                       java.util.function.Function<List<T>, A> work) {
        List<Future<A>> parts = new ArrayList<>();
        for (int start = 0; start < items.size(); start += sliceSize) {
            List<T> slice = items.subList(start, Math.min(items.size(), start + sliceSize));
            parts.add(executor.submit(() -> work.apply(slice)));
        }
        List<A> out = new ArrayList<>(parts.size());
        for (Future<A> f : parts) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("analysis cancelled");
            } catch (ExecutionException e) {
                throw new IllegalStateException("parallel walk failed", e.getCause());
            }
        }
        return out;
    }

    public CodeIndex codeIndex() {
        return codeIndex;
    }

    void setCodeIndex(CodeIndex index) {
        this.codeIndex = index;
    }

    void setAppInfo(AppInfo info) {
        this.appInfo = info;
    }

    public AppInfo appInfo() {
        return appInfo;
    }

    public List<Signing> signing() {
        return signing;
    }

    /** The network security config's findings, or null. */
    public org.leakscan.analysis.findings.NetworkSecurity networkSecurity() {
        return networkSecurity;
    }

    public List<org.leakscan.analysis.findings.Unanalysed> unanalysed() {
        return unanalysed;
    }

    void setSigning(List<Signing> s) {
        this.signing = List.copyOf(s);
    }

    void setNetworkSecurity(org.leakscan.analysis.findings.NetworkSecurity n) {
        this.networkSecurity = n;
    }

    void setNativeCode(org.leakscan.analysis.findings.NativeCode n) {
        this.nativeCode = n;
    }

    void setPermissions(List<PermissionFinding> p,
                        List<org.leakscan.analysis.findings.PermissionRequirementFinding> requirements) {
        this.permissions = List.copyOf(p);
        this.permissionRequirements = List.copyOf(requirements);
    }

    void setComponents(List<ComponentFinding> c) {
        this.components = List.copyOf(c);
    }

    void setTrackers(List<TrackerFinding> t) {
        this.trackers = List.copyOf(t);
    }

    void setEndpoints(List<Endpoint> e) {
        this.endpoints = List.copyOf(e);
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    public List<DataAccess> dataAccess() {
        return dataAccess;
    }

    void setDataAccess(List<DataAccess> d) {
        this.dataAccess = List.copyOf(d);
    }

    public List<org.leakscan.analysis.findings.Flow> flows() {
        return flows;
    }

    void setFlows(List<org.leakscan.analysis.findings.Flow> f, List<org.leakscan.analysis.findings.Unanalysed> u) {
        this.flows = List.copyOf(f);
        this.unanalysed = List.copyOf(u);
    }

    void setSummary(Summary s) {
        this.summary = s;
    }

    private List<InputInfo.Part> parts() {
        List<InputInfo.Part> out = new ArrayList<>();
        for (org.leakscan.input.PackagePart p : app.parts()) {
            out.add(new InputInfo.Part(p.name(), p.role(), p.sha256(), p.sizeBytes(), p.dexFiles()));
        }
        return out;
    }

    /** The findings as they stand after the passes ran. */
    public AppFindings findings() {
        long insns = 0;
        int methods = 0;
        for (ClassDef c : program.classes()) {
            for (MethodDef m : c.methods()) {
                methods++;
                // Counted from the bytecode, so the figure does not depend on which bodies were decoded.
                insns += m.refs().instructionCount();
            }
        }
        return new AppFindings(
                new InputInfo(app.path(), app.sha256(), app.sizeBytes(), app.format().id(), parts()),
                appInfo, signing, networkSecurity, nativeCode, permissions, permissionRequirements, components, trackers,
                endpoints,
                dataAccess, flows, summary,
                unanalysed,
                new AppFindings.Stats(app.dexFiles().size(), app.classFiles().size(), program.classes().size(),
                        methods, insns));
    }
}
