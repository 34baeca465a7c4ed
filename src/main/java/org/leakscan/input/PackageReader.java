package org.leakscan.input;

import org.leakscan.diagnostics.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens an input file or folder as an {@link AppPackage}. The container is recognised by its
 * content, not its file name: DEX magic, class-file magic, or a zip whose entries say what it is
 * (an APK has {@code AndroidManifest.xml} or {@code classes.dex} at its root, an AAR has
 * {@code classes.jar}, a JAR has class files).
 */
public final class PackageReader {

    private static final Pattern DEX_NAME = Pattern.compile("classes(\\d*)\\.dex");
    private static final byte[] DEX_MAGIC = {'d', 'e', 'x', '\n'};
    private static final byte[] CLASS_MAGIC = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE};

    private final ZipLimits limits;

    public PackageReader(ZipLimits limits) {
        this.limits = limits;
    }

    public PackageReader() {
        this(ZipLimits.DEFAULT);
    }

    /**
     * Reads one input.
     *
     * @param path the file or folder
     * @throws InputException when it cannot be read at all; the message is one line
     */
    public AppPackage read(Path path) throws InputException {
        String display = path.toString();
        if (Files.isDirectory(path)) {
            return readDirectory(path, display);
        }
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > limits.maxInputBytes()) {
                throw new ZipBombException("file is " + size + " bytes, over the limit of " + limits.maxInputBytes());
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InputException("no such file");
        } catch (IOException e) {
            throw new InputException("cannot read (" + Messages.oneLine(e) + ")", e);
        }
        return read(bytes, display);
    }

    /** Reads an input already in memory; {@code display} names it in messages and reports. */
    public AppPackage read(byte[] bytes, String display) throws InputException {
        String sha = sha256(bytes);
        if (startsWith(bytes, DEX_MAGIC)) {
            return new AppPackage(display, InputFormat.DEX, sha, bytes.length,
                    List.of(new CodeFile(fileName(display), bytes)), List.of(), null, false, null, EntrySource.EMPTY,
                    List.of());
        }
        if (startsWith(bytes, CLASS_MAGIC)) {
            return new AppPackage(display, InputFormat.CLASS, sha, bytes.length, List.of(),
                    List.of(new CodeFile(fileName(display), bytes)), null, false, null, EntrySource.EMPTY, List.of());
        }
        if (!isZip(bytes)) {
            throw new UnsupportedContainerException("not an APK, AAR, JAR, DEX or class file (starts with "
                    + magicHex(bytes) + ")");
        }
        ZipArchive zip = ZipArchive.open(bytes, display, limits);
        List<String> names = zip.names();
        boolean hasDex = names.stream().anyMatch(n -> DEX_NAME.matcher(n).matches());
        if (names.contains("AndroidManifest.xml") && names.contains("classes.jar") && !hasDex) {
            return readAar(zip, display, sha, bytes.length);
        }
        if (hasDex || names.contains("AndroidManifest.xml")) {
            return readApk(zip, display, sha, bytes.length);
        }
        if (names.stream().anyMatch(n -> n.endsWith(".class"))) {
            List<CodeFile> classes = new ArrayList<>();
            List<String> problems = new ArrayList<>(zip.problems());
            addClassFiles(zip, "", classes, problems);
            return new AppPackage(display, InputFormat.JAR, sha, bytes.length, List.of(), classes, null, false, null,
                    zip, problems);
        }
        if (names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).endsWith(".apk"))) {
            throw new UnsupportedContainerException("split-APK bundles (XAPK/APKS) are not supported yet: "
                    + "give the APKs inside it instead");
        }
        if (names.contains("base/manifest/AndroidManifest.xml")) {
            throw new UnsupportedContainerException("Android App Bundles (AAB) are not supported yet");
        }
        throw new UnsupportedContainerException("zip holds no AndroidManifest.xml, classes.dex or class files");
    }

    private AppPackage readApk(ZipArchive zip, String display, String sha, long size) throws InputException {
        List<String> problems = new ArrayList<>(zip.problems());
        List<CodeFile> dex = new ArrayList<>();
        for (String name : dexLoadOrder(zip.names(), problems)) {
            byte[] bytes = readOrNote(zip, name, problems);
            if (bytes != null) {
                dex.add(new CodeFile(name, bytes));
            }
        }
        dex.addAll(embeddedDex(zip, display, problems));
        byte[] manifest = zip.contains("AndroidManifest.xml") ? readOrNote(zip, "AndroidManifest.xml", problems) : null;
        byte[] arsc = zip.contains("resources.arsc") ? readOrNote(zip, "resources.arsc", problems) : null;
        return new AppPackage(display, InputFormat.APK, sha, size, dex, List.of(), manifest, false, arsc, zip,
                problems);
    }

    /**
     * DEX code shipped inside the package to be loaded at run time ({@code DexClassLoader} on a
     * {@code .dex}, {@code .jar} or {@code .apk} under {@code assets/} or {@code res/raw/}): packers
     * and plug-in loaders hide code there. It is analysed with the rest, after the main DEX files,
     * so a class defined in both keeps the main definition.
     */
    private List<CodeFile> embeddedDex(ZipArchive zip, String display, List<String> problems) {
        List<CodeFile> out = new ArrayList<>();
        for (String name : zip.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!(lower.startsWith("assets/") || lower.startsWith("res/raw/"))
                    || !(lower.endsWith(".dex") || lower.endsWith(".jar") || lower.endsWith(".apk")
                    || lower.endsWith(".zip"))) {
                continue;
            }
            try {
                byte[] bytes = zip.read(name);
                if (startsWith(bytes, DEX_MAGIC)) {
                    out.add(new CodeFile(name, bytes));
                } else if (isZip(bytes)) {
                    try (ZipArchive inner = ZipArchive.open(bytes, display + "!" + name, limits)) {
                        for (String dexName : dexLoadOrder(inner.names(), new ArrayList<>())) {
                            out.add(new CodeFile(name + "!" + dexName, inner.read(dexName)));
                        }
                    }
                }
            } catch (InputException e) {
                problems.add(name + ": embedded code not read: " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * {@code classes.dex}, {@code classes2.dex}, ... in numeric order, as ART loads them. ART stops
     * at the first missing number, so files after a gap are never loaded: they are noted and skipped.
     */
    static List<String> dexLoadOrder(List<String> names, List<String> problems) {
        java.util.TreeMap<Integer, String> byIndex = new java.util.TreeMap<>();
        for (String n : names) {
            Matcher m = DEX_NAME.matcher(n);
            if (m.matches()) {
                String digits = m.group(1);
                if (digits.equals("1") || digits.startsWith("0")) {
                    problems.add("entry '" + n + "' is not loaded by Android (not a multidex name)");
                    continue;
                }
                byIndex.put(digits.isEmpty() ? 1 : Integer.parseInt(digits), n);
            }
        }
        List<String> order = new ArrayList<>();
        int expected = 1;
        for (var e : byIndex.entrySet()) {
            if (e.getKey() != expected) {
                problems.add("entry '" + e.getValue() + "' is not loaded by Android (classes" + (expected == 1 ? "" : expected)
                        + ".dex is missing)");
                continue;
            }
            order.add(e.getValue());
            expected++;
        }
        return order;
    }

    /**
     * One entry's bytes, or null when it is corrupt or over a limit: the entry is noted in
     * {@code problems} and the rest of the input is still read.
     */
    private static byte[] readOrNote(ZipArchive zip, String name, List<String> problems) {
        try {
            return zip.read(name);
        } catch (InputException e) {
            problems.add(e.getMessage() + ": skipped");
            return null;
        }
    }

    private AppPackage readAar(ZipArchive zip, String display, String sha, long size) throws InputException {
        List<String> problems = new ArrayList<>(zip.problems());
        List<CodeFile> classes = new ArrayList<>();
        for (String name : zip.names()) {
            if (name.equals("classes.jar") || (name.startsWith("libs/") && name.endsWith(".jar"))) {
                byte[] jarBytes = readOrNote(zip, name, problems);
                if (jarBytes == null) {
                    continue;
                }
                try (ZipArchive jar = ZipArchive.open(jarBytes, display + "!" + name, limits)) {
                    for (String p : jar.problems()) {
                        problems.add(name + ": " + p);
                    }
                    List<String> inner = new ArrayList<>();
                    addClassFiles(jar, name + "!", classes, inner);
                    for (String p : inner) {
                        problems.add(name + ": " + p);
                    }
                } catch (InputException e) {
                    problems.add(name + ": " + e.getMessage());
                }
            }
        }
        byte[] manifest = readOrNote(zip, "AndroidManifest.xml", problems);
        return new AppPackage(display, InputFormat.AAR, sha, size, List.of(), classes, manifest, true, null, zip,
                problems);
    }

    private static void addClassFiles(ZipArchive jar, String prefix, List<CodeFile> out, List<String> problems) {
        for (String n : jar.names()) {
            // Multi-release variants and module descriptors describe the same classes again.
            if (n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class")) {
                byte[] bytes = readOrNote(jar, n, problems);
                if (bytes != null) {
                    out.add(new CodeFile(prefix + n, bytes));
                }
            }
        }
    }

    private AppPackage readDirectory(Path dir, String display) throws InputException {
        DirectorySource files = DirectorySource.scan(dir, limits);
        List<CodeFile> dex = new ArrayList<>();
        List<CodeFile> classes = new ArrayList<>();
        long total = 0;
        List<String> problems = new ArrayList<>();
        byte[] manifest = null;
        boolean manifestIsText = false;
        for (String n : files.names()) {
            total += Math.max(0, files.size(n));
            if (n.endsWith(".dex")) {
                dex.add(new CodeFile(n, files.read(n)));
            } else if (n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class")) {
                classes.add(new CodeFile(n, files.read(n)));
            } else if (n.equals("AndroidManifest.xml")) {
                manifest = files.read(n);
                manifestIsText = manifest.length > 0 && manifest[0] != 0x03;
            }
        }
        if (dex.isEmpty() && classes.isEmpty()) {
            throw new UnsupportedContainerException("folder holds no .class or .dex files");
        }
        return new AppPackage(display, InputFormat.DIRECTORY, sha256(new byte[0]), total, dex, classes, manifest,
                manifestIsText, null, files, problems);
    }

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && (b[2] == 3 || b[2] == 5 || b[2] == 7) ;
    }

    private static boolean startsWith(byte[] b, byte[] magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (b[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String magicHex(byte[] b) {
        if (b.length == 0) {
            return "nothing: the file is empty";
        }
        return "0x" + HexFormat.of().formatHex(b, 0, Math.min(4, b.length));
    }

    private static String fileName(String display) {
        String n = display.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
