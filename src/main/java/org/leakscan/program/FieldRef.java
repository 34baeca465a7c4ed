package org.leakscan.program;

/**
 * A reference to a field: owner type descriptor, name and type descriptor.
 * Printed the DEX way, {@code Lpkg/Cls;->name:Ltype;}.
 */
public record FieldRef(String owner, String name, String type) {

    /** Parses {@code Lpkg/Cls;->name:type}. */
    public static FieldRef parse(String dexStyle) {
        int arrow = dexStyle.indexOf("->");
        int colon = dexStyle.indexOf(':', arrow);
        if (arrow <= 0 || colon < 0) {
            throw new IllegalArgumentException("not a DEX field descriptor: " + dexStyle);
        }
        return new FieldRef(dexStyle.substring(0, arrow), dexStyle.substring(arrow + 2, colon),
                dexStyle.substring(colon + 1));
    }

    @Override
    public String toString() {
        return owner + "->" + name + ":" + type;
    }
}
