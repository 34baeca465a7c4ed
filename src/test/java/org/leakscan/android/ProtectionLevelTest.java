package org.leakscan.android;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leakscan.testing.AndroidJars;

class ProtectionLevelTest {

    @ParameterizedTest(name = "0x{0} = {1}")
    @CsvSource({
        "0, normal", "1, dangerous", "2, signature", "3, signatureOrSystem", "4, internal",
        "12, signature|privileged", "20, normal|development", "c2, signature|appop|pre23",
        "8000002, signature|knownSigner", "4000002, signature|role", "400002, signature|module",
        "60002, signature|wellbeing|documenter", "30002, signature|textClassifier|wellbeing", "10000002, signature|0x10000000", "7, 0x7"})
    void formatsBaseThenFlagsAsAndroidDoes(String hex, String expected) {
        assertEquals(expected, ProtectionLevel.format((int) Long.parseLong(hex, 16)));
    }

    /**
     * The names and values must be the framework's own: the {@code protectionLevel} attribute in
     * API 34's {@code resources.arsc} is a bag of (id/name → value) pairs, the enum and flag values
     * that text manifests write.
     */
    @Test
    void namesAndValuesMatchTheFrameworkAttributeDefinition() throws Exception {
        Optional<Path> jar = AndroidJars.androidAll14();
        assumeTrue(jar.isPresent(), "android-all 14 is not in the local Maven repository");
        ResourceTable framework = ResourceTable.parse(AndroidJars.read(jar.get(), "resources.arsc"));
        assertEquals("android", framework.packageName());
        int attribute = framework.id("attr/protectionLevel").orElseThrow();
        assertEquals(0x01010009, attribute);

        Map<String, Integer> declared = new TreeMap<>();
        for (ResourceBagItem item : framework.bag(attribute)) {
            String name = framework.name(item.key());
            if (name != null && name.startsWith("id/")) {
                declared.put(name.substring(3), item.value().data());
            }
        }
        assertEquals(28, declared.size(), declared.toString());
        Map<String, Integer> ours = new TreeMap<>(ProtectionLevel.names());
        declared.forEach((name, value) -> assertEquals(value, ours.get(name), name));
        ours.keySet().removeAll(declared.keySet());
        assertEquals(Set.of("wellbeing", "documenter"), ours.keySet(), "only the two retired flags are extra");
    }
}
