package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.leakscan.program.MethodRef;
import org.leakscan.testing.AndroidJars;
import org.leakscan.testing.JsonSchemaAssert;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The hand-written permission facts ({@code permission-facts.json}): valid against their schema,
 * every fact sourced, every permission one the platform (or a named other definer) defines, each
 * cross-check's verdict what the facts say at the map's level, every difference from Android's own
 * annotations explained, and every framework API present in Android 14's classes.
 */
class PermissionFactsTest {

    private static final Path FILE = JsonSchemaAssert.projectDir().resolve("signatures/permission-facts.json");
    private static final PermissionFacts FACTS = PermissionFacts.loadDefault();
    private static final ApiPermissionCatalog ANNOTATIONS = ApiPermissionCatalog.loadDefault();
    /** Permissions defined by apps outside the platform manifest: Play services, the Browser, voicemail. */
    private static final List<String> OTHER_DEFINERS = List.of("com.google.android.gms.permission.",
            "com.android.browser.permission.", "com.android.voicemail.permission.");

    @Test
    void fileIsValidAgainstItsSchema() throws IOException {
        JsonSchemaAssert.assertValid(JsonSchemaAssert.projectDir().resolve("signatures/schema/permission-facts.schema.json"), FILE);
    }

    @Test
    void everyFactKindIsThere() {
        assertTrue(FACTS.apis().size() >= 60, "api facts: " + FACTS.apis().size());
        assertTrue(FACTS.providers().size() >= 15, "providers: " + FACTS.providers().size());
        Set<String> permissions = new TreeSet<>();
        FACTS.apis().forEach(a -> a.requires().forEach(b -> permissions.addAll(b.requirement().permissions())));
        for (String p : List.of("SEND_SMS", "CAMERA", "RECORD_AUDIO", "GET_ACCOUNTS", "BLUETOOTH", "ACCESS_WIFI_STATE",
                "ACCESS_FINE_LOCATION", "BODY_SENSORS", "ACTIVITY_RECOGNITION", "POST_NOTIFICATIONS", "READ_PHONE_STATE")) {
            assertTrue(permissions.contains("android.permission." + p), p);
        }
        assertEquals("android.permission.READ_CONTACTS",
                FACTS.providerFor("content://com.android.contacts/data/phones").orElseThrow().read().get(0).requirement().allOf().get(0));
        assertEquals("content://sms", FACTS.providerFor("content://sms/inbox").orElseThrow().uri());
        assertTrue(FACTS.providerFor("content://smsx").isEmpty(), "a prefix matches at a path boundary only");
        assertEquals("content://com.android.contacts/profile",
                FACTS.providerFor("content://com.android.contacts/profile/data").orElseThrow().uri(), "the longest prefix");
        assertTrue(FACTS.intentAction("android.intent.action.CALL").isPresent());
        assertTrue(FACTS.receiverAction("android.provider.Telephony.SMS_RECEIVED").isPresent());
        assertEquals(31, FACTS.history("android.permission.BLUETOOTH_CONNECT").enforcedFromTargetSdk());
    }

    @Test
    void everyPermissionIsDefinedSomewhere() {
        PermissionCatalog platform = PermissionCatalog.loadDefault();
        Set<String> names = new TreeSet<>();
        FACTS.apis().forEach(a -> a.requires().forEach(b -> names.addAll(b.requirement().permissions())));
        FACTS.providers().forEach(p -> {
            p.read().forEach(b -> names.addAll(b.requirement().permissions()));
            p.write().forEach(b -> names.addAll(b.requirement().permissions()));
        });
        FACTS.intentActions().forEach(a -> a.requires().forEach(b -> names.addAll(b.requirement().permissions())));
        FACTS.receiverActions().forEach(a -> a.requires().forEach(b -> names.addAll(b.requirement().permissions())));
        FACTS.splits().forEach(s -> {
            names.add(s.from());
            names.addAll(s.to());
        });
        FACTS.implicit().forEach(i -> names.addAll(i.permissions()));
        FACTS.satisfies().forEach(s -> {
            names.add(s.permission());
            names.addAll(s.satisfies());
        });
        List<String> unknown = new ArrayList<>();
        for (String n : names) {
            boolean removed = n.equals("android.permission.READ_PROFILE") || n.equals("android.permission.WRITE_PROFILE");
            if (platform.permission(n) == null && ANNOTATIONS.platformPermission(n) == null && !removed
                    && OTHER_DEFINERS.stream().noneMatch(n::startsWith)) {
                unknown.add(n);
            }
        }
        assertEquals(List.of(), unknown, "permissions no platform manifest read defines");
    }

