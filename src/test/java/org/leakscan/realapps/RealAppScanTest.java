package org.leakscan.realapps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.jf.dexlib2.iface.reference.MethodReference;
import org.junit.jupiter.api.Test;
import org.leakscan.analysis.AnalysisOptions;
import org.leakscan.analysis.AppAnalyzer;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.analysis.findings.PermissionFinding;
import org.leakscan.testing.Aapt;
import org.leakscan.testing.JsonSchemaAssert;
import org.leakscan.testing.SharedApps;
import org.leakscan.testing.Scans;

/**
 * The whole pipeline on real apps nobody here wrote (read in place from {@code ../shared}; skipped
 * when it is absent): DroidBench's 131 APKs must scan with no error, report the package and the
 * declared permissions that Debian's {@code aapt} reads (when installed), and show
 * {@code TelephonyManager.getDeviceId} calls (found independently, straight from the DEX method
 * table with dexlib2) as device-ID data access. Every corpus app must get a report with its package.
 */
class RealAppScanTest {

    private static final Pattern PACKAGE = Pattern.compile("package: name='([^']*)'");
    private static final Pattern USES = Pattern.compile("uses-permission(?:-sdk-23)?: name='([^']*)'.*");
    private static final String GET_DEVICE_ID = "Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;";


    @Test
    void droidBenchScansCleanlyAndAgreesWithAapt() throws Exception {
        Path folder = SharedApps.folder("droidbench/apk");
        assumeTrue(Files.isDirectory(folder), "no DroidBench at " + folder);
        boolean aapt = Aapt.find().isPresent();
        List<String> problems = new ArrayList<>();
        int scanned = 0;
        int deviceIdApps = 0;
        for (Path apk : SharedApps.apks(folder)) {
            AppAnalyzer.Result r = Scans.analyze(apk, new AnalysisOptions(false));
            scanned++;
            String name = folder.relativize(apk).toString();
            if (!r.errors().isEmpty()) {
                problems.add(name + ": errors " + r.errors());
                continue;
            }
            AppFindings f = r.findings();
            if (aapt) {
                String badging = Aapt.run("dump", "badging", apk.toString());
                Matcher m = PACKAGE.matcher(badging);
                String aaptPackage = m.find() ? m.group(1) : "?";
                if (!aaptPackage.equals(f.app().packageName())) {
                    problems.add(name + ": package aapt " + aaptPackage + ", leakscan " + f.app().packageName());
                }
                Set<String> aaptPermissions = new TreeSet<>();
                for (String line : Aapt.run("dump", "permissions", apk.toString()).split("\n")) {
                    Matcher u = USES.matcher(line.trim());
                    if (u.matches()) {
                        aaptPermissions.add(u.group(1));
                    }
                }
                Set<String> declared = f.permissions().stream().filter(PermissionFinding::declared)
                        .map(PermissionFinding::name).collect(Collectors.toCollection(TreeSet::new));
                if (!aaptPermissions.equals(declared)) {
                    problems.add(name + ": permissions aapt " + aaptPermissions + ", leakscan " + declared);
                }
            }
            if (callsGetDeviceId(apk)) {
                deviceIdApps++;
                boolean shown = f.dataAccess().stream().anyMatch(d -> d.api().equals(GET_DEVICE_ID)
                        && d.dataType().startsWith("device-id.") && "Device or other IDs".equals(d.category()));
                if (!shown) {
                    problems.add(name + ": calls getDeviceId but dataAccess does not show it");
                }
            }
        }
        assertEquals(131, scanned, "DroidBench apps scanned");
        assertEquals(List.of(), problems);
        assertEquals(true, deviceIdApps > 90, "apps calling getDeviceId: " + deviceIdApps);
    }

    /** Independent of the pipeline: does any DEX method table reference getDeviceId? */
    static boolean callsGetDeviceId(Path apk) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(apk))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().matches("classes\\d*\\.dex")) {
                    DexBackedDexFile dex = new DexBackedDexFile(Opcodes.forApi(28), in.readAllBytes());
                    for (MethodReference m : dex.getMethodSection()) {
                        if (m.getDefiningClass().equals("Landroid/telephony/TelephonyManager;")
                                && m.getName().equals("getDeviceId") && m.getParameterTypes().isEmpty()) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    @Test
    void everyCorpusAppGetsAReportWithItsPackage() throws Exception {
        Path folder = SharedApps.folder("corpus");
        assumeTrue(Files.isDirectory(folder), "no corpus at " + folder);
        List<String> problems = new ArrayList<>();
        int reported = 0;
        List<Path> apps = SharedApps.apks(folder);
        assertTrue(apps.size() >= 22, "corpus apps found: " + apps.size());
        for (Path apk : apps) {
            AppAnalyzer.Result r = Scans.analyze(apk, new AnalysisOptions(false));
            String name = folder.relativize(apk).toString();
            if (r.findings() == null) {
                problems.add(name + ": no report: " + r.errors());
                continue;
            }
            reported++;
            if (!r.errors().isEmpty()) {
                problems.add(name + ": errors " + r.errors());
            }
            boolean hasManifest = apk.getFileName().toString().equals("multidex-minimal.apk") ? false : true;
            if (hasManifest && (r.findings().app().packageName() == null || r.findings().app().packageName().isBlank())) {
                problems.add(name + ": no package in the report");
            }
        }
        assertEquals(apps.size(), reported, "corpus apps reported");
        assertEquals(List.of(), problems);
    }
}
