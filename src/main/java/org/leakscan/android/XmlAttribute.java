package org.leakscan.android;

import java.util.Optional;

/**
 * One attribute of an {@link XmlElement}, from binary or text XML.
 *
 * @param namespace  namespace URI, or {@code null} when the attribute has none (or its namespace
 *                   string cannot be read)
 * @param name       local name as the file spells it, or {@code null} when unreadable; obfuscated
 *                   files put junk here and keep the real identity in {@code resourceId}
 * @param resourceId framework or app attribute id from the binary resource map ({@code 0x0101xxxx}
 *                   for {@code android:} attributes), 0 when none; text XML gets it from
 *                   {@link AndroidAttributes}
 * @param type       {@code Res_value} data type, see {@link ValueTypes}
 * @param data       {@code Res_value} data (int value, boolean, resource id, string index …)
 * @param rawValue   the attribute's string: for {@code TYPE_STRING} the string Android's typed
 *                   access reads, otherwise the raw text kept beside the typed value; may be
 *                   {@code null}
 */
public record XmlAttribute(String namespace, String name, int resourceId, int type, int data, String rawValue) {

    /** The namespace of {@code android:} attributes. */
    public static final String ANDROID_NAMESPACE = "http://schemas.android.com/apk/res/android";

    /** A plain string attribute, as text XML gives it. */
    public static XmlAttribute ofString(String namespace, String name, int resourceId, String value) {
        return new XmlAttribute(namespace, name, resourceId, ValueTypes.TYPE_STRING, 0, value);
    }

    /**
     * The value as text, as {@code aapt dump xmltree} shows it: booleans {@code true}/{@code false},
     * integers in decimal, references {@code @0x7f040001}; see {@link ValueTypes#format}.
     */
    public String stringValue() {
        return ValueTypes.format(type, data, rawValue);
    }

    /** Whether the value names another resource, to be resolved through the resource table. */
    public boolean isReference() {
        return ValueTypes.isReference(type);
    }

    /**
     * The value as a boolean, read the way Android's {@code TypedArray.getBoolean} does: any integer
     * type is true when non-zero; a string is true only for {@code 1}, {@code true} or
     * {@code TRUE}. Empty for references, null values and other types.
     */
    public Optional<Boolean> asBoolean() {
        if (ValueTypes.isInteger(type)) {
            return Optional.of(data != 0);
        }
        if (type == ValueTypes.TYPE_STRING && rawValue != null) {
            return Optional.of(rawValue.equals("1") || rawValue.equals("true") || rawValue.equals("TRUE"));
        }
        return Optional.empty();
    }

    /**
     * The value as an int, read the way Android's {@code TypedArray.getInt} does: integer types give
     * their data; a string is parsed as {@code XmlUtils.convertValueToInt} would. Empty otherwise.
     */
    public Optional<Integer> asInt() {
        if (ValueTypes.isInteger(type)) {
            return Optional.of(data);
        }
        if (type == ValueTypes.TYPE_STRING) {
            return ValueTypes.parseInt(rawValue == null ? null : rawValue.trim());
        }
        return Optional.empty();
    }

    /** Whether this attribute is in the {@code android:} namespace. */
    public boolean isAndroid() {
        return ANDROID_NAMESPACE.equals(namespace);
    }

    /** The same attribute with another typed value, e.g. after resolving a reference. */
    public XmlAttribute withValue(int newType, int newData, String newString) {
        return new XmlAttribute(namespace, name, resourceId, newType, newData, newString);
    }
}
