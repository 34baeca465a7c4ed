package org.leakscan.input;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds the APK Signing Block (signature schemes v2 and later) in a zip held in memory. The block
 * sits right before the central directory: {@code uint64 size, pairs…, uint64 size,
 * "APK Sig Block 42"}. Reading what the pairs mean is the android stage's job.
 */
final class ApkSigningBlock {

    private static final byte[] MAGIC = "APK Sig Block 42".getBytes(StandardCharsets.US_ASCII);
    private static final int EOCD_SIZE = 22;
    private static final int EOCD_SIGNATURE = 0x06054b50;

    private ApkSigningBlock() {
    }

    /** The block's ID-value pairs, or null when the file has no APK Signing Block. */
    static byte[] pairs(byte[] zip) {
        int eocd = findEndOfCentralDirectory(zip);
        if (eocd < 0) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        long cdOffset = b.getInt(eocd + 16) & 0xffffffffL;
        if (cdOffset < 32 || cdOffset > eocd) {
            return null;
        }
        int magicAt = (int) cdOffset - 16;
        if (!Arrays.equals(zip, magicAt, magicAt + 16, MAGIC, 0, 16)) {
            return null;
        }
        long size = b.getLong(magicAt - 8);
        long start = cdOffset - size - 8;
        if (size < 24 || start < 0 || b.getLong((int) start) != size) {
            return null;
        }
        return Arrays.copyOfRange(zip, (int) start + 8, magicAt - 8);
    }

    /** The end-of-central-directory record, searched backwards over the longest possible comment. */
    private static int findEndOfCentralDirectory(byte[] zip) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int last = zip.length - EOCD_SIZE;
        for (int at = last; at >= 0 && at >= last - 0xffff; at--) {
            if (b.getInt(at) == EOCD_SIGNATURE && (b.getShort(at + 20) & 0xffff) == last - at) {
                return at;
            }
        }
        return -1;
    }
}
