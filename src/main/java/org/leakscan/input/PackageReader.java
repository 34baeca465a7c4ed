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
    private static final String AAB_BASE_MANIFEST = "base/manifest/AndroidManifest.xml";
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
        byte[] bytes = readFile(path);
        return read(bytes, display);
    }

    private byte[] readFile(Path path) throws InputException {
        try {
            long size = Files.size(path);
            if (size > limits.maxInputBytes()) {
                throw new ZipBombException("file is " + size + " bytes, over the limit of " + limits.maxInputBytes());
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InputException("no such file");
        } catch (IOException e) {
            throw new InputException("cannot read (" + Messages.oneLine(e) + ")", e);
        }
    }

    /** Reads an input already in memory; {@code display} names it in messages and reports. */
    public AppPackage read(byte[] bytes, String display) throws InputException {
        // Digesting a large APK takes about as long as inflating its code: let it run alongside.
        java.util.function.Supplier<String> sha =
                org.leakscan.diagnostics.Background.start("leakscan-sha256", () -> sha256(bytes));
        if (startsWith(bytes, DEX_MAGIC)) {
            return new AppPackage(display, InputFormat.DEX, sha.get(), bytes.length,
                    List.of(new CodeFile(fileName(display), bytes)), List.of(), null, false, null, EntrySource.EMPTY,
                    List.of());
        }
        if (startsWith(bytes, CLASS_MAGIC)) {
            return new AppPackage(display, InputFormat.CLASS, sha.get(), bytes.length, List.of(),
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
            return readAar(zip, display, sha.get(), bytes.length);
        }
        if (hasDex || names.contains("AndroidManifest.xml")) {
            return readApk(zip, bytes, display, sha);
        }
        if (names.stream().anyMatch(n -> n.endsWith(".class"))) {
            List<CodeFile> classes = new ArrayList<>();
            List<String> problems = new ArrayList<>(zip.problems());
            addClassFiles(zip, "", classes, problems);
            return new AppPackage(display, InputFormat.JAR, sha.get(), bytes.length, List.of(), classes, null, false,
                    null, zip, problems);
        }
        if (names.contains(AAB_BASE_MANIFEST)) {
            return readAab(zip, display, sha.get(), bytes.length);
        }
        List<String> apks = bundledApks(names);
        if (!apks.isEmpty()) {
            InputFormat format = names.contains("manifest.json") ? InputFormat.XAPK : InputFormat.APKS;
            return readApkSet(zip, apks, format, display, sha.get(), bytes.length);
        }
        throw new UnsupportedContainerException("zip holds no AndroidManifest.xml, classes.dex, class files or APKs");
    }

    private AppPackage readApk(ZipArchive zip, byte[] bytes, String display, java.util.function.Supplier<String> sha)
            throws InputException {
        List<String> problems = new ArrayList<>(zip.problems());
        ApkContents apk = apkContents(zip, display, "", problems);
        return new AppPackage(display, InputFormat.APK, sha.get(), bytes.length, apk.dex(), List.of(), apk.manifest(),
                false, apk.resources(), zip, problems, List.of(), ApkSigningBlock.pairs(bytes));
    }

    /** What one APK holds: its DEX files in load order (main, then embedded), manifest, resource table. */
    private record ApkContents(List<CodeFile> dex, byte[] manifest, byte[] resources) {
    }

    /** Reads one APK's code, manifest and resources; DEX names get {@code prefix} in front. */
    private ApkContents apkContents(ZipArchive zip, String display, String prefix, List<String> problems)
            throws InputException {
        List<CodeFile> dex = new ArrayList<>();
        for (String name : dexLoadOrder(zip.names(), problems)) {
            byte[] bytes = readOrNote(zip, name, problems);
            if (bytes != null) {
                dex.add(new CodeFile(prefix + name, bytes));
            }
        }
        for (CodeFile embedded : embeddedDex(zip, display, problems)) {
            dex.add(new CodeFile(prefix + embedded.name(), embedded.bytes()));
        }
        byte[] manifest = zip.contains("AndroidManifest.xml") ? readOrNote(zip, "AndroidManifest.xml", problems) : null;
        byte[] arsc = zip.contains("resources.arsc") ? readOrNote(zip, "resources.arsc", problems) : null;
        return new ApkContents(dex, manifest, arsc);
    }

    /**
     * Reads several APK files given on the command line as one app ({@code --split}): a base APK
     * and its splits, as {@code adb install-multiple} takes them. The input's SHA-256 is that of
     * the parts' hashes, one per line in part order; its size is their sum.
     *
     * @throws InputException when a file cannot be read or is not an APK
     */
    public AppPackage readSplit(List<Path> paths) throws InputException {
        if (paths.isEmpty()) {
            throw new InputException("--split needs at least one APK");
        }
        List<NamedApk> apks = new ArrayList<>();
        for (Path p : paths) {
            byte[] bytes = readFile(p);
            if (!isZip(bytes)) {
                throw new UnsupportedContainerException(p + ": not an APK (starts with " + magicHex(bytes) + ")");
            }
            apks.add(new NamedApk(p.toString(), bytes));
        }
        int base = baseIndex(apks.stream().map(NamedApk::name).toList(), null);
        String display = apks.get(base).name();
        StringBuilder hashes = new StringBuilder();
        long total = 0;
        for (NamedApk a : apks) {
            hashes.append(sha256(a.bytes())).append('\n');
            total += a.bytes().length;
        }
        String sha = sha256(hashes.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return assemble(InputFormat.SPLIT_APKS, display, sha, total, apks, base, new ArrayList<>());
    }

    /** An APK of a split set, by the name it has in the bundle or on disk. */
    private record NamedApk(String name, byte[] bytes) {
    }

    /**
     * The APKs of an XAPK or APKS bundle: those at its root, or under bundletool's {@code splits/}
     * and {@code standalones/} folders.
     */
    private static List<String> bundledApks(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String lower = n.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".apk") && (n.indexOf('/') < 0 || lower.startsWith("splits/")
                    || lower.startsWith("standalones/"))) {
                out.add(n);
            }
        }
        return out;
    }

    private AppPackage readApkSet(ZipArchive zip, List<String> apkNames, InputFormat format, String display,
                                  String sha, long size) throws InputException {
        List<String> problems = new ArrayList<>(zip.problems());
        List<String> chosen = new ArrayList<>(apkNames);
        if (chosen.stream().anyMatch(n -> !n.startsWith("standalones/"))) {
            // bundletool's standalone APKs repeat the whole app for old devices; the splits are the app.
            chosen.removeIf(n -> n.startsWith("standalones/"));
        } else {
            // Only standalone APKs (one per device class): each is the whole app; the first stands for all.
            chosen = List.of(chosen.get(0));
        }
        String declaredBase = zip.contains("manifest.json") ? xapkBase(zip.read("manifest.json")) : null;
        List<NamedApk> apks = new ArrayList<>();
        for (String n : chosen) {
            apks.add(new NamedApk(n, zip.read(n)));
        }
        int base = baseIndex(chosen, declaredBase);
        return assemble(format, display, sha, size, apks, base, problems);
    }

    /**
     * One app from a base APK and its splits: the base's manifest, resources and signing block;
     * DEX files of every part (base first) in one program; the splits' files beside the base's
     * under the names they have inside their APK (the base's win when both have one).
     */
    private AppPackage assemble(InputFormat format, String display, String sha, long size, List<NamedApk> apks,
                                int base, List<String> problems) throws InputException {
        List<NamedApk> ordered = new ArrayList<>(apks);
        ordered.add(0, ordered.remove(base));
        MergedSource entries = new MergedSource();
        List<CodeFile> dex = new ArrayList<>();
        List<PackagePart> parts = new ArrayList<>();
        ApkContents baseContents = null;
        byte[] signingBlock = null;
        for (int i = 0; i < ordered.size(); i++) {
            NamedApk apk = ordered.get(i);
            boolean isBase = i == 0;
            ZipArchive zip;
            try {
                zip = ZipArchive.open(apk.bytes(), display + "!" + apk.name(), limits);
            } catch (InputException e) {
                if (isBase) {
                    throw new InputException("base APK '" + apk.name() + "': " + e.getMessage(), e);
                }
                problems.add("split APK '" + apk.name() + "' not read: " + e.getMessage());
                continue;
            }
            for (String p : zip.problems()) {
                problems.add(apk.name() + ": " + p);
            }
            ApkContents contents = apkContents(zip, display + "!" + apk.name(), apk.name() + "!", problems);
            if (isBase) {
                baseContents = contents;
                signingBlock = ApkSigningBlock.pairs(apk.bytes());
            }
            dex.addAll(contents.dex());
            for (String n : zip.names()) {
                entries.add(n, zip, n);
            }
            parts.add(new PackagePart(apk.name(), isBase ? PackagePart.BASE : PackagePart.SPLIT, sha256(apk.bytes()),
                    apk.bytes().length, contents.dex().size()));
        }
        if (baseContents.manifest() == null) {
            problems.add("base APK '" + ordered.get(0).name() + "' has no AndroidManifest.xml");
        }
        return new AppPackage(display, format, sha, size, dex, List.of(), baseContents.manifest(), false,
                baseContents.resources(), entries, problems, parts, signingBlock);
    }

    /** The file named base in an XAPK's {@code manifest.json} ({@code "split_apks": [{"file", "id": "base"}]}). */
    static String xapkBase(byte[] json) {
        String text = new String(json, java.nio.charset.StandardCharsets.UTF_8);
        Matcher object = Pattern.compile("\\{([^{}]*)\\}").matcher(text);
        Pattern file = Pattern.compile("\"file\"\\s*:\\s*\"([^\"]+)\"");
        Pattern baseId = Pattern.compile("\"id\"\\s*:\\s*\"base\"");
        while (object.find()) {
            String body = object.group(1);
            Matcher f = file.matcher(body);
            if (baseId.matcher(body).find() && f.find()) {
                return f.group(1);
            }
        }
        return null;
    }

    /**
     * Which APK of a split set is the base: the one a manifest names; else one called
     * {@code base.apk} or {@code base-master.apk} (SAI, bundletool); else the first whose name is
     * not a split's ({@code split_…}, {@code config.…}, {@code …-master} of a feature); else the first.
     */
    static int baseIndex(List<String> names, String declared) {
        List<String> files = names.stream().map(PackageReader::fileName).toList();
        if (declared != null) {
            int i = files.indexOf(fileName(declared));
            if (i >= 0) {
                return i;
            }
        }
        for (int i = 0; i < files.size(); i++) {
            String f = files.get(i).toLowerCase(Locale.ROOT);
            if (f.equals("base.apk") || f.equals("base-master.apk")) {
                return i;
            }
        }
        for (int i = 0; i < files.size(); i++) {
            String f = files.get(i).toLowerCase(Locale.ROOT);
            if (!f.startsWith("split_") && !f.startsWith("config.") && !f.contains("split_config")
                    && !(names.get(i).startsWith("splits/") && !f.startsWith("base-"))) {
                return i;
            }
        }
        return 0;
    }

    /**
     * An Android App Bundle: every module ({@code base/}, feature folders) with a protobuf manifest
     * in {@code manifest/}. DEX files of all modules go into one program, base first; the base
     * module's {@code res/}, {@code assets/}, {@code lib/} and {@code root/} files appear under the
     * names they get in an installed APK, then the feature modules' where the base has none.
     */
    private AppPackage readAab(ZipArchive zip, String display, String sha, long size) throws InputException {
        List<String> problems = new ArrayList<>(zip.problems());
        List<String> modules = new ArrayList<>();
        for (String n : zip.names()) {
            int slash = n.indexOf('/');
            if (slash > 0 && n.substring(slash).equals("/manifest/AndroidManifest.xml")) {
                modules.add(n.substring(0, slash));
            }
        }
        modules.sort((a, b) -> a.equals("base") ? -1 : b.equals("base") ? 1 : a.compareTo(b));
        MergedSource entries = new MergedSource();
        List<CodeFile> dex = new ArrayList<>();
        List<PackagePart> parts = new ArrayList<>();
        for (String module : modules) {
            String prefix = module + "/";
            List<String> dexNames = new ArrayList<>();
            long moduleSize = 0;
            for (String n : zip.names()) {
                if (!n.startsWith(prefix)) {
                    continue;
                }
                moduleSize += Math.max(0, zip.size(n));
                String inner = n.substring(prefix.length());
                if (inner.startsWith("dex/")) {
                    dexNames.add(inner.substring(4));
                } else if (inner.equals("manifest/AndroidManifest.xml")) {
                    entries.add("AndroidManifest.xml", zip, n);
                } else if (inner.startsWith("root/")) {
                    entries.add(inner.substring(5), zip, n);
                } else if (inner.startsWith("res/") || inner.startsWith("assets/") || inner.startsWith("lib/")) {
                    entries.add(inner, zip, n);
                }
            }
            int before = dex.size();
            for (String d : dexLoadOrder(dexNames, problems)) {
                dex.add(new CodeFile(prefix + "dex/" + d, zip.read(prefix + "dex/" + d)));
            }
            parts.add(new PackagePart(module, module.equals("base") ? PackagePart.BASE : PackagePart.MODULE, null,
                    moduleSize, dex.size() - before));
        }
        for (String n : zip.names()) {
            entries.add(n, zip, n);
        }
        byte[] manifest = zip.read(AAB_BASE_MANIFEST);
        return new AppPackage(display, InputFormat.AAB, sha, size, dex, List.of(), manifest, false, null, entries,
                problems, parts, null);
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
