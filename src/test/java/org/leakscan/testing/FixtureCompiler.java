package org.leakscan.testing;

import com.android.tools.r8.CompilationMode;
import com.android.tools.r8.D8;
import com.android.tools.r8.D8Command;
import com.android.tools.r8.OutputMode;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles a fixture app's Java sources with javac (against the API-16 {@code android.jar} stub
 * from Maven Central) and turns the classes into {@code classes.dex} with D8, the real Android
 * toolchain. Output is deterministic: same sources, same bytes.
 */
public final class FixtureCompiler {

    /** Fixtures use Java 11 so the JVM front-end meets invokedynamic string concatenation. */
    static final String JAVA_RELEASE = "11";
    static final int MIN_API = 21;

    private FixtureCompiler() {
    }

    /** The {@code android.jar} stub on the test classpath. */
    public static Path androidJar() {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.replace('\\', '/').matches(".*/android-4\\.1\\.1\\.4\\.jar")) {
                return Path.of(entry);
            }
        }
        throw new IllegalStateException("android-4.1.1.4.jar is not on the test classpath");
    }

    /** Library jars on the test classpath a fixture may compile against (HTTP clients), not packaged with it. */
    static List<Path> fixtureLibraries() {
        List<Path> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.matches("(okhttp|okio|retrofit|library)-[0-9.]+\\.jar")) {
                out.add(Path.of(entry));
            }
        }
        return out;
    }

    /** Compiles every {@code .java} file under {@code sourceDir} into {@code classesDir}. */
    public static void javac(Path sourceDir, Path classesDir) throws IOException {
        javac(List.of(sourceDir), classesDir);
    }

    /** Compiles every {@code .java} file under the {@code sourceDirs} into {@code classesDir}. */
    public static void javac(List<Path> sourceDirs, Path classesDir) throws IOException {
        List<String> sources = new ArrayList<>();
        for (Path sourceDir : sourceDirs) {
            try (Stream<Path> walk = Files.walk(sourceDir)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> sources.add(p.toString()));
            }
        }
        if (sources.isEmpty()) {
            throw new IOException("no Java sources under " + sourceDirs);
        }
        Files.createDirectories(classesDir);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringBuilder classpath = new StringBuilder(androidJar().toString());
        for (Path lib : fixtureLibraries()) {
            classpath.append(File.pathSeparator).append(lib);
        }
        List<String> args = new ArrayList<>(List.of("--release", JAVA_RELEASE, "-classpath", classpath.toString(),
                "-d", classesDir.toString(), "-encoding", "UTF-8", "-nowarn", "-Xlint:none", "-g:none"));
        args.addAll(sources);
        StringWriter errors = new StringWriter();
        int rc = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                errors.write(b);
            }
        }), args.toArray(new String[0]));
        if (rc != 0) {
            throw new IOException("javac failed for " + sourceDirs + ":\n" + errors);
        }
    }

    /** Runs D8 over the class files in {@code classesDir}; returns {@code classes.dex}. */
    public static byte[] d8(Path classesDir, Path workDir) throws IOException {
        List<Path> classFiles = classFiles(classesDir);
        Path out = workDir.resolve("d8-out");
        Files.createDirectories(out);
        try {
            D8.run(D8Command.builder()
                    .addProgramFiles(classFiles)
                    .addLibraryFiles(androidJar())
                    .addClasspathFiles(fixtureLibraries())
                    .setMinApiLevel(MIN_API)
                    .setMode(CompilationMode.RELEASE)
                    .setOutput(out, OutputMode.DexIndexed)
                    .build());
        } catch (com.android.tools.r8.CompilationFailedException e) {
            throw new IOException("D8 failed for " + classesDir, e);
        }
        return Files.readAllBytes(out.resolve("classes.dex"));
    }

    /** A JAR of the class files in {@code classesDir}, with fixed timestamps. */
    public static byte[] jar(Path classesDir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path p : classFiles(classesDir)) {
                ZipEntry e = new ZipEntry(classesDir.relativize(p).toString().replace('\\', '/'));
                e.setTimeLocal(FIXED_TIME);
                zip.putNextEntry(e);
                zip.write(Files.readAllBytes(p));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Every fixture archive entry gets this DOS time (no time zone involved), so archives are byte-stable. */
    static final java.time.LocalDateTime FIXED_TIME = java.time.LocalDateTime.of(2020, 1, 1, 0, 0);

    static List<Path> classFiles(Path classesDir) throws IOException {
        try (Stream<Path> walk = Files.walk(classesDir)) {
            return walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
    }
}
