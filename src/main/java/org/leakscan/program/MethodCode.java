package org.leakscan.program;

/**
 * The code of a method that has some: what it references ({@link CodeRefs}, always at hand) and
 * its register form ({@link #body()}), which a front-end may decode only on first use. The
 * inventory needs the references of every method but the register form of almost none, and
 * decoding it is most of the cost of reading a large app. Thread-safe.
 */
public final class MethodCode {

    /**
     * Decodes a body on demand; throws when the code cannot be decoded, with the exception's
     * message as the one-line reason (the front-end words it).
     */
    @FunctionalInterface
    public interface Decoder {
        MethodBody decode() throws Exception;
    }

    /** Told once when a lazily decoded body turns out undecodable, so the failure is reported. */
    @FunctionalInterface
    public interface FailureListener {
        void failed(String failure);
    }

    private final CodeRefs refs;
    private Decoder decoder;
    private FailureListener listener;
    private volatile MethodBody body;
    private volatile String failure;

    private MethodCode(CodeRefs refs, Decoder decoder, FailureListener listener, MethodBody body, String failure) {
        this.refs = refs;
        this.decoder = decoder;
        this.listener = listener;
        this.body = body;
        this.failure = failure;
    }

    /** Code already decoded; references taken from the body, which also gives the instruction count. */
    public static MethodCode decoded(MethodBody body) {
        return new MethodCode(CodeRefs.of(body), null, null, body, null);
    }

    /** Code already decoded from {@code instructionCount} bytecode instructions; references taken from the body. */
    public static MethodCode decoded(MethodBody body, int instructionCount) {
        return new MethodCode(CodeRefs.of(body, instructionCount), null, null, body, null);
    }

    /** Code that could not be decoded at all, and why. */
    public static MethodCode failed(String failure) {
        return new MethodCode(CodeRefs.NONE, null, null, null, failure);
    }

    /** Code whose references are known and whose body is decoded when first asked for. */
    public static MethodCode lazy(CodeRefs refs, Decoder decoder, FailureListener listener) {
        return new MethodCode(refs, decoder, listener, null, null);
    }

    public CodeRefs refs() {
        return refs;
    }

    /** The register form, decoded now if it was not yet; null when it cannot be decoded ({@link #failure}). */
    public MethodBody body() {
        MethodBody b = body;
        if (b != null || failure != null) {
            return b;
        }
        return decode();
    }

    /** Why the body cannot be decoded, or null (also before a lazy body was first asked for). */
    public String failure() {
        return failure;
    }

    private synchronized MethodBody decode() {
        if (body != null || failure != null) {
            return body;
        }
        try {
            body = decoder.decode();
        } catch (Exception | StackOverflowError e) {
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
            if (listener != null) {
                listener.failed(failure);
            }
        }
        // Let the bytes the decoder holds go once they have served.
        decoder = null;
        listener = null;
        return body;
    }
}
