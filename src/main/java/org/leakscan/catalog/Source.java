package org.leakscan.catalog;

import java.util.Locale;
import org.leakscan.program.FieldRef;
import org.leakscan.program.MethodRef;

/**
 * One entry of {@code sources.json}: an API, field or callback that produces personal data of one
 * fine-grained {@link DataType}.
 *
 * <ul>
 *   <li>{@link Kind#CALL}: a call site of {@link #method()} produces the data ({@link #taint()} says where);</li>
 *   <li>{@link Kind#FIELD}: a read of {@link #field()} does;</li>
 *   <li>{@link Kind#CALLBACK}: the app implements {@link #method()} and the framework passes the data in
 *       the parameter {@link #taint()} names.</li>
 * </ul>
 *
 * @param index        position in the file's {@code sources} array, for messages
 * @param kind         call, field or callback
 * @param method       the method for calls and callbacks; null for fields
 * @param field        the field for field reads; null otherwise
 * @param dataType     id of the data type in {@link DataTypeCatalog}
 * @param taint        what becomes tainted
 * @param argEquals    the constant-argument condition, or null when the entry always applies
 * @param accessor     true when the entry reads data out of an object another source produced
 *                     ({@code Location.getLatitude}, {@code Account.name}); the analysis should count it
 *                     as a source only when that object is not already tainted, so one leak is one flow
 * @param permissions  the permissions behind it; {@link SourcePermissions#NONE} when none is stated
 * @param addedIn      API level that added it; 0 when not stated
 * @param deprecatedIn API level that deprecated it; 0 when not stated
 * @param restrictedIn API level from which it returns less or nothing to ordinary apps; 0 when not stated
 * @param verifiedIn   where the descriptor was machine-checked ({@code android-all-14}, {@code jdk-17}); null when not
 * @param apiNotes     API-level and permission details; empty when none
 */
public record Source(int index, Kind kind, MethodRef method, FieldRef field, String dataType, Taint taint,
                     ArgEquals argEquals, boolean accessor, SourcePermissions permissions, int addedIn,
                     int deprecatedIn, int restrictedIn, String verifiedIn, String apiNotes) {

    /** How a source produces data. */
    public enum Kind {
        /** A call site produces it. */
        CALL,
        /** A field read produces it. */
        FIELD,
        /** An app-implemented callback receives it. */
        CALLBACK;

        /** The catalogue spelling: {@code call}, {@code field}, {@code callback}. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Source {
        if ((kind == Kind.FIELD) != (field != null) || (kind == Kind.FIELD) == (method != null)) {
            throw new IllegalArgumentException("a " + kind + " source needs exactly a "
                    + (kind == Kind.FIELD ? "field" : "method"));
        }
        if (permissions == null) {
            permissions = SourcePermissions.NONE;
        }
        if (apiNotes == null) {
            apiNotes = "";
        }
    }

    /** The DEX-style descriptor as written in the catalogue. */
    public String api() {
        return kind == Kind.FIELD ? field.toString() : method.toString();
    }

    /** The owner type descriptor, e.g. {@code Landroid/telephony/TelephonyManager;}. */
    public String owner() {
        return kind == Kind.FIELD ? field.owner() : method.owner();
    }

    /** True when the entry has a constant-argument condition. */
    public boolean isConditional() {
        return argEquals != null;
    }

    /** True when a descriptor check found the member ({@link #verifiedIn()} is set). */
    public boolean isVerified() {
        return verifiedIn != null;
    }

    @Override
    public String toString() {
        return api() + (argEquals == null ? "" : " [" + argEquals + "]") + " -> " + dataType;
    }
}
