package org.leakscan.realapps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.dexbacked.DexBackedClassDef;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.jf.dexlib2.dexbacked.DexBackedMethod;
import org.jf.dexlib2.iface.instruction.Instruction;
import org.jf.dexlib2.iface.instruction.ReferenceInstruction;
import org.jf.dexlib2.iface.reference.FieldReference;
import org.jf.dexlib2.iface.reference.MethodReference;
import org.jf.dexlib2.iface.reference.StringReference;
import org.junit.jupiter.api.Test;
import org.leakscan.analysis.AnalysisOptions;
import org.leakscan.analysis.AppAnalyzer;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.analysis.findings.PermissionFinding;
import org.leakscan.testing.Scans;
import org.leakscan.testing.SharedApps;

/**
 * Issue #15: the permissions that services, native code and content providers check are found
 * used. Each DroidBench and TaintBench app (read in place from {@code ../shared}; skipped when
 * absent) is probed independently of the pipeline, straight from its DEX instructions with
 * dexlib2: which of SMS sending, camera, microphone, location, and reads of the SMS, contacts and
 * call-log providers (a URI constant or field and a query call in one method) its code does. Each
 * one found must show in the report as the permission's {@code usedBy}.
 */
class PermissionUseOnRealAppsTest {

    /** What the probe looks for, and the permission that must then be used. */
    enum Use {
        SEND_SMS("android.permission.SEND_SMS", "sendTextMessage|sendMultipartTextMessage|sendDataMessage"),
        CAMERA("android.permission.CAMERA", "Camera;->open|openCamera|setVideoSource"),
        RECORD_AUDIO("android.permission.RECORD_AUDIO", "setAudioSource|AudioRecord;-><init>|startListening"),
        ACCESS_FINE_LOCATION("android.permission.ACCESS_FINE_LOCATION",
                "getLastKnownLocation|requestLocationUpdates|requestSingleUpdate"),
        READ_SMS("android.permission.READ_SMS", "content://sms|content://mms-sms"),
        READ_CONTACTS("android.permission.READ_CONTACTS", "content://com.android.contacts|content://contacts"),
        READ_CALL_LOG("android.permission.READ_CALL_LOG", "content://call_log");

        final String permission;
        /** What an entry of {@code usedBy} for it contains. */
        final Predicate<String> evidence;

        Use(String permission, String evidence) {
            this.permission = permission;
            this.evidence = java.util.regex.Pattern.compile(evidence).asPredicate();
        }
    }

    private static final Set<String> SMS_SEND = Set.of("sendTextMessage", "sendMultipartTextMessage", "sendDataMessage");
    private static final Set<String> LOCATION = Set.of("getLastKnownLocation", "requestLocationUpdates", "requestSingleUpdate");
    private static final Set<String> QUERIES = Set.of("query", "managedQuery");

