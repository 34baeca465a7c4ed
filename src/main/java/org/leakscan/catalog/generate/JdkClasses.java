package org.leakscan.catalog.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.objectweb.asm.tree.ClassNode;

/**
 * The classes of the running JDK's module image ({@code jrt:/}), read on demand.
 *
 * <p>Why the JDK: the robolectric android-all jars carry no {@code java.*} library (Robolectric runs
 * the framework on the host JVM), yet apps call framework methods through {@code java.*} types
 * ({@code HttpsURLConnection} is a {@code URLConnection}). Android 14's libcore tracks OpenJDK 17,
 * so the supertypes of its public {@code java.*} classes are taken from a JDK 17 image; the feature
 * version is recorded in the catalogue, and the freshness test only compares on the same one.
 */
public final class JdkClasses {

    private final int featureVersion;
    private final Map<String, Path> pathsByName;
    private final Map<String, ClassNode> cache = new ConcurrentHashMap<>();

    private JdkClasses(int featureVersion, Map<String, Path> pathsByName) {
        this.featureVersion = featureVersion;
        this.pathsByName = Collections.unmodifiableMap(pathsByName);
    }

    /** Indexes every class of the running JDK's image by internal name. */
    public static JdkClasses ofRunningJdk() throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        Map<String, Path> paths = new HashMap<>(40_000);
        try (Stream<Path> modules = Files.list(jrt.getPath("/modules"))) {
            for (Path module : (Iterable<Path>) modules::iterator) {
                try (Stream<Path> files = Files.walk(module)) {
                    files.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
                        String relative = module.relativize(p).toString();
                        String name = relative.substring(0, relative.length() - ".class".length());
                        if (!name.equals("module-info")) {
                            paths.putIfAbsent(name, p);
                        }
                    });
                }
            }
        }
        return new JdkClasses(Runtime.version().feature(), paths);
    }

    /** The JDK's feature release, e.g. 17. */
    public int featureVersion() {
        return featureVersion;
    }

    /** The class with this internal name, or null when the JDK has none. */
    public ClassNode get(String internalName) {
        Path path = pathsByName.get(internalName);
        if (path == null) {
            return null;
        }
        return cache.computeIfAbsent(internalName, n -> {
            try {
                return FrameworkJar.readClass(Files.readAllBytes(path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Internal names of the JDK's classes in the given packages (internal form, {@code java/util}). */
    public List<String> classesIn(Predicate<String> packageFilter) {
        List<String> out = new ArrayList<>();
        for (String name : pathsByName.keySet()) {
            int slash = name.lastIndexOf('/');
            if (slash > 0 && packageFilter.test(name.substring(0, slash))) {
                out.add(name);
            }
        }
        Collections.sort(out);
        return out;
    }
}
