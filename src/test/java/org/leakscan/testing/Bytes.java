package org.leakscan.testing;

import java.util.Arrays;

/** Little-endian patching of byte arrays, for tests that damage binary files on purpose. */
public final class Bytes {

    private Bytes() {
    }

    public static int u16(byte[] data, int offset) {
        return (data[offset] & 0xff) | (data[offset + 1] & 0xff) << 8;
    }

    public static int s32(byte[] data, int offset) {
        return u16(data, offset) | u16(data, offset + 2) << 16;
    }

    public static void putU16(byte[] data, int offset, int value) {
        data[offset] = (byte) value;
        data[offset + 1] = (byte) (value >>> 8);
    }

    public static void putS32(byte[] data, int offset, int value) {
        putU16(data, offset, value);
        putU16(data, offset + 2, value >>> 16);
    }

    /** {@code data} with {@code inserted} placed at {@code offset}. */
    public static byte[] insert(byte[] data, int offset, byte[] inserted) {
        byte[] result = new byte[data.length + inserted.length];
        System.arraycopy(data, 0, result, 0, offset);
        System.arraycopy(inserted, 0, result, offset, inserted.length);
        System.arraycopy(data, offset, result, offset + inserted.length, data.length - offset);
        return result;
    }

    /** {@code data} without the {@code length} bytes at {@code offset}. */
    public static byte[] remove(byte[] data, int offset, int length) {
        byte[] result = new byte[data.length - length];
        System.arraycopy(data, 0, result, 0, offset);
        System.arraycopy(data, offset + length, result, offset, data.length - offset - length);
        return result;
    }

    /** The first {@code length} bytes. */
    public static byte[] head(byte[] data, int length) {
        return Arrays.copyOf(data, length);
    }

    /** Adds {@code delta} to the 32-bit value at {@code offset} (a chunk size after an insertion). */
    public static void addS32(byte[] data, int offset, int delta) {
        putS32(data, offset, s32(data, offset) + delta);
    }
}
