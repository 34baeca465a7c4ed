package org.leakscan.android;

/**
 * Little-endian reads from a byte array. Callers check ranges first; these methods only decode,
 * so an unchecked read fails with an {@link IndexOutOfBoundsException} rather than wrong data.
 */
final class LittleEndian {

    private LittleEndian() {
    }

    static int u8(byte[] data, int offset) {
        return data[offset] & 0xff;
    }

    static int u16(byte[] data, int offset) {
        return (data[offset] & 0xff) | (data[offset + 1] & 0xff) << 8;
    }

    /** A 32-bit field as Java's signed int; use {@link #u32} where the value is a size or offset. */
    static int s32(byte[] data, int offset) {
        return (data[offset] & 0xff)
                | (data[offset + 1] & 0xff) << 8
                | (data[offset + 2] & 0xff) << 16
                | (data[offset + 3] & 0xff) << 24;
    }

    static long u32(byte[] data, int offset) {
        return s32(data, offset) & 0xffffffffL;
    }

    /** Whether {@code length} bytes starting at {@code offset} lie inside {@code [0, limit)}. */
    static boolean fits(long offset, long length, long limit) {
        return offset >= 0 && length >= 0 && offset + length <= limit;
    }
}
