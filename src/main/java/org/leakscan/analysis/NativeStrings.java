package org.leakscan.analysis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Printable strings of a binary file, as {@code strings(1)} finds them: runs of at least
 * {@value #MIN_LENGTH} printable ASCII characters. Used on native libraries, whose URLs and hosts
 * sit in {@code .rodata}; the whole file is searched (section tables can be stripped or forged),
 * up to a bound.
 */
final class NativeStrings {

    static final int MIN_LENGTH = 6;
    /** A run longer than this is cut: a host or URL is shorter. */
    static final int MAX_LENGTH = 2048;

    private NativeStrings() {
    }

    /**
     * The compiler's identification in {@code .comment} ({@code Android (…) clang version 17 (https://
     * android.googlesource.com/toolchain/llvm-project …)}, {@code GCC: (…)}): in every NDK library, and
     * its URL is the toolchain's, not the app's.
     */
    static boolean isCompilerIdent(String text) {
        return text.contains("clang version") || text.startsWith("GCC: (") || text.startsWith("Linker: LLD");
    }

    /**
     * The printable runs of {@code bytes} that could hold an endpoint (they contain a dot), at most
     * {@code maxStrings} of them.
     */
    static List<String> of(byte[] bytes, int maxStrings) {
        List<String> out = new ArrayList<>();
        int start = -1;
        boolean dot = false;
        for (int i = 0; i <= bytes.length && out.size() < maxStrings; i++) {
            int b = i < bytes.length ? bytes[i] & 0xff : 0;
            boolean printable = b >= 0x20 && b < 0x7f;
            if (printable) {
                if (start < 0) {
                    start = i;
                    dot = false;
                }
                dot |= b == '.' || b == '@';
                if (i - start < MAX_LENGTH) {
                    continue;
                }
            }
            if (start >= 0) {
                int end = printable ? i + 1 : i;
                if (dot && end - start >= MIN_LENGTH) {
                    String text = new String(bytes, start, end - start, StandardCharsets.US_ASCII);
                    if (!isCompilerIdent(text)) {
                        out.add(text);
                    }
                }
                start = -1;
            }
        }
        return out;
    }
}
