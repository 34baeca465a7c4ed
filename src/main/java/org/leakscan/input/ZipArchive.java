package org.leakscan.input;

import org.leakscan.diagnostics.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * A zip archive held in memory, read through Commons Compress, never extracted to disk, and read
 * the way Android's own zip reader ({@code libziparchive}, which the package manager and ART use)
 * reads it.
 *
 * <p>Checks run before anything is inflated: the entry count, names that climb out of the
 * archive ({@code ../}, absolute paths, drive letters), compression methods Android cannot read
 * (it knows only stored and deflated), and local file headers that disagree with the central
 * directory (name, or CRC and sizes when there is no data descriptor), which Android refuses as
 * "inconsistent information". Checks run while inflating too, because declared sizes can lie:
 * each entry's inflated size and ratio, the total inflated from the archive, and the CRC.
 * Rejected entries are listed in {@link #problems()}; the rest stay readable.
 *
 * <p>Two tricks are read the Android way rather than refused: the encryption flag ("fake
 * encryption", set so that other tools give up) is ignored, as {@code libziparchive} ignores it;
 * and for a name that occurs twice (which Android refuses outright: "Duplicate entries in
 * archive", so such an APK never installs) the first entry of the central directory is read and
 * the duplicate is a problem, so the report shows the trick without losing the app.
 */
public final class ZipArchive implements EntrySource, AutoCloseable {

    private static final Path ROOT = Path.of("/archive-root");
    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    private static final long LOCAL_HEADER_SIGNATURE = 0x04034b50L;
    private static final int LOCAL_HEADER_SIZE = 30;

    private final String displayName;
    private final ZipLimits limits;
    private final ZipFile zip;
    private final Map<String, ZipArchiveEntry> entries;
    private final List<String> problems;
    private final AtomicLong inflated = new AtomicLong();

    private ZipArchive(String displayName, ZipLimits limits, ZipFile zip, Map<String, ZipArchiveEntry> entries,
                       List<String> problems) {
        this.displayName = displayName;
        this.limits = limits;
        this.zip = zip;
        this.entries = entries;
        this.problems = problems;
    }

    /**
     * Opens an archive held in {@code bytes}.
     *
     * @param displayName how messages name the archive (a file name, or {@code app.aar!classes.jar})
     * @throws MalformedArchiveException when there is no readable central directory
     * @throws ZipBombException          when the entry count is over the limit
     */
    public static ZipArchive open(byte[] bytes, String displayName, ZipLimits limits) throws InputException {
        ZipFile zip;
        try {
            zip = ZipFile.builder()
                    .setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
                    .setIgnoreLocalFileHeader(false)
                    .get();
        } catch (IOException | RuntimeException e) {
            throw new MalformedArchiveException("truncated or corrupt zip (" + Messages.oneLine(e) + ")", e);
        }
        Map<String, ZipArchiveEntry> entries = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int count = 0;
        // Central-directory order: the order Android indexes entries in.
        Enumeration<ZipArchiveEntry> all = zip.getEntries();
        while (all.hasMoreElements()) {
            ZipArchiveEntry e = all.nextElement();
            if (++count > limits.maxEntries()) {
                closeQuietly(zip);
                throw new ZipBombException("zip has more than " + limits.maxEntries() + " entries (limit: --max-entries)");
            }
            String name = e.getName();
            String shown = "entry '" + Messages.printable(name) + "'";
            int occurrence = seen.merge(name, 1, Integer::sum);
            if (occurrence == 2) {
                problems.add(shown + " occurs more than once: Android refuses to install an archive with duplicate "
                        + "names; the first one in the central directory is read");
            }
            if (occurrence > 1 || e.isDirectory()) {
                continue;
            }
            if (climbsOut(name)) {
                problems.add(shown + " skipped: its name climbs out of the archive");
                continue;
            }
            String bomb = bombReason(e, limits);
            if (bomb != null) {
                problems.add(shown + " skipped: zip bomb (" + bomb + ")");
                continue;
            }
            if (e.getMethod() != STORED && e.getMethod() != DEFLATED) {
                problems.add(shown + " skipped: compression method " + e.getMethod()
                        + " (Android reads only stored and deflated entries)");
                continue;
            }
            String mismatch = localHeaderMismatch(bytes, e);
            if (mismatch != null) {
                problems.add(shown + " skipped: its local header disagrees with the central directory (" + mismatch
                        + "); Android refuses to read it");
                continue;
            }
            if (e.getGeneralPurposeBit().usesEncryption()) {
                problems.add(shown + " has the encryption flag set: Android ignores the flag and reads the data as is, "
                        + "and so does leakscan");
            }
            entries.put(name, e);
        }
        return new ZipArchive(displayName, limits, zip, Collections.unmodifiableMap(entries), List.copyOf(problems));
    }

    /**
     * Why an entry's declared sizes make it a bomb, or null. Declared sizes can lie, so
     * {@link #read} checks again while inflating; this catches the honest bombs before anyone asks.
     */
    static String bombReason(ZipArchiveEntry e, ZipLimits limits) {
        long size = e.getSize();
        long compressed = Math.max(1, e.getCompressedSize());
        if (size > limits.maxEntryBytes()) {
            return "declares " + size + " bytes, over the limit of " + limits.maxEntryBytes() + " (--max-entry-size)";
        }
        if (size > limits.ratioThresholdBytes() && size / compressed > limits.maxRatio()) {
            return "expands more than " + limits.maxRatio() + " times its compressed size: " + compressed + " to "
                    + size + " bytes (--max-ratio)";
        }
        return null;
    }

    /**
     * What {@code libziparchive}'s {@code FindEntry} finds inconsistent between the central
     * directory and the entry's local header, or null: a missing local header, a different name,
     * or (without a data descriptor) a different CRC or size. Zip64 placeholders are not compared.
     */
    static String localHeaderMismatch(byte[] bytes, ZipArchiveEntry e) {
        long at = e.getLocalHeaderOffset();
        if (at < 0 || at + LOCAL_HEADER_SIZE > bytes.length) {
            return "no local header at offset " + at;
        }
        int p = (int) at;
        if (u32(bytes, p) != LOCAL_HEADER_SIGNATURE) {
            return "no local header signature at offset " + at;
        }
        int flags = u16(bytes, p + 6);
        if ((flags & 0x0008) == 0) {
            long crc = u32(bytes, p + 14);
            long compressed = u32(bytes, p + 18);
            long size = u32(bytes, p + 22);
            boolean zip64 = compressed == 0xffffffffL || size == 0xffffffffL;
            if (e.getCrc() >= 0 && crc != e.getCrc()) {
                return String.format("CRC 0x%08x, central directory 0x%08x", crc, e.getCrc());
            }
            if (!zip64 && (compressed != e.getCompressedSize() || size != e.getSize())) {
                return "sizes " + compressed + "/" + size + ", central directory " + e.getCompressedSize() + "/"
                        + e.getSize();
            }
        }
        int nameLength = u16(bytes, p + 26);
        byte[] raw = e.getRawName();
        if (nameLength != raw.length || p + LOCAL_HEADER_SIZE + nameLength > bytes.length
                || !java.util.Arrays.equals(bytes, p + LOCAL_HEADER_SIZE, p + LOCAL_HEADER_SIZE + nameLength, raw, 0,
                raw.length)) {
            return "a different name";
        }
        return null;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int at) {
        return ((b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (long) (b[at + 3] & 0xff) << 24);
    }

    /** True when a name would land outside the folder it is extracted into. */
    static boolean climbsOut(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || (n.length() > 1 && n.charAt(1) == ':')) {
            return true;
        }
        try {
            return !ROOT.resolve(n).normalize().startsWith(ROOT);
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** Readable entry names, in central-directory order. */
    @Override
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    /** Entries skipped or suspicious, one line each. */
    public List<String> problems() {
        return problems;
    }

    public String displayName() {
        return displayName;
    }

    /** The declared inflated size of an entry, or -1 when unknown. */
    @Override
    public long size(String name) {
        ZipArchiveEntry e = entries.get(name);
        return e == null ? -1 : e.getSize();
    }

    /**
     * Inflates one entry, enforcing the size, ratio and total limits as the bytes arrive and
     * checking the CRC at the end, as Android does when it extracts an entry.
     *
     * @throws ZipBombException          when a limit is crossed
     * @throws MalformedArchiveException when the entry's data is corrupt
     */
    @Override
    public byte[] read(String name) throws InputException {
        ZipArchiveEntry e = entries.get(name);
        String shown = "entry '" + Messages.printable(name) + "'";
        if (e == null) {
            throw new MalformedArchiveException("no " + shown);
        }
        long compressed = Math.max(1, e.getCompressedSize());
        long declared = e.getSize();
        if (declared > limits.maxEntryBytes()) {
            throw new ZipBombException(shown + " declares " + declared + " bytes, over the limit of "
                    + limits.maxEntryBytes() + " (--max-entry-size)");
        }
        // The raw stream ignores the encryption flag, as Android does; inflation is ours.
        try (InputStream in = zip.getRawInputStream(e)) {
            if (in == null) {
                throw new MalformedArchiveException(shown + " has no data");
            }
            int initial = (int) Math.min(Math.max(declared, 0), 64L * 1024 * 1024);
            GrowableBytes out = new GrowableBytes(Math.max(initial, 256));
            Inflater inflater = e.getMethod() == DEFLATED ? new Inflater(true) : null;
            try {
                byte[] buf = new byte[64 * 1024];
                byte[] raw = new byte[64 * 1024];
                long total = 0;
                boolean end = false;
                while (!end) {
                    int n;
                    if (inflater == null) {
                        n = in.read(buf);
                        end = n < 0;
                    } else {
                        n = inflater.inflate(buf);
                        if (n == 0) {
                            if (inflater.finished()) {
                                end = true;
                            } else if (inflater.needsDictionary()) {
                                throw new MalformedArchiveException(shown + " is corrupt (deflate stream needs a dictionary)");
                            } else if (inflater.needsInput()) {
                                int r = in.read(raw);
                                if (r < 0) {
                                    throw new MalformedArchiveException(shown + " is corrupt (deflate stream ends early)");
                                }
                                inflater.setInput(raw, 0, r);
                            } else {
                                throw new MalformedArchiveException(shown + " is corrupt (deflate stream stalls)");
                            }
                            continue;
                        }
                    }
                    if (n <= 0) {
                        continue;
                    }
                    total += n;
                    if (total > limits.maxEntryBytes()) {
                        throw new ZipBombException(shown + " expands beyond " + limits.maxEntryBytes()
                                + " bytes (--max-entry-size)");
                    }
                    if (total > limits.ratioThresholdBytes() && total / compressed > limits.maxRatio()) {
                        throw new ZipBombException(shown + " expands more than " + limits.maxRatio()
                                + " times its compressed size (" + compressed + " bytes) (--max-ratio)");
                    }
                    if (inflated.addAndGet(n) > limits.maxTotalBytes()) {
                        throw new ZipBombException("archive expands beyond " + limits.maxTotalBytes()
                                + " bytes in all (--max-total)");
                    }
                    out.write(buf, n);
                }
            } finally {
                if (inflater != null) {
                    inflater.end();
                }
            }
            byte[] data = out.toByteArray();
            if (e.getCrc() >= 0) {
                CRC32 crc = new CRC32();
                crc.update(data);
                if (crc.getValue() != e.getCrc()) {
                    throw new MalformedArchiveException(String.format("%s is corrupt (CRC 0x%08x, expected 0x%08x)",
                            shown, crc.getValue(), e.getCrc()));
                }
            }
            return data;
        } catch (InputException ex) {
            throw ex;
        } catch (DataFormatException | IOException | RuntimeException ex) {
            throw new MalformedArchiveException(shown + " is corrupt (" + Messages.oneLine(ex) + ")", ex);
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // In memory: nothing to release that matters.
        }
    }

    /** A byte buffer that grows without the copy ByteArrayOutputStream makes on toByteArray when full. */
    private static final class GrowableBytes {
        private byte[] data;
        private int size;

        GrowableBytes(int capacity) {
            data = new byte[capacity];
        }

        void write(byte[] b, int n) {
            if (size + n > data.length) {
                data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, size + n));
            }
            System.arraycopy(b, 0, data, size, n);
            size += n;
        }

        byte[] toByteArray() {
            return size == data.length ? data : java.util.Arrays.copyOf(data, size);
        }
    }
}
