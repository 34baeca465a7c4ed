package org.leakscan.catalog;

import org.leakscan.program.MethodRef;

/**
 * A call that reads a content provider named by a URI argument ({@code ContentResolver.query},
 * {@code openInputStream}, {@code CursorLoader(...)}). What it reads is the data type of the
 * {@link ContentUriSource} that the URI argument resolves to.
 *
 * @param method      the method
 * @param uriArgument 1-based number of its first {@code android.net.Uri} parameter (receiver not counted)
 */
public record UriReader(MethodRef method, int uriArgument) {

    /** The type descriptor of {@code android.net.Uri}. */
    public static final String URI_TYPE = "Landroid/net/Uri;";

    /**
     * The reader for {@code method}: the URI is its first {@code android.net.Uri} parameter.
     *
     * @throws IllegalArgumentException when it has none
     */
    public static UriReader of(MethodRef method) {
        int position = method.parameterTypes().indexOf(URI_TYPE);
        if (position < 0) {
            throw new IllegalArgumentException("no android.net.Uri parameter");
        }
        return new UriReader(method, position + 1);
    }

    /**
     * True when the read taints the object being constructed ({@code CursorLoader}, whose cursor
     * arrives later in {@code onLoadFinished}); otherwise it taints the return value.
     */
    public boolean taintsConstructedObject() {
        return method.isConstructor();
    }
}
