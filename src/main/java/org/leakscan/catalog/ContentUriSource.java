package org.leakscan.catalog;

import java.util.ArrayList;
import java.util.List;
import org.leakscan.program.FieldRef;

/**
 * A content provider whose rows are personal data, e.g. {@code content://sms} (SMS) or
 * {@code content://com.android.contacts} (contacts). A {@link UriReader} call whose URI argument
 * is this URI (or one below it), or one of {@link #fields()}, reads data of {@link #dataType()}.
 *
 * @param index        position in the file's {@code contentUris} array, for messages
 * @param uri          the URI, e.g. {@code content://call_log}
 * @param match        whether URIs below it match too
 * @param aliases      other URIs with the same meaning (internal/external media volumes, old authorities)
 * @param fields       static {@code android.net.Uri} fields that hold this URI or one below it
 * @param dataType     id of the data type in {@link DataTypeCatalog}
 * @param permissions  read permissions; {@link SourcePermissions#NONE} when none is stated
 * @param addedIn      API level of the public constants; 0 when not stated
 * @param restrictedIn API level from which ordinary apps can no longer read it; 0 when not stated
 * @param apiNotes     details; empty when none
 */
public record ContentUriSource(int index, String uri, Match match, List<String> aliases, List<FieldRef> fields,
                               String dataType, SourcePermissions permissions, int addedIn, int restrictedIn,
                               String apiNotes) {

    /** How a URI string is compared with {@link #uri()} and {@link #aliases()}. */
    public enum Match {
        /** The URI itself or any URI below it ({@code content://sms} matches {@code content://sms/inbox/3}). */
        PREFIX,
        /** Only the URI itself (query and fragment ignored). */
        EXACT
    }

    public ContentUriSource {
        aliases = List.copyOf(aliases);
        fields = List.copyOf(fields);
        if (permissions == null) {
            permissions = SourcePermissions.NONE;
        }
        if (apiNotes == null) {
            apiNotes = "";
        }
    }

    /** {@link #uri()} followed by {@link #aliases()}. */
    public List<String> allUris() {
        ArrayList<String> all = new ArrayList<>(aliases.size() + 1);
        all.add(uri);
        all.addAll(aliases);
        return List.copyOf(all);
    }

    /**
     * The length of the longest of {@link #allUris()} that {@code uriString} matches, or -1.
     * A prefix matches only at a path boundary: {@code content://sms} matches {@code content://sms},
     * {@code content://sms/inbox} and {@code content://sms?limit=1}, not {@code content://smsx}.
     */
    public int matchLength(String uriString) {
        int best = -1;
        for (String candidate : allUris()) {
            if (matches(candidate, uriString) && candidate.length() > best) {
                best = candidate.length();
            }
        }
        return best;
    }

    private boolean matches(String candidate, String uriString) {
        if (!uriString.startsWith(candidate)) {
            return false;
        }
        if (uriString.length() == candidate.length()) {
            return true;
        }
        char next = uriString.charAt(candidate.length());
        if (next == '?' || next == '#') {
            return true;
        }
        return match == Match.PREFIX && (next == '/' || candidate.endsWith("/"));
    }
}
