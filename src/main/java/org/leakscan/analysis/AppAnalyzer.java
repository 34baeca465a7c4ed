package org.leakscan.analysis;

import org.leakscan.diagnostics.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.android.AndroidManifest;
import org.leakscan.android.MalformedManifestException;
import org.leakscan.android.MalformedResourcesException;
import org.leakscan.android.MalformedXmlException;
import org.leakscan.android.ManifestParser;
import org.leakscan.android.ResourceTable;
import org.leakscan.android.TextXmlParser;
import org.leakscan.android.XmlDocuments;
import org.leakscan.android.XmlElement;
import org.leakscan.bytecode.ProgramLoader;
import org.leakscan.catalog.Catalogs;
import org.leakscan.diagnostics.AnalysisError;
import org.leakscan.diagnostics.Diagnostics;
import org.leakscan.diagnostics.Stage;
import org.leakscan.input.AppPackage;
import org.leakscan.input.InputException;
import org.leakscan.input.PackageReader;
import org.leakscan.program.Program;

/**
 * The whole pipeline for one input: open the container, read the manifest and resources, decode
 * the code, run the passes. Never throws for bad input: what cannot be read becomes an
 * {@link AnalysisError}, and whatever could be read is still analysed.
 */
public final class AppAnalyzer {

    /** The outcome for one input: findings (null when the input could not be opened) and errors. */
    public record Result(String input, AppFindings findings, List<AnalysisError> errors) {
        public Result {
            errors = List.copyOf(errors);
        }
    }

    private final java.util.function.Supplier<Catalogs> catalogs;
    private final ExecutorService executor;
    private final PackageReader reader;
    private final AnalysisOptions options;

    public AppAnalyzer(Catalogs catalogs, ExecutorService executor, PackageReader reader, AnalysisOptions options) {
        this(() -> catalogs, executor, reader, options);
    }

    /**
     * With catalogues asked for only once the input is read and its code loaded: they may still be
     * loading meanwhile (see {@code ScanCommand}), which takes most of a second.
     */
    public AppAnalyzer(java.util.function.Supplier<Catalogs> catalogs, ExecutorService executor, PackageReader reader,
                       AnalysisOptions options) {
        this.catalogs = catalogs;
        this.executor = executor;
        this.reader = reader;
        this.options = options;
    }

    public Result analyze(Path path) {
        String display = path.toString();
        Diagnostics diagnostics = new Diagnostics(display);
        AppPackage app;
        try {
            app = reader.read(path);
        } catch (InputException e) {
            diagnostics.unit(Stage.INPUT, null, e.getMessage());
            return new Result(display, null, diagnostics.errors());
        }
        return analyze(app, diagnostics);
    }

    /**
     * Analyses an input already read into memory, e.g. from a distributed file system (the Spark
     * job); {@code display} names it in the report and in errors.
     */
    public Result analyze(byte[] bytes, String display) {
        Diagnostics diagnostics = new Diagnostics(display);
        AppPackage app;
        try {
            app = reader.read(bytes, display);
        } catch (InputException e) {
            diagnostics.unit(Stage.INPUT, null, e.getMessage());
            return new Result(display, null, diagnostics.errors());
        }
        return analyze(app, diagnostics);
    }

    /** Analyses several APK files as one app: a base APK and its splits ({@code --split}). */
    public Result analyzeSplit(List<Path> apks) {
        String display = apks.isEmpty() ? "--split" : apks.get(0).toString();
        Diagnostics diagnostics = new Diagnostics(display);
        AppPackage app;
        try {
            app = reader.readSplit(apks);
        } catch (InputException e) {
            diagnostics.unit(Stage.INPUT, null, e.getMessage());
            return new Result(display, null, diagnostics.errors());
        }
        return analyze(app, diagnostics);
    }

    /** Analyses a package already opened; {@code diagnostics} collects every problem. */
    public Result analyze(AppPackage app, Diagnostics diagnostics) {
        for (String problem : app.problems()) {
            diagnostics.unit(Stage.INPUT, null, problem);
        }
        ResourceTable resources = readResources(app, diagnostics);
        AndroidManifest manifest = readManifest(app, resources, diagnostics);
        // Annotations serve only the data flow (Retrofit's); the inventory skips decoding them.
        Program program = new ProgramLoader(executor, options.flows()).load(app, diagnostics);
        AnalysisContext context = new AnalysisContext(app, manifest, resources, program, catalogs.get(), diagnostics,
                executor);
        if (!options.flows()) {
            context.setFlows(List.of(), List.of(org.leakscan.analysis.findings.Unanalysed.notRun("--no-flows")));
        }
        PassRunner.run(Passes.forOptions(options), context);
        return new Result(app.path(), context.findings(), diagnostics.errors());
    }

    private static ResourceTable readResources(AppPackage app, Diagnostics diagnostics) {
        if (app.resources() == null) {
            return null;
        }
        try {
            return ResourceTable.parse(app.resources());
        } catch (MalformedResourcesException e) {
            diagnostics.unit(Stage.ANDROID, "resources.arsc", e.getMessage());
        } catch (RuntimeException e) {
            diagnostics.unit(Stage.ANDROID, "resources.arsc", "unreadable (" + Messages.describe(e) + ")");
        }
        return null;
    }

    private static AndroidManifest readManifest(AppPackage app, ResourceTable resources, Diagnostics diagnostics) {
        if (app.manifest() == null) {
            return null;
        }
        try {
            // Binary AXML in APKs, protobuf in AABs: told apart by their first bytes.
            XmlElement root = app.manifestIsText() ? TextXmlParser.parse(app.manifest())
                    : XmlDocuments.parse(app.manifest());
            return ManifestParser.parse(root, resources);
        } catch (MalformedXmlException | MalformedManifestException e) {
            diagnostics.unit(Stage.ANDROID, "AndroidManifest.xml", e.getMessage());
        } catch (RuntimeException e) {
            diagnostics.unit(Stage.ANDROID, "AndroidManifest.xml", "unreadable (" + Messages.describe(e) + ")");
        }
        return null;
    }
}