    @Test
    void crossChecksSayWhatTheFactsSayAtTheMapsLevel() {
        Map<String, Integer> levels = new java.util.HashMap<>();
        FACTS.maps().forEach(m -> levels.put(m.id(), m.apiLevel()));
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (PermissionFacts.ApiFact f : FACTS.apis()) {
            for (PermissionFacts.CrossCheck c : f.crossChecks()) {
                checked++;
                int level = levels.get(c.map());
                if (c.agrees() != Set.copyOf(c.says()).equals(named(f.requires(), level))) {
                    wrong.add(f.api() + " " + c.map() + ": says " + c.says() + ", facts " + named(f.requires(), level));
                }
            }
        }
        for (PermissionFacts.ProviderFact p : FACTS.providers()) {
            for (PermissionFacts.CrossCheck c : p.crossChecks()) {
                checked++;
                int level = levels.get(c.map());
                Set<String> both = new TreeSet<>(named(p.read(), level));
                both.addAll(named(p.write(), level));
                if (c.agrees() != Set.copyOf(c.says()).equals(both)) {
                    wrong.add(p.uri() + " " + c.map() + ": says " + c.says() + ", facts " + both);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked >= 30, "cross-checks: " + checked);
    }

    /** The permissions the boxes name on {@code level} for an app targeting it. */
    private static Set<String> named(List<PermissionFacts.Box> boxes, int level) {
        Set<String> out = new TreeSet<>();
        for (PermissionFacts.Box b : boxes) {
            if (b.applies(level, level)) {
                out.addAll(b.requirement().permissions());
            }
        }
        return out;
    }

    @Test
    void everyDifferenceFromTheAnnotationsIsExplained() {
        List<String> unexplained = new ArrayList<>();
        int compared = 0;
        for (PermissionFacts.ApiFact f : FACTS.apis()) {
            MethodRef m = MethodRef.parse(f.api());
            List<LevelRange<PermissionRequirement>> ranges = ANNOTATIONS.levelsFor(m.owner(), m.signature());
            if (ranges.isEmpty() || f.argEquals() != null) {
                continue;
            }
            for (int level : ANNOTATIONS.levels()) {
                Optional<LevelRange<PermissionRequirement>> r = ranges.stream().filter(x -> x.contains(level)).findFirst();
                if (r.isEmpty()) {
                    continue;
                }
                compared++;
                if (!Set.copyOf(r.get().value().permissions()).equals(named(f.requires(), level))
                        && f.annotationDiffers() == null) {
                    unexplained.add(f.api() + " at API " + level + ": annotated " + r.get().value().permissions()
                            + ", facts " + named(f.requires(), level));
                }
            }
        }
        assertEquals(List.of(), unexplained, "a fact that says otherwise than Android's annotations must say why");
        assertTrue(compared >= 50, "levels compared: " + compared);
    }

    @Test
    void everyFrameworkApiExistsInAndroid14() throws IOException {
        Optional<Path> jar = AndroidJars.androidAll14();
        assumeTrue(jar.isPresent(), "android-all-14 not in the local Maven repository");
        List<String> apis = new ArrayList<>();
        FACTS.apis().forEach(f -> apis.add(f.api()));
        for (List<MethodRef> ops : List.of(FACTS.providerReads(), FACTS.providerWrites(), FACTS.intentStarts(),
                FACTS.receiverRegistrations())) {
            ops.forEach(m -> apis.add(m.toString()));
        }
        List<String> missing = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.get().toFile())) {
            for (String api : apis) {
                MethodRef m = MethodRef.parse(api);
                if (!m.owner().startsWith("Landroid/") || m.owner().startsWith("Landroid/support/")) {
                    continue;
                }
                ZipEntry e = zip.getEntry(m.owner().substring(1, m.owner().length() - 1) + ".class");
                boolean found = false;
                if (e != null) {
                    try (InputStream in = zip.getInputStream(e)) {
                        ClassNode c = new ClassNode();
                        new ClassReader(in.readAllBytes()).accept(c, ClassReader.SKIP_CODE);
                        for (MethodNode method : c.methods) {
                            found |= method.name.equals(m.name()) && method.desc.equals(m.descriptor());
                        }
                    }
                }
                if (!found) {
                    missing.add(api);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void loaderRejectsFactsWithoutSourcesOrWithUnexplainedDisagreement() {
        String base = """
                {"schema":"leakscan-permission-facts/1","about":"t","maps":[{"id":"m","apiLevel":25,"name":"n","where":"w","licence":"l"}],
                 "permissions":[],"splits":[],"implicit":[],"satisfies":[],"providers":[],"intentActions":[],"receiverActions":[],
                 "operations":{"providerRead":["La/B;->q()V"],"providerWrite":["La/B;->i()V"],"intentStart":["La/B;->s()V"],
                 "receiverRegistration":["La/B;->r()V"]},
                 "apis":[%s]}""";
        String good = "{\"api\":\"La/B;->m()V\",\"why\":\"a reason\",\"requires\":[{\"allOf\":[\"p.Q\"],\"toApi\":28}],"
                + "\"sources\":[\"https://example.org/x\"],\"crossCheck\":[{\"map\":\"m\",\"says\":[\"p.Q\"],\"agrees\":true}]}";
        PermissionFacts ok = load(base.formatted(good));
        assertEquals(1, ok.apiFacts("La/B;", "m()V").size());
        assertTrue(ok.apiFacts("La/B;", "m()V").get(0).requires().get(0).applies(28, 34));
        assertFalse(ok.apiFacts("La/B;", "m()V").get(0).requires().get(0).applies(29, 34));
        String[] bad = {
            good.replace("\"sources\":[\"https://example.org/x\"]", "\"sources\":[]"),
            good.replace("\"agrees\":true", "\"agrees\":false"),
            good.replace("\"map\":\"m\"", "\"map\":\"unknown\""),
            good.replace("\"toApi\":28", "\"fromApi\":29,\"toApi\":28"),
            good.replace("\"allOf\":[\"p.Q\"],", ""),
            good + "," + good,
        };
        for (String b : bad) {
            CatalogException e = assertThrows(CatalogException.class, () -> load(base.formatted(b)), b);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    private static PermissionFacts load(String json) {
        return PermissionFacts.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shippedAndUserDirectoryLoadAlike(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        assertEquals(FACTS, PermissionFacts.loadFrom(dir), "no file in the folder: the shipped facts");
        java.nio.file.Files.copy(FILE, dir.resolve(PermissionFacts.FILE_NAME));
        assertEquals(new HashSet<>(FACTS.apis()), new HashSet<>(PermissionFacts.loadFrom(dir).apis()));
    }
}
