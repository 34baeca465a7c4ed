package org.leakscan.android;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.leakscan.testing.Aapt;
import org.leakscan.testing.JsonSchemaAssert;
import org.leakscan.testing.SharedApps;

/**
 * Real apps built by others: DroidBench's 131 APKs and the 22-app corpus in {@code ../shared}.
 * Every manifest and resource table must parse, and where {@code aapt} is installed the package,
 * version, SDK levels, label and permissions must be what aapt reads. Skips cleanly when the
 * folders or aapt are absent.
 */
class RealAppsTest {

    private static final Pattern PACKAGE = Pattern.compile(
            "package: name='([^']*)' versionCode='([^']*)' versionName='([^']*)'.*");
    private static final Pattern SDK = Pattern.compile("sdkVersion:'([^']*)'");
    private static final Pattern TARGET_SDK = Pattern.compile("targetSdkVersion:'([^']*)'");
    private static final Pattern LABEL = Pattern.compile("application-label:'([^']*)'");
    private static final Pattern USES_PERMISSION = Pattern.compile(
            "uses-permission(-sdk-23)?: name='([^']*)'(?: maxSdkVersion='(\\d+)')?");
    private static final Pattern DECLARED_PERMISSION = Pattern.compile("permission: (\\S+)");


    /** What this package reads from one APK. */
    record Parsed(AndroidManifest manifest, ResourceTable resources) {
    }

    static Optional<Parsed> parse(Path apk) throws IOException {
        try (ZipFile zip = new ZipFile(apk.toFile())) {
            byte[] manifestBytes = read(zip, "AndroidManifest.xml");
            if (manifestBytes == null) {
                return Optional.empty();
            }
            byte[] arsc = read(zip, "resources.arsc");
            ResourceTable resources = arsc == null ? null : ResourceTable.parse(arsc);
            AndroidManifest manifest = ManifestParser.parse(BinaryXmlParser.parse(manifestBytes), resources);
            if (resources != null) {
                resources.strings();
            }
            return Optional.of(new Parsed(manifest, resources));
        }
    }

    private static byte[] read(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    /** Differences between this package's reading and aapt's for one APK, one line each. */
    static List<String> compareWithAapt(Path apk, AndroidManifest manifest) throws Exception {
        List<String> problems = new ArrayList<>();
        String badging = Aapt.run("dump", "badging", apk.toString());
        Matcher pkg = PACKAGE.matcher(badging.lines().findFirst().orElse(""));
        if (pkg.matches()) {
            expect(problems, "package", pkg.group(1), manifest.packageName());
            expect(problems, "versionCode", pkg.group(2),
                    manifest.versionCode() == null ? "" : Long.toString(manifest.versionCode()));
            expect(problems, "versionName", pkg.group(3), manifest.versionName() == null ? "" : manifest.versionName());
        } else {
            problems.add("aapt badging has no package line");
        }
        Matcher sdk = SDK.matcher(badging);
        if (sdk.find()) {
            expect(problems, "minSdk", sdk.group(1), String.valueOf(manifest.minSdk()));
        }
        Matcher target = TARGET_SDK.matcher(badging);
        if (target.find()) {
            expect(problems, "targetSdk", target.group(1), String.valueOf(manifest.targetSdk()));
        }
        Matcher label = LABEL.matcher(badging);
        if (label.find()) {
            expect(problems, "label", label.group(1), manifest.application().label());
        }

        List<UsesPermission> aaptUses = new ArrayList<>();
        List<String> aaptDeclared = new ArrayList<>();
        for (String line : Aapt.run("dump", "permissions", apk.toString()).split("\n")) {
            Matcher uses = USES_PERMISSION.matcher(line.trim());
            Matcher declared = DECLARED_PERMISSION.matcher(line.trim());
            if (uses.matches()) {
                aaptUses.add(new UsesPermission(uses.group(2), uses.group(3) == null ? null : Integer.valueOf(uses.group(3)),
                        uses.group(1) != null));
            } else if (declared.matches()) {
                aaptDeclared.add(declared.group(1));
            }
        }
        expect(problems, "uses-permission", aaptUses.toString(), manifest.usesPermissions().toString());
        expect(problems, "permission", aaptDeclared.toString(),
                manifest.declaredPermissions().stream().map(PermissionDeclaration::name).toList().toString());
        return problems.stream().map(p -> apk.getFileName() + ": " + p).toList();
    }

    private static void expect(List<String> problems, String what, String aapt, String ours) {
        if (!aapt.equals(ours)) {
            problems.add(what + ": aapt [" + aapt + "], leakscan [" + ours + "]");
        }
    }

    /** Parses every APK under {@code folder}; compares with aapt when present. Returns the number parsed. */
    static int checkFolder(Path folder, List<String> problems, List<String> withoutManifest) throws Exception {
        int parsed = 0;
        boolean aapt = Aapt.find().isPresent();
        for (Path apk : SharedApps.apks(folder)) {
            Optional<Parsed> result;
            try {
                result = parse(apk);
            } catch (RuntimeException e) {
                problems.add(apk.getFileName() + ": " + e);
                continue;
            }
            if (result.isEmpty()) {
                withoutManifest.add(apk.getFileName().toString());
                continue;
            }
            parsed++;
            if (aapt) {
                problems.addAll(compareWithAapt(apk, result.get().manifest()));
            }
        }
        return parsed;
    }

    @Test
    void droidBenchManifestsMatchAapt() throws Exception {
        Path folder = SharedApps.folder("droidbench/apk");
        assumeTrue(Files.isDirectory(folder), "no DroidBench at " + folder);
        List<String> problems = new ArrayList<>();
        List<String> withoutManifest = new ArrayList<>();
        int parsed = checkFolder(folder, problems, withoutManifest);
        assertEquals(List.of(), problems);
        assertEquals(List.of(), withoutManifest);
        assertTrue(parsed >= 100, parsed + " apps parsed");
    }

    @Test
    void corpusManifestsParseAndMatchAapt() throws Exception {
        Path folder = SharedApps.folder("corpus");
        assumeTrue(Files.isDirectory(folder), "no corpus at " + folder);
        List<String> problems = new ArrayList<>();
        List<String> withoutManifest = new ArrayList<>();
        int parsed = checkFolder(folder, problems, withoutManifest);
        assertEquals(List.of(), problems);
        assertTrue(withoutManifest.size() <= 1, "apps without a manifest: " + withoutManifest);
        assertTrue(parsed >= 20, parsed + " apps parsed");
    }
}
