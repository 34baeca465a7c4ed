package org.leakscan.android;

/**
 * A simple value from {@code resources.arsc}.
 *
 * @param type   {@code Res_value} data type, see {@link ValueTypes}
 * @param data   {@code Res_value} data
 * @param string for {@code TYPE_STRING}, the string from the table's global pool ({@code null}
 *               when unreadable); {@code null} for other types
 */
public record ResourceValue(int type, int data, String string) {

    /** The value as text, formatted as for {@link XmlAttribute#stringValue()}. */
    public String format() {
        return ValueTypes.format(type, data, string);
    }

    /** Whether the value names another resource. */
    public boolean isReference() {
        return ValueTypes.isReference(type);
    }
}
