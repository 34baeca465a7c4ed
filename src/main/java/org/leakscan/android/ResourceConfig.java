package org.leakscan.android;

import static org.leakscan.android.LittleEndian.u16;
import static org.leakscan.android.LittleEndian.u8;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code ResTable_config} (the configuration a type chunk's values are for), copied as Android's
 * {@code copyFromDeviceNoSwap} copies it: at most 64 bytes, zero-filled when the stored struct is
 * shorter (older aapt) and cut when it is longer (newer fields).
 */
final class ResourceConfig {

    static final int SIZE = 64;

    private final byte[] bytes;

    private ResourceConfig(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies the config at {@code offset}, reading no further than {@code limit}. */
    static ResourceConfig read(byte[] data, int offset, long limit) {
        byte[] copy = new byte[SIZE];
        long declared = LittleEndian.u32(data, offset);
        long length = Math.min(Math.min(declared, SIZE), Math.max(0, limit - offset));
        System.arraycopy(data, offset, copy, 0, (int) length);
        return new ResourceConfig(copy);
    }

    /** Whether this is the default configuration (no qualifier set). */
    boolean isDefault() {
        for (int i = 4; i < SIZE; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Qualifiers in resource-folder order ({@code mcc310-fr-rCA-ldrtl-sw600dp-land-night-hdpi-v21}),
     * or {@code default}.
     */
    String describe() {
        List<String> parts = new ArrayList<>();
        int mcc = u16(bytes, 4);
        int mnc = u16(bytes, 6);
        if (mcc != 0) {
            parts.add("mcc" + mcc);
        }
        if (mnc != 0) {
            parts.add(mnc == 0xffff ? "mnc00" : "mnc" + mnc);
        }
        addLocale(parts);
        int screenLayout = u8(bytes, 28);
        addChoice(parts, screenLayout & 0xc0, 0x40, "ldltr", 0x80, "ldrtl");
        int smallestWidth = u16(bytes, 30);
        if (smallestWidth != 0) {
            parts.add("sw" + smallestWidth + "dp");
        }
        int widthDp = u16(bytes, 32);
        int heightDp = u16(bytes, 34);
        if (widthDp != 0) {
            parts.add("w" + widthDp + "dp");
        }
        if (heightDp != 0) {
            parts.add("h" + heightDp + "dp");
        }
        addChoice(parts, screenLayout & 0x0f, 1, "small", 2, "normal", 3, "large", 4, "xlarge");
        addChoice(parts, screenLayout & 0x30, 0x10, "notlong", 0x20, "long");
        int screenLayout2 = u8(bytes, 48);
        addChoice(parts, screenLayout2 & 0x03, 1, "notround", 2, "round");
        int colorMode = u8(bytes, 49);
        addChoice(parts, colorMode & 0x03, 1, "nowidecg", 2, "widecg");
        addChoice(parts, colorMode & 0x0c, 4, "lowdr", 8, "highdr");
        addChoice(parts, u8(bytes, 12), 1, "port", 2, "land", 3, "square");
        int uiMode = u8(bytes, 29);
        addChoice(parts, uiMode & 0x0f, 2, "desk", 3, "car", 4, "television", 5, "appliance", 6, "watch",
                7, "vrheadset");
        addChoice(parts, uiMode & 0x30, 0x10, "notnight", 0x20, "night");
        addChoice(parts, u8(bytes, 19) & 0x03, 1, "neuter", 2, "feminine", 3, "masculine");
        addDensity(parts, u16(bytes, 14));
        addChoice(parts, u8(bytes, 13), 1, "notouch", 2, "stylus", 3, "finger");
        int inputFlags = u8(bytes, 18);
        addChoice(parts, inputFlags & 0x03, 1, "keysexposed", 2, "keyshidden", 3, "keyssoft");
        addChoice(parts, u8(bytes, 16), 1, "nokeys", 2, "qwerty", 3, "12key");
        addChoice(parts, inputFlags & 0x0c, 4, "navexposed", 8, "navhidden");
        addChoice(parts, u8(bytes, 17), 1, "nonav", 2, "dpad", 3, "trackball", 4, "wheel");
        int screenWidth = u16(bytes, 20);
        int screenHeight = u16(bytes, 22);
        if (screenWidth != 0 || screenHeight != 0) {
            parts.add(screenWidth + "x" + screenHeight);
        }
        int sdk = u16(bytes, 24);
        if (sdk != 0) {
            parts.add("v" + sdk);
        }
        return parts.isEmpty() ? "default" : String.join("-", parts);
    }

    private void addLocale(List<String> parts) {
        String language = unpack(8, 'a');
        String region = unpack(10, '0');
        String script = ascii(36, 4);
        String variant = ascii(40, 8);
        boolean scriptComputed = bytes[52] != 0;
        if (language.isEmpty() && region.isEmpty()) {
            return;
        }
        if ((script.isEmpty() || scriptComputed) && variant.isEmpty()) {
            parts.add(region.isEmpty() ? language : language + "-r" + region);
            return;
        }
        StringBuilder tag = new StringBuilder("b+").append(language);
        if (!script.isEmpty() && !scriptComputed) {
            tag.append('+').append(script);
        }
        if (!region.isEmpty()) {
            tag.append('+').append(region);
        }
        if (!variant.isEmpty()) {
            tag.append('+').append(variant);
        }
        parts.add(tag.toString());
    }

    /** A two-letter code, or a three-letter code packed into 15 bits (high bit set). */
    private String unpack(int offset, char base) {
        int first = u8(bytes, offset);
        int second = u8(bytes, offset + 1);
        if ((first & 0x80) != 0) {
            char a = (char) (base + (second & 0x1f));
            char b = (char) (base + (((second & 0xe0) >> 5) | ((first & 0x03) << 3)));
            char c = (char) (base + ((first & 0x7c) >> 2));
            return "" + a + b + c;
        }
        if (first == 0) {
            return "";
        }
        return second == 0 ? String.valueOf((char) first) : "" + (char) first + (char) second;
    }

    private String ascii(int offset, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length && bytes[offset + i] != 0; i++) {
            int c = u8(bytes, offset + i);
            text.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
        }
        return text.toString();
    }

    private static void addDensity(List<String> parts, int density) {
        switch (density) {
            case 0 -> { }
            case 120 -> parts.add("ldpi");
            case 160 -> parts.add("mdpi");
            case 213 -> parts.add("tvdpi");
            case 240 -> parts.add("hdpi");
            case 320 -> parts.add("xhdpi");
            case 480 -> parts.add("xxhdpi");
            case 640 -> parts.add("xxxhdpi");
            case 0xfffe -> parts.add("anydpi");
            case 0xffff -> parts.add("nodpi");
            default -> parts.add(density + "dpi");
        }
    }

    /** Adds the name paired with {@code value} in {@code pairs} (value, name, value, name …), if any. */
    private static void addChoice(List<String> parts, int value, Object... pairs) {
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if ((Integer) pairs[i] == value) {
                parts.add((String) pairs[i + 1]);
                return;
            }
        }
    }
}
