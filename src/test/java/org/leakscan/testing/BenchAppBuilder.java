package org.leakscan.testing;

import com.android.tools.r8.CompilationFailedException;
import com.android.tools.r8.CompilationMode;
import com.android.tools.r8.D8;
import com.android.tools.r8.D8Command;
import com.android.tools.r8.Diagnostic;
import com.android.tools.r8.DiagnosticsHandler;
import com.android.tools.r8.JdkClassFileProvider;
import com.android.tools.r8.OutputMode;
import com.android.tools.r8.origin.Origin;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds the benchmark apps of {@code leakscan bench}: real open-source jars (copied by
 * {@code scripts/build-bench-app} from {@code bench/pom.xml} into {@code <work>/jars}) dexed with D8
 * one jar at a time ({@code <work>/dex/<jar>/}, kept between runs), plus the small app of
 * {@code bench/app} (javac against the API-16 stub, then D8), merged by D8 in release mode into
 * multidex APKs of about 10, 20, 40 and 60 MB of DEX ({@code <work>/apps/bench-<n>mb.apk}) with a
 * binary manifest written by {@link AxmlWriter}. Jars are taken in name order; a class already
 * taken from an earlier jar is skipped (Maven may bring two versions of one library), as are
 * {@code module-info} and multi-release variants.
 *
 * <p>Run by the script, not by the tests: {@code java -cp <test classpath> org.leakscan.testing.BenchAppBuilder
 * <project dir> <work dir> [sizes in MB...]}.
 */
public final class BenchAppBuilder {

    static final int MIN_API = 26;

