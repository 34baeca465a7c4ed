package org.leakscan.android;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.leakscan.testing.AndroidJars;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

class AndroidAttributesTest {

    /** The {@code public static final int} constants of {@code android/R$attr.class} in {@code jar}. */
    static Map<String, Integer> frameworkAttributeIds(Path jar) throws Exception {
        Map<String, Integer> ids = new HashMap<>();
        new ClassReader(AndroidJars.read(jar, "android/R$attr.class")).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                if ((access & Opcodes.ACC_STATIC) != 0 && "I".equals(descriptor) && value instanceof Integer id) {
                    ids.put(name, id);
                }
                return null;
            }
        }, ClassReader.SKIP_CODE);
        return ids;
    }

    @Test
    void everyIdMatchesTheFrameworkOfApi34() throws Exception {
        Optional<Path> jar = AndroidJars.androidAll14();
        assumeTrue(jar.isPresent(), "android-all 14 is not in the local Maven repository");
        Map<String, Integer> framework = frameworkAttributeIds(jar.get());
        assertTrue(framework.size() > 1000, "R$attr has " + framework.size() + " constants");
        Map<String, String> wrong = new TreeMap<>();
        AndroidAttributes.all().forEach((name, id) -> {
            Integer expected = framework.get(name);
            if (!id.equals(expected)) {
                wrong.put(name, String.format("table 0x%08x, R$attr %s", id,
                        expected == null ? "absent" : String.format("0x%08x", expected)));
            }
        });
        assertEquals(Map.of(), wrong);
    }

    @Test
    void theApi16StubsAgreeWhereTheyHaveTheAttribute() throws Exception {
        Optional<Path> jar = AndroidJars.androidStubs16();
        assumeTrue(jar.isPresent(), "the API-16 stub jar is not in the local Maven repository");
        Map<String, Integer> api16 = frameworkAttributeIds(jar.get());
        AndroidAttributes.all().forEach((name, id) -> {
            if (api16.containsKey(name)) {
                assertEquals(api16.get(name), id, name);
            }
        });
        assertTrue(api16.containsKey("exported") && !api16.containsKey("networkSecurityConfig"));
    }

    @Test
    void lookupsBothWays() {
        assertEquals(0x01010003, AndroidAttributes.id("name"));
        assertEquals(0, AndroidAttributes.id("notAnAttribute"));
        assertEquals(Optional.of("exported"), AndroidAttributes.name(0x01010010));
        assertEquals(Optional.empty(), AndroidAttributes.name(0x7f010000));
    }
}