    @Test
    void droidBenchAndTaintBenchAppsUseWhatTheyCall() throws Exception {
        List<Path> apks = SharedApps.apks(Long.MAX_VALUE, "droidbench/apk", "taintbench/apk");
        assumeTrue(!apks.isEmpty(), "no DroidBench or TaintBench under ../shared");
        Map<Use, Integer> apps = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Path apk : apks) {
            Set<Use> uses = probe(apk);
            if (uses.isEmpty()) {
                continue;
            }
            AppAnalyzer.Result r = Scans.analyze(apk, new AnalysisOptions(false));
            AppFindings f = r.findings();
            Map<String, PermissionFinding> byName = f.permissions().stream()
                    .collect(Collectors.toMap(PermissionFinding::name, p -> p));
            for (Use use : uses) {
                apps.merge(use, 1, Integer::sum);
                String permission = use.permission;
                // An app that declares only coarse location uses that for an any-of location API.
                if (use == Use.ACCESS_FINE_LOCATION && !declared(byName, permission)
                        && declared(byName, "android.permission.ACCESS_COARSE_LOCATION")) {
                    permission = "android.permission.ACCESS_COARSE_LOCATION";
                }
                PermissionFinding p = byName.get(permission);
                if (p == null || p.usedBy().stream().noneMatch(use.evidence)) {
                    problems.add(apk.getFileName() + ": " + use + " probed, but " + permission + " used by "
                            + (p == null ? "(no entry)" : p.usedBy()));
                }
            }
        }
        assertEquals(List.of(), problems);
        // Each kind is exercised by some app of the two suites; none of them calls a camera API
        // (remote_control_smack only has a field of type Camera): the permissions fixture covers it.
        for (Use use : EnumSet.of(Use.SEND_SMS, Use.RECORD_AUDIO, Use.ACCESS_FINE_LOCATION, Use.READ_SMS,
                Use.READ_CONTACTS, Use.READ_CALL_LOG)) {
            assertTrue(apps.getOrDefault(use, 0) > 0, use + " found in no app: " + apps);
        }
        System.out.println("apps per use: " + apps);
    }

    private static boolean declared(Map<String, PermissionFinding> byName, String name) {
        PermissionFinding p = byName.get(name);
        return p != null && p.declared();
    }

    /** Which uses the app's code makes, from its DEX instructions alone. */
    static Set<Use> probe(Path apk) throws IOException {
        Set<Use> out = EnumSet.noneOf(Use.class);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(apk))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.getName().matches("classes\\d*\\.dex")) {
                    continue;
                }
                DexBackedDexFile dex = new DexBackedDexFile(Opcodes.forApi(28), in.readAllBytes());
                for (DexBackedClassDef c : dex.getClasses()) {
                    for (DexBackedMethod m : c.getMethods()) {
                        if (m.getImplementation() != null) {
                            probe(m, out);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void probe(DexBackedMethod m, Set<Use> out) {
        boolean query = false;
        Set<Use> providers = EnumSet.noneOf(Use.class);
        for (Instruction insn : m.getImplementation().getInstructions()) {
            if (!(insn instanceof ReferenceInstruction ri)) {
                continue;
            }
            if (ri.getReference() instanceof MethodReference ref) {
                String owner = ref.getDefiningClass();
                String name = ref.getName();
                if (owner.endsWith("/SmsManager;") && SMS_SEND.contains(name)) {
                    out.add(Use.SEND_SMS);
                } else if (owner.equals("Landroid/hardware/Camera;") && name.equals("open")
                        || owner.equals("Landroid/hardware/camera2/CameraManager;") && name.equals("openCamera")
                        || owner.equals("Landroid/media/MediaRecorder;") && name.equals("setVideoSource")) {
                    out.add(Use.CAMERA);
                } else if (owner.equals("Landroid/media/MediaRecorder;") && name.equals("setAudioSource")
                        || owner.equals("Landroid/media/AudioRecord;") && name.equals("<init>")
                        || owner.equals("Landroid/speech/SpeechRecognizer;") && name.equals("startListening")) {
                    out.add(Use.RECORD_AUDIO);
                } else if (owner.equals("Landroid/location/LocationManager;") && LOCATION.contains(name)) {
                    out.add(Use.ACCESS_FINE_LOCATION);
                } else if (QUERIES.contains(name) || name.equals("<init>") && owner.endsWith("/CursorLoader;")) {
                    query = true;
                }
            } else if (ri.getReference() instanceof StringReference s) {
                provider(s.getString(), providers);
            } else if (ri.getReference() instanceof FieldReference f && f.getName().endsWith("CONTENT_URI")) {
                String owner = f.getDefiningClass();
                if (owner.startsWith("Landroid/provider/Telephony$Sms") || owner.startsWith("Landroid/provider/Telephony$MmsSms")) {
                    providers.add(Use.READ_SMS);
                } else if (owner.startsWith("Landroid/provider/ContactsContract") || owner.startsWith("Landroid/provider/Contacts$")) {
                    providers.add(Use.READ_CONTACTS);
                } else if (owner.startsWith("Landroid/provider/CallLog")) {
                    providers.add(Use.READ_CALL_LOG);
                }
            }
        }
        if (query) {
            out.addAll(providers);
        }
    }

    private static void provider(String s, Set<Use> into) {
        if (s.startsWith("content://sms") || s.startsWith("content://mms-sms")) {
            into.add(Use.READ_SMS);
        } else if (s.startsWith("content://com.android.contacts") || s.startsWith("content://contacts")) {
            into.add(Use.READ_CONTACTS);
        } else if (s.startsWith("content://call_log")) {
            into.add(Use.READ_CALL_LOG);
        }
    }
}
