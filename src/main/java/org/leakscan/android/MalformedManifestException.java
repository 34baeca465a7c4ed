package org.leakscan.android;

/**
 * A parsed XML document that is not an Android manifest at all (its root is not
 * {@code <manifest>}), so Android would refuse the app. Smaller problems (a component without a
 * name, unknown elements) are skipped by {@link ManifestParser}, never thrown.
 */
public final class MalformedManifestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedManifestException(String message) {
        super(message);
    }
}
