package org.leakscan.android;

import static org.leakscan.android.LittleEndian.s32;
import static org.leakscan.android.LittleEndian.u16;
import static org.leakscan.android.LittleEndian.u32;
import static org.leakscan.android.LittleEndian.u8;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One {@code ResStringPool} chunk, shared by binary XML and {@code resources.arsc}, read with the
 * checks of Android's {@code ResStringPool::setTo} and {@code stringAt}/{@code string8At}
 * (frameworks/base/libs/androidfw/ResourceTypes.cpp, Android 14).
 *
 * <p>What Android rejects, this rejects ({@link ChunkFormatException}): a header shorter than 28
 * bytes or not 4-byte aligned, an offset table ({@code stringCount} entries) that does not fit in
 * the chunk, {@code stringsStart} in the last two bytes of the chunk, a string area of size zero, a
 * string area whose last character is not NUL, and style offsets that pass {@code stylesStart}
 * tests Android has always made ({@code stylesStart} after {@code stringsStart}, before the end,
 * style area ending with the 0xFFFFFFFF end span). The newer Android-14-only checks on the style
 * offset table are not made: styles carry nothing this project reads, and older releases accepted
 * such pools.
 *
 * <p>What Android tolerates, this tolerates: a {@code stringCount} larger than the strings present
 * (offsets may run into the string data: only the strings actually referenced are decoded),
 * {@code stringsStart} not right after the offset table, a {@code stylesStart} with
 * {@code styleCount} zero, strings whose length prefix runs past the pool or that lack their NUL
 * terminator (those read as {@code null}, never an exception), odd UTF-16 offsets (rounded down as
 * Android's division does), and UTF-8 strings longer than 0x7FFF bytes whose stored length aapt
 * truncated (found the way Android finds them, by looking for the NUL at {@code len | k << 15}).
 *
 * <p>Costs are bounded by the bytes present: strings decode lazily, decoded strings are cached by
 * offset so that many indices pointing at one string cost one decode, and the total number of
 * characters decoded is capped ({@link #decodeBudget}) so that offsets pointing into the middle of
 * one long string cannot make decoding quadratic.
 */
final class StringPool {

    static final int UTF8_FLAG = 0x100;
    static final int HEADER_SIZE = 28;

    private final byte[] data;
    private final int chunkOffset;
    private final int entriesOffset;
    private final int count;
    private final boolean utf8;
    private final int stringsOffset;
    /** Size of the string area in characters (bytes for UTF-8, 16-bit units for UTF-16). */
    private final long poolSize;
    private final Map<Integer, String> decodedByOffset = new HashMap<>();
    private final long decodeBudget;
    private long decoded;

    private StringPool(byte[] data, int chunkOffset, int entriesOffset, int count, boolean utf8,
            int stringsOffset, long poolSize, long chunkSize) {
        this.data = data;
        this.chunkOffset = chunkOffset;
        this.entriesOffset = entriesOffset;
        this.count = count;
        this.utf8 = utf8;
        this.stringsOffset = stringsOffset;
        this.poolSize = poolSize;
        this.decodeBudget = (1 << 20) + 8 * chunkSize;
    }

    /**
     * Reads the pool whose chunk starts at {@code chunkOffset}, with {@code available} bytes that
     * Android hands to {@code setTo} (the chunk size the enclosing parser saw).
     */
    static StringPool parse(byte[] data, int chunkOffset, long available) {
        String where = String.format("string pool at 0x%x", chunkOffset);
        if (available < HEADER_SIZE || !LittleEndian.fits(chunkOffset, HEADER_SIZE, data.length)) {
            throw new ChunkFormatException(where + ": " + available
                    + " bytes are too few for a string pool header", chunkOffset);
        }
        int headerSize = u16(data, chunkOffset + 2);
        long size = u32(data, chunkOffset + 4);
        if (headerSize < HEADER_SIZE) {
            throw new ChunkFormatException(where + ": header size " + headerSize + " is below 28", chunkOffset);
        }
        if (headerSize > size) {
            throw new ChunkFormatException(where + ": header size " + headerSize + " exceeds chunk size " + size,
                    chunkOffset);
        }
        if (((headerSize | size) & 3) != 0) {
            throw new ChunkFormatException(String.format("%s: size 0x%x or header size 0x%x is not a multiple of 4",
                    where, size, headerSize), chunkOffset);
        }
        if (size > available || !LittleEndian.fits(chunkOffset, size, data.length)) {
            throw new ChunkFormatException(String.format("%s: size 0x%x runs past the 0x%x bytes available",
                    where, size, available), chunkOffset);
        }
        long stringCount = u32(data, chunkOffset + 8);
        long styleCount = u32(data, chunkOffset + 12);
        int flags = s32(data, chunkOffset + 16);
        long stringsStart = u32(data, chunkOffset + 20);
        long stylesStart = u32(data, chunkOffset + 24);
        boolean utf8 = (flags & UTF8_FLAG) != 0;
        int charSize = utf8 ? 1 : 2;

        long poolSize = 0;
        if (stringCount > 0) {
            if (headerSize + stringCount * 4 > available) {
                throw new ChunkFormatException(String.format("%s claims %d strings but holds 0x%x bytes",
                        where, stringCount, size), chunkOffset);
            }
            if (stringsStart >= size - 2) {
                throw new ChunkFormatException(String.format("%s: strings start at 0x%x, past the chunk end 0x%x",
                        where, stringsStart, size), chunkOffset);
            }
            if (styleCount == 0) {
                poolSize = (size - stringsStart) / charSize;
            } else {
                if (stylesStart >= size - 2) {
                    throw new ChunkFormatException(String.format("%s: styles start at 0x%x, past the chunk end 0x%x",
                            where, stylesStart, size), chunkOffset);
                }
                if (stylesStart <= stringsStart) {
                    throw new ChunkFormatException(String.format("%s: styles start at 0x%x, before the strings at 0x%x",
                            where, stylesStart, stringsStart), chunkOffset);
                }
                poolSize = (stylesStart - stringsStart) / charSize;
            }
            if (poolSize == 0) {
                throw new ChunkFormatException(where + " claims " + stringCount + " strings but its string area is empty",
                        chunkOffset);
            }
            long last = chunkOffset + stringsStart + (poolSize - 1) * charSize;
            boolean terminated = utf8 ? data[(int) last] == 0 : u16(data, (int) last) == 0;
            if (!terminated) {
                throw new ChunkFormatException(where + ": the last string is not NUL-terminated", last);
            }
        }
        if (styleCount > 0) {
            checkStyles(data, chunkOffset, where, headerSize, size, stringCount, styleCount, stylesStart);
        }
        return new StringPool(data, chunkOffset, chunkOffset + headerSize, (int) Math.min(stringCount, Integer.MAX_VALUE),
                utf8, (int) (chunkOffset + stringsStart), poolSize, size);
    }

    /** The style checks every Android release makes; styles are never read beyond this. */
    private static void checkStyles(byte[] data, int chunkOffset, String where, int headerSize, long size,
            long stringCount, long styleCount, long stylesStart) {
        if (headerSize + stringCount * 4 > size) {
            throw new ChunkFormatException(where + ": style offsets start past the chunk end", chunkOffset);
        }
        if (stylesStart >= size) {
            throw new ChunkFormatException(String.format("%s: styles start at 0x%x, past the chunk end 0x%x",
                    where, stylesStart, size), chunkOffset);
        }
        long styleWords = (size - stylesStart) / 4;
        if (styleWords < 3) {
            throw new ChunkFormatException(where + ": the style area is too short for its end marker", chunkOffset);
        }
        long endSpan = chunkOffset + stylesStart + (styleWords - 3) * 4;
        for (int i = 0; i < 3; i++) {
            if (s32(data, (int) endSpan + 4 * i) != -1) {
                throw new ChunkFormatException(where + ": the last style is not 0xFFFFFFFF-terminated", endSpan);
            }
        }
    }

    /** Number of offsets the header declares (not all need to be readable strings). */
    int size() {
        return count;
    }

    boolean isUtf8() {
        return utf8;
    }

    /** Byte offset of the chunk in the file. */
    int offset() {
        return chunkOffset;
    }

    /**
     * The string at {@code index} as Android's Java layer sees it, or {@code null} when the index is
     * out of range or the string cannot be read (Android returns no string either).
     */
    synchronized String get(int index) {
        if (index < 0 || index >= count) {
            return null;
        }
        long entry = u32(data, entriesOffset + 4 * index);
        int key = (int) entry;
        String cached = decodedByOffset.get(key);
        if (cached != null || decodedByOffset.containsKey(key)) {
            return cached;
        }
        String value = utf8 ? decodeUtf8(entry) : decodeUtf16(entry / 2);
        if (value != null) {
            decoded += value.length();
            if (decoded > decodeBudget) {
                throw new ChunkFormatException(String.format(
                        "string pool at 0x%x: strings decoded so far exceed %d characters; its offsets overlap its strings",
                        chunkOffset, decodeBudget), chunkOffset);
            }
        }
        decodedByOffset.put(key, value);
        return value;
    }

    /** {@code stringAt} for UTF-16 pools; {@code off} counts 16-bit units. */
    private String decodeUtf16(long off) {
        if (off >= poolSize - 1) {
            return null;
        }
        long pos = stringsOffset + off * 2;
        long length = u16(data, (int) pos);
        long header = 1;
        if ((length & 0x8000) != 0) {
            length = (length & 0x7fff) << 16 | u16(data, (int) pos + 2);
            header = 2;
        }
        long end = off + header + length;
        if (end >= poolSize) {
            return null;
        }
        if (u16(data, (int) (stringsOffset + end * 2)) != 0) {
            return null;
        }
        int start = (int) (pos + header * 2);
        return new String(data, start, (int) length * 2, StandardCharsets.UTF_16LE);
    }

    /**
     * {@code string8At} for UTF-8 pools, which is what Android's Java {@code StringBlock} uses: the
     * UTF-16 length is skipped, the UTF-8 length located as {@code stringDecodeAt} does, and the
     * result cut at its first NUL as JNI's {@code NewStringUTF} does.
     */
    private String decodeUtf8(long off) {
        if (off >= poolSize - 1) {
            return null;
        }
        long poolEnd = stringsOffset + poolSize;
        int pos = (int) (stringsOffset + off);
        int[] cursor = {pos};
        if (readUtf8Length(cursor, poolEnd) < 0) {
            return null;
        }
        long encodedLength = readUtf8Length(cursor, poolEnd);
        if (encodedLength < 0) {
            return null;
        }
        int start = cursor[0];
        if (start + encodedLength - stringsOffset >= poolSize) {
            return null;
        }
        long end = encodedLength;
        for (long k = 0; start + end - stringsOffset < poolSize; ) {
            if (data[(int) (start + end)] == 0) {
                int length = 0;
                while (length < end && data[start + length] != 0) {
                    length++;
                }
                return new String(data, start, length, StandardCharsets.UTF_8);
            }
            k++;
            end = k << 15 | encodedLength;
        }
        return null;
    }

    /** One UTF-8 pool length (one or two bytes); -1 when it would be read past the pool. */
    private long readUtf8Length(int[] cursor, long poolEnd) {
        int pos = cursor[0];
        if (pos >= poolEnd) {
            return -1;
        }
        int length = u8(data, pos);
        if ((length & 0x80) != 0) {
            if (pos + 1 >= poolEnd) {
                return -1;
            }
            length = (length & 0x7f) << 8 | u8(data, pos + 1);
            pos++;
        }
        cursor[0] = pos + 1;
        return length;
    }
}