    private BenchAppBuilder() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]).toAbsolutePath().normalize();
        Path work = Path.of(args[1]).toAbsolutePath().normalize();
        List<Integer> sizes = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10, 20, 40, 60);
        }
        List<Path> jars;
        try (Stream<Path> s = Files.list(work.resolve("jars"))) {
            jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        if (jars.isEmpty()) {
            throw new IOException("no jars in " + work.resolve("jars") + ": run scripts/build-bench-app");
        }
        Path appDex = buildAppCode(project.resolve("bench/app"), work, jars);
        Map<String, List<Path>> dexByJar = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        // Dex only as many jars as the largest app needs (merging shares strings, so a margin).
        long needed = sizes.stream().mapToLong(mb -> mb * 1_150_000L).max().orElse(0);
        long dexed = 0;
        for (Path jar : jars) {
            if (dexed >= needed) {
                break;
            }
            String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
            List<Path> dex = dexJar(jar, work.resolve("dex").resolve(name), seen);
            dexByJar.put(name, dex);
            for (Path d : dex) {
                dexed += Files.size(d);
            }
        }
        Files.createDirectories(work.resolve("apps"));
        byte[] manifest = FixtureApps.binaryManifest(Files.readAllBytes(project.resolve("bench/app/AndroidManifest.xml")),
                Map.of());
        for (int mb : sizes) {
            List<Path> inputs = new ArrayList<>(List.of(appDex));
            List<String> taken = new ArrayList<>();
            long bytes = Files.size(appDex);
            for (Map.Entry<String, List<Path>> e : dexByJar.entrySet()) {
                if (bytes >= mb * 1_000_000L) {
                    break;
                }
                for (Path d : e.getValue()) {
                    inputs.add(d);
                    bytes += Files.size(d);
                }
                if (!e.getValue().isEmpty()) {
                    taken.add(e.getKey());
                }
            }
            Path merged = work.resolve("merged").resolve(mb + "mb");
            deleteRecursively(merged);
            Files.createDirectories(merged);
            System.err.printf("bench app %d MB: merging %d dex files from %d jars%n", mb, inputs.size(), taken.size());
            D8.run(D8Command.builder(quietDiagnostics())
                    .addProgramFiles(inputs)
                    .setMinApiLevel(MIN_API)
                    .setMode(CompilationMode.RELEASE)
                    .setOutput(merged, OutputMode.DexIndexed)
                    .build());
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("AndroidManifest.xml", manifest);
            long dexBytes = 0;
            try (Stream<Path> s = Files.list(merged)) {
                List<Path> dexFiles = s.filter(p -> p.toString().endsWith(".dex")).sorted(BenchAppBuilder::dexOrder).toList();
                for (Path d : dexFiles) {
                    byte[] b = Files.readAllBytes(d);
                    dexBytes += b.length;
                    entries.put(d.getFileName().toString(), b);
                }
            }
            entries.put("assets/bench-libraries.txt", String.join("\n", taken).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Path apk = work.resolve("apps").resolve("bench-" + mb + "mb.apk");
            Files.write(apk, zip(entries));
            System.out.printf("%s: %d dex files, %.1f MB of DEX, %d jars%n", work.relativize(apk),
                    entries.keySet().stream().filter(k -> k.endsWith(".dex")).count(), dexBytes / 1e6, taken.size());
        }
    }

    /** classes.dex, classes2.dex, ..., classes10.dex: Android's load order. */
    private static int dexOrder(Path a, Path b) {
        return Integer.compare(dexNumber(a), dexNumber(b));
    }

    private static int dexNumber(Path p) {
        String n = p.getFileName().toString().replace("classes", "").replace(".dex", "");
        return n.isEmpty() ? 1 : Integer.parseInt(n);
    }

    /** The app's own code: javac against the stub and the jars, then D8 (intermediate, for merging). */
    private static Path buildAppCode(Path appDir, Path work, List<Path> jars) throws IOException, CompilationFailedException {
        Path classes = work.resolve("app-classes");
        deleteRecursively(classes);
        Files.createDirectories(classes);
        List<String> sources;
        try (Stream<Path> s = Files.walk(appDir.resolve("src"))) {
            sources = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        StringBuilder cp = new StringBuilder(AndroidJars.androidStubs16().orElseThrow().toString());
        for (Path j : jars) {
            cp.append(java.io.File.pathSeparator).append(j);
        }
        List<String> args = new ArrayList<>(List.of("--release", "11", "-classpath", cp.toString(), "-d",
                classes.toString(), "-nowarn", "-g:none"));
        args.addAll(sources);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        int rc = javac.run(null, null, new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                errors.write(b);
            }
        }), args.toArray(new String[0]));
        if (rc != 0) {
            throw new IOException("javac failed for the bench app:\n" + errors);
        }
        Path out = work.resolve("dex").resolve("_app");
        deleteRecursively(out);
        Files.createDirectories(out);
        D8.run(D8Command.builder(quietDiagnostics())
                .addProgramFiles(FixtureCompiler.classFiles(classes))
                .addLibraryFiles(AndroidJars.androidStubs16().orElseThrow())
                .setMinApiLevel(MIN_API)
                .setMode(CompilationMode.RELEASE)
                .setIntermediate(true)
                .setOutput(out, OutputMode.DexIndexed)
                .build());
        return out.resolve("classes.dex");
    }

    /**
     * Dexes one jar (classes not seen in an earlier jar) into {@code out}, reusing an earlier result;
     * returns its dex files, none when D8 rejects the jar (it is then left out and said so).
     */
    private static List<Path> dexJar(Path jar, Path out, Set<String> seen) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                String n = e.getName();
                if (!n.endsWith(".class") || n.startsWith("META-INF/") || n.endsWith("module-info.class")
                        || n.endsWith("package-info.class") || !seen.add(n)) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    classes.put(n, in.readAllBytes());
                }
            }
        }
        Path done = out.resolve(".done");
        if (!Files.exists(done) && !classes.isEmpty()) {
            deleteRecursively(out);
            Files.createDirectories(out);
            D8Command.Builder b = D8Command.builder(quietDiagnostics())
                    .addLibraryResourceProvider(JdkClassFileProvider.fromSystemJdk())
                    .addLibraryFiles(AndroidJars.androidStubs16().orElseThrow())
                    .setMinApiLevel(MIN_API)
                    .setMode(CompilationMode.RELEASE)
                    .setIntermediate(true)
                    .setOutput(out, OutputMode.DexIndexed);
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                b.addClassProgramData(c.getValue(), new PathOrigin(jar, c.getKey()));
            }
            try {
                D8.run(b.build());
                Files.writeString(done, "");
            } catch (CompilationFailedException e) {
                System.err.println("bench: D8 rejected " + jar.getFileName() + " (" + e.getCause() + "); left out");
                deleteRecursively(out);
                return List.of();
            }
            System.err.println("bench: dexed " + jar.getFileName());
        }
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.toString().endsWith(".dex")).sorted(BenchAppBuilder::dexOrder).toList();
        }
    }

    /** Warnings (missing library classes for desugaring) are expected here; errors still fail. */
    private static DiagnosticsHandler quietDiagnostics() {
        return new DiagnosticsHandler() {
            @Override
            public void warning(Diagnostic warning) {
            }

            @Override
            public void info(Diagnostic info) {
            }
        };
    }

    private static final class PathOrigin extends Origin {
        private final String name;

        PathOrigin(Path jar, String entry) {
            super(Origin.root());
            this.name = jar.getFileName() + "!" + entry;
        }

        @Override
        public String part() {
            return name;
        }
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        return Bundles.zip(entries);
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
