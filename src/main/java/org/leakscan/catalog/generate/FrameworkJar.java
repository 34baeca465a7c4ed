package org.leakscan.catalog.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * Every class of one Android framework jar, read once with ASM without code, frames or debug
 * information: headers, member signatures and annotations, which is all the generators need.
 *
 * @param artifact Maven coordinates guessed from the file name ({@code android-all-<version>.jar}),
 *                 else the file name; written into the catalogues' {@code source} blocks
 * @param apiLevel {@code ro.build.version.sdk} from the jar's {@code build.prop}, or 0 when absent
 * @param classes  class nodes by JVM internal name ({@code android/app/Activity})
 */
public record FrameworkJar(String artifact, int apiLevel, Map<String, ClassNode> classes) {

    private static final Pattern ANDROID_ALL = Pattern.compile("android-all-(.+)\\.jar");

    public FrameworkJar {
        classes = Collections.unmodifiableMap(new HashMap<>(classes));
    }

    /** Reads every {@code .class} entry of {@code jar}. */
    public static FrameworkJar read(Path jar) throws IOException {
        Map<String, ClassNode> classes = new HashMap<>(65_536);
        int apiLevel = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (entry.getName().equals("build.prop")) {
                    apiLevel = apiLevel(zip, entry);
                } else if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        ClassNode node = readClass(in.readAllBytes());
                        classes.put(node.name, node);
                    } catch (RuntimeException ex) {
                        throw new IOException("cannot read " + entry.getName() + " in " + jar + ": " + ex, ex);
                    }
                }
            }
        }
        return new FrameworkJar(artifactOf(jar), apiLevel, classes);
    }

    /** {@code ro.build.version.sdk} from the jar's {@code build.prop}, or 0 when absent; reads nothing else. */
    public static int apiLevelOf(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry("build.prop");
            return entry == null ? 0 : apiLevel(zip, entry);
        }
    }

    /** The class with this internal name, or null. */
    public ClassNode get(String internalName) {
        return classes.get(internalName);
    }

    static ClassNode readClass(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
        return node;
    }

    static String artifactOf(Path jar) {
        String fileName = jar.getFileName().toString();
        Matcher m = ANDROID_ALL.matcher(fileName);
        return m.matches() ? "org.robolectric:android-all:" + m.group(1) : fileName;
    }

    private static int apiLevel(ZipFile zip, ZipEntry entry) {
        Properties p = new Properties();
        try (InputStream in = zip.getInputStream(entry)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String sdk = p.getProperty("ro.build.version.sdk", "0").trim();
        try {
            return Integer.parseInt(sdk);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
