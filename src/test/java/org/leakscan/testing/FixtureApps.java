package org.leakscan.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.leakscan.android.TextXmlParser;
import org.leakscan.android.XmlAttribute;
import org.leakscan.android.XmlElement;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Builds the fixture apps of {@code testdata/apps/<name>/} the way Android's toolchain would: Java
 * sources through javac and D8 into {@code classes.dex}; the text {@code AndroidManifest.xml} into
 * binary XML ({@link AxmlWriter}); {@code res/values/strings.xml} into {@code resources.arsc}
 * ({@link ArscWriter}), with {@code @string/x} references in the manifest resolved to resource ids
 * as aapt does; {@code assets/} copied. The same classes also go into a JAR, and into an AAR (the
 * JAR as {@code classes.jar} beside the text manifest, strings and assets, as the Android Gradle
 * plugin packs a library), for the differential test of the two front-ends. Built once per test
 * JVM under {@code target/fixtures/<name>/}; archives are byte-stable (fixed entry times, sorted
 * entries).
 */
public final class FixtureApps {

    /** One built fixture. */
    public record Fixture(String name, Path apk, Path jar, Path aar) {
    }

    private static final Map<String, Fixture> BUILT = new ConcurrentHashMap<>();

    /** Writes generated sources into a javac source root. */
    private interface SourceGenerator {
        void write(Path sourceRoot) throws IOException;
    }

    /**
     * Fixtures with sources that test code writes at build time (too large to commit). They are
     * hostile by design, so {@link #names()} leaves them out: only their own tests build them.
     */
    private static final Map<String, SourceGenerator> GENERATED = Map.of("analysis-bomb", AnalysisBombSources::write);

    private FixtureApps() {
    }

    /** {@code testdata/apps}. */
    public static Path sourcesRoot() {
        return JsonSchemaAssert.projectDir().resolve("testdata/apps");
    }

    /** The names of all fixture apps, but those built only on request (the analysis bomb). */
    public static List<String> names() {
        try (Stream<Path> s = Files.list(sourcesRoot())) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !GENERATED.containsKey(n)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The APK of every fixture app, built (once) if need be. */
    public static List<Path> apks() {
        return names().stream().map(n -> get(n).apk()).toList();
    }

    /** Builds (once) and returns the fixture. */
    public static Fixture get(String name) {
        return BUILT.computeIfAbsent(name, n -> {
            try {
                return build(n);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot build fixture " + n + ": " + e.getMessage(), e);
            }
        });
    }

    private static Fixture build(String name) throws IOException {
        Path src = sourcesRoot().resolve(name);
        Path out = JsonSchemaAssert.projectDir().resolve("target/fixtures").resolve(name);
        Files.createDirectories(out);
        Path classes = out.resolve("classes");
        deleteRecursively(classes);
        List<Path> sourceRoots = List.of(src.resolve("src"));
        SourceGenerator generator = GENERATED.get(name);
        if (generator != null) {
            Path generated = out.resolve("generated-src");
            deleteRecursively(generated);
            generator.write(generated);
            sourceRoots = List.of(src.resolve("src"), generated);
        }
        FixtureCompiler.javac(sourceRoots, classes);
        byte[] dex = FixtureCompiler.d8(classes, out);
        byte[] jar = FixtureCompiler.jar(classes);
        Path jarFile = out.resolve(name + ".jar");
        Files.write(jarFile, jar);
        Path apkFile = out.resolve(name + ".apk");
        Files.write(apkFile, apk(src, dex));
        Path aarFile = out.resolve(name + ".aar");
        Files.write(aarFile, aar(src, jar));
        return new Fixture(name, apkFile, jarFile, aarFile);
    }

    /** The AAR bytes for a fixture folder and its classes JAR: text manifest and values, as AARs carry them. */
    public static byte[] aar(Path src, byte[] classesJar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("AndroidManifest.xml", Files.readAllBytes(src.resolve("AndroidManifest.xml")));
        entries.put("classes.jar", classesJar);
        Path strings = src.resolve("res/values/strings.xml");
        if (Files.exists(strings)) {
            entries.put("res/values/strings.xml", Files.readAllBytes(strings));
        }
        addAssets(src, entries);
        return zip(entries);
    }

    /** The APK bytes for a fixture folder and its dex. */
    public static byte[] apk(Path src, byte[] dex) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        ArscWriter arsc = null;
        Map<String, Integer> stringIds = new LinkedHashMap<>();
        Path strings = src.resolve("res/values/strings.xml");
        if (Files.exists(strings)) {
            String pkg = TextXmlParser.parse(Files.readAllBytes(src.resolve("AndroidManifest.xml")))
                    .attributes().stream().filter(a -> a.name().equals("package")).findFirst()
                    .map(XmlAttribute::rawValue).orElse("fixture");
            arsc = new ArscWriter(pkg);
            for (Map.Entry<String, String> e : readStrings(strings).entrySet()) {
                stringIds.put("@string/" + e.getKey(), arsc.string(e.getKey(), e.getValue()));
            }
        }
        entries.put("AndroidManifest.xml", binaryManifest(Files.readAllBytes(src.resolve("AndroidManifest.xml")), stringIds));
        entries.put("classes.dex", dex);
        if (arsc != null) {
            entries.put("resources.arsc", arsc.toBytes());
        }
        addAssets(src, entries);
        return zip(entries);
    }

    private static void addAssets(Path src, Map<String, byte[]> entries) throws IOException {
        Path assets = src.resolve("assets");
        if (Files.isDirectory(assets)) {
            try (Stream<Path> walk = Files.walk(assets)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    entries.put("assets/" + assets.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
        }
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        return Bundles.zip(entries);
    }

    /** {@code <string name="x">value</string>} entries, in file order. */
    static Map<String, String> readStrings(Path file) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            NodeList list = b.parse(file.toFile()).getDocumentElement().getElementsByTagName("string");
            Map<String, String> out = new LinkedHashMap<>();
            for (int i = 0; i < list.getLength(); i++) {
                Element e = (Element) list.item(i);
                out.put(e.getAttribute("name"), e.getTextContent());
            }
            return out;
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("bad " + file + ": " + e.getMessage(), e);
        }
    }

    /** The text manifest as Android binary XML; {@code @string/x} values become references. */
    public static byte[] binaryManifest(byte[] textManifest, Map<String, Integer> stringIds) {
        XmlElement root = TextXmlParser.parse(textManifest);
        AxmlWriter w = new AxmlWriter();
        write(root, w, stringIds);
        return w.toBytes();
    }

    private static void write(XmlElement e, AxmlWriter w, Map<String, Integer> stringIds) {
        w.start(e.name());
        for (XmlAttribute a : e.attributes()) {
            String raw = a.rawValue();
            if (raw != null && raw.startsWith("@string/") && a.isAndroid()) {
                Integer id = stringIds.get(raw);
                if (id == null) {
                    throw new IllegalArgumentException("manifest names " + raw + " but strings.xml lacks it");
                }
                w.androidRef(a.name(), id);
            } else {
                w.attr(a.namespace(), a.name(), a.resourceId(), a.type(), a.data(),
                        a.type() == org.leakscan.android.ValueTypes.TYPE_STRING ? raw : null);
            }
        }
        for (XmlElement c : e.children()) {
            write(c, w, stringIds);
        }
        w.end();
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

    /** Reads a text file of the fixture, for tests that check expectations written in sources. */
    public static String read(String name, String relative) throws IOException {
        return Files.readString(sourcesRoot().resolve(name).resolve(relative), StandardCharsets.UTF_8);
    }
}
