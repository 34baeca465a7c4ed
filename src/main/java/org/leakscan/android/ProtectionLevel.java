package org.leakscan.android;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names for a permission's {@code android:protectionLevel}, which binary manifests store as an int:
 * a base level in the low four bits and flags above it.
 *
 * <p>The names are those of the {@code protectionLevel} attribute's values in the framework's
 * {@code attrs.xml} (what a text manifest writes, e.g. {@code signature|privileged}), and the order
 * and spelling follow {@code PermissionInfo.protectionToString}. The numbers are
 * {@code PermissionInfo.PROTECTION_*} of API 34; {@code ProtectionLevelTest} checks them against
 * the {@code protectionLevel} attribute in the framework's {@code resources.arsc}.
 * {@code wellbeing} (0x20000) and {@code documenter} (0x40000) are kept although API 34 no longer
 * declares them in {@code attrs.xml}, so that older platform manifests still read.
 */
public final class ProtectionLevel {

    /** Mask of the base level ({@code PermissionInfo.PROTECTION_MASK_BASE}). */
    public static final int MASK_BASE = 0xf;

    private static final String[] BASE_NAMES = {"normal", "dangerous", "signature", "signatureOrSystem", "internal"};

    private static final Map<Integer, String> FLAG_NAMES = flagNames();

    private ProtectionLevel() {
    }

    private static Map<Integer, String> flagNames() {
        Map<Integer, String> names = new LinkedHashMap<>();
        names.put(0x10, "privileged");
        names.put(0x20, "development");
        names.put(0x40, "appop");
        names.put(0x80, "pre23");
        names.put(0x100, "installer");
        names.put(0x200, "verifier");
        names.put(0x400, "preinstalled");
        names.put(0x800, "setup");
        names.put(0x1000, "instant");
        names.put(0x2000, "runtime");
        names.put(0x4000, "oem");
        names.put(0x8000, "vendorPrivileged");
        names.put(0x10000, "textClassifier");
        names.put(0x20000, "wellbeing");
        names.put(0x40000, "documenter");
        names.put(0x80000, "configurator");
        names.put(0x100000, "incidentReportApprover");
        names.put(0x200000, "appPredictor");
        names.put(0x400000, "module");
        names.put(0x800000, "companion");
        names.put(0x1000000, "retailDemo");
        names.put(0x2000000, "recents");
        names.put(0x4000000, "role");
        names.put(0x8000000, "knownSigner");
        return names;
    }

    /**
     * The level as text: the base name, then each set flag as {@code |name}, e.g. {@code dangerous},
     * {@code signature|privileged|development}. Bits without a name are written in hex
     * ({@code |0x10000000}, or a base of {@code 0x7}).
     */
    public static String format(int level) {
        int base = level & MASK_BASE;
        StringBuilder text = new StringBuilder(base < BASE_NAMES.length ? BASE_NAMES[base] : "0x" + Integer.toHexString(base));
        int unnamed = level & ~MASK_BASE;
        for (Map.Entry<Integer, String> flag : FLAG_NAMES.entrySet()) {
            if ((level & flag.getKey()) != 0) {
                text.append('|').append(flag.getValue());
                unnamed &= ~flag.getKey();
            }
        }
        if (unnamed != 0) {
            text.append("|0x").append(Integer.toHexString(unnamed));
        }
        return text.toString();
    }

    /** The base names (index = value) and flag names (bit to name), for catalogue generators and tests. */
    public static Map<String, Integer> names() {
        Map<String, Integer> names = new LinkedHashMap<>();
        for (int i = 0; i < BASE_NAMES.length; i++) {
            names.put(BASE_NAMES[i], i);
        }
        FLAG_NAMES.forEach((bit, name) -> names.put(name, bit));
        names.put("system", 0x10);
        return Map.copyOf(names);
    }
}
