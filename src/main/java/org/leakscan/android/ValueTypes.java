package org.leakscan.android;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Res_value} data types of Android's resource format, and how a typed value reads as
 * text. Binary XML attributes and {@code resources.arsc} entries share them.
 */
public final class ValueTypes {

    /** No value ({@code data} 0 = undefined, 1 = explicitly empty). */
    public static final int TYPE_NULL = 0x00;
    /** {@code data} is a resource id ({@code @0x7f040001}). */
    public static final int TYPE_REFERENCE = 0x01;
    /** {@code data} is a theme attribute id ({@code ?0x7f010001}). */
    public static final int TYPE_ATTRIBUTE = 0x02;
    /** {@code data} is an index into the file's string pool. */
    public static final int TYPE_STRING = 0x03;
    public static final int TYPE_FLOAT = 0x04;
    public static final int TYPE_DIMENSION = 0x05;
    public static final int TYPE_FRACTION = 0x06;
    /** A reference into a shared library, rewritten at run time; treated as a reference. */
    public static final int TYPE_DYNAMIC_REFERENCE = 0x07;
    public static final int TYPE_DYNAMIC_ATTRIBUTE = 0x08;
    public static final int TYPE_INT_DEC = 0x10;
    public static final int TYPE_INT_HEX = 0x11;
    /** {@code data} is 0 for false and non-zero (aapt writes 0xffffffff) for true. */
    public static final int TYPE_INT_BOOLEAN = 0x12;
    public static final int TYPE_INT_COLOR_ARGB8 = 0x1c;
    public static final int TYPE_INT_COLOR_RGB8 = 0x1d;
    public static final int TYPE_INT_COLOR_ARGB4 = 0x1e;
    public static final int TYPE_INT_COLOR_RGB4 = 0x1f;

    private static final String[] DIMENSION_UNITS = {"px", "dp", "sp", "pt", "in", "mm"};
    private static final String[] FRACTION_UNITS = {"%", "%p"};
    private static final float[] RADIX_MULTIPLIERS = {1.0f / (1 << 8), 1.0f / (1 << 15), 1.0f / (1 << 23), 1.0f / (1L << 31)};

    private ValueTypes() {
    }

    /** Whether {@code type} is one of the integer flavours (0x10 to 0x1f), booleans and colours included. */
    public static boolean isInteger(int type) {
        return type >= TYPE_INT_DEC && type <= TYPE_INT_COLOR_RGB4;
    }

    /** Whether {@code type} names a resource (plain or dynamic reference). */
    public static boolean isReference(int type) {
        return type == TYPE_REFERENCE || type == TYPE_DYNAMIC_REFERENCE;
    }

    /** A resource id as aapt prints it: {@code @0x7f040001}. */
    public static String referenceText(int resourceId) {
        return String.format("@0x%08x", resourceId);
    }

    /**
     * A typed value as text, the way {@code aapt dump xmltree} shows it: strings as themselves,
     * booleans {@code true}/{@code false}, decimal integers in decimal, hex integers as
     * {@code 0x…}, references {@code @0x7f040001}, attributes {@code ?0x7f010001}, colours
     * {@code #aarrggbb}, dimensions {@code 16.0dp}. A null value ({@code TYPE_NULL}) or a string type
     * without its string gives {@code string} (often {@code null}); an unknown type gives
     * {@code (type 0x2a)0x…}.
     *
     * @param string the value's string, used for {@code TYPE_STRING} and {@code TYPE_NULL}
     */
    public static String format(int type, int data, String string) {
        switch (type) {
            case TYPE_NULL:
            case TYPE_STRING:
                return string;
            case TYPE_REFERENCE:
            case TYPE_DYNAMIC_REFERENCE:
                return referenceText(data);
            case TYPE_ATTRIBUTE:
            case TYPE_DYNAMIC_ATTRIBUTE:
                return String.format("?0x%08x", data);
            case TYPE_FLOAT:
                return Float.toString(Float.intBitsToFloat(data));
            case TYPE_DIMENSION:
                return complex(data, DIMENSION_UNITS, 1f);
            case TYPE_FRACTION:
                return complex(data, FRACTION_UNITS, 100f);
            case TYPE_INT_DEC:
                return Integer.toString(data);
            case TYPE_INT_HEX:
                return "0x" + Integer.toHexString(data);
            case TYPE_INT_BOOLEAN:
                return data != 0 ? "true" : "false";
            case TYPE_INT_COLOR_ARGB8:
            case TYPE_INT_COLOR_RGB8:
            case TYPE_INT_COLOR_ARGB4:
            case TYPE_INT_COLOR_RGB4:
                return String.format("#%08x", data);
            default:
                return String.format("(type 0x%02x)0x%x", type, data);
        }
    }

    /** A complex (dimension or fraction) value: 24-bit mantissa, radix and unit. */
    private static String complex(int data, String[] units, float scale) {
        float value = (data & 0xffffff00) * RADIX_MULTIPLIERS[(data >> 4) & 3] * scale;
        int unit = data & 0xf;
        String suffix = unit < units.length ? units[unit] : String.format(Locale.ROOT, "(unit %d)", unit);
        return Float.toString(value) + suffix;
    }

    /**
     * An integer written as text, parsed the way Android's {@code XmlUtils.convertValueToInt} does:
     * optional {@code -}, then {@code 0x}/{@code #} hex, leading-{@code 0} octal, or decimal.
     * Empty when the text is not such a number.
     */
    public static Optional<Integer> parseInt(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String digits = text;
        int sign = 1;
        if (digits.charAt(0) == '-') {
            sign = -1;
            digits = digits.substring(1);
        }
        int radix = 10;
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
            radix = 16;
        } else if (digits.startsWith("#")) {
            digits = digits.substring(1);
            radix = 16;
        } else if (digits.length() > 1 && digits.charAt(0) == '0') {
            digits = digits.substring(1);
            radix = 8;
        }
        if (digits.isEmpty() || digits.length() > 16 || digits.charAt(0) == '-' || digits.charAt(0) == '+') {
            return Optional.empty();
        }
        try {
            return Optional.of((int) (sign * Long.parseLong(digits, radix)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
