package org.leakscan.input;

import org.leakscan.diagnostics.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * A zip archive held in memory, read through Commons Compress, never extracted to disk.
 *
 * <p>Checks run before anything is inflated: the entry count, names that climb out of the
 * archive ({@code ../}, absolute paths, drive letters), entries that cannot be read (encrypted,
 * unsupported method). Checks run while inflating too, because declared sizes can lie: each
 * entry's inflated size and ratio, and the total inflated from the archive. Rejected entries are
 * listed in {@link #problems()}; the rest stay readable. When a name occurs twice, the first
 * entry of the central directory is used and the second is a problem.
 */
public final class ZipArchive implements EntrySource, AutoCloseable {

    private static final Path ROOT = Path.of("/archive-root");

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
        List<String> problems = new ArrayList<>();
        int count = 0;
        Enumeration<ZipArchiveEntry> all = zip.getEntriesInPhysicalOrder();
        while (all.hasMoreElements()) {
            ZipArchiveEntry e = all.nextElement();
            if (++count > limits.maxEntries()) {
                closeQuietly(zip);
                throw new ZipBombException("zip has more than " + limits.maxEntries() + " entries");
            }
            String name = e.getName();
            if (e.isDirectory()) {
                continue;
            }
            if (climbsOut(name)) {
                problems.add("entry '" + Messages.printable(name) + "' skipped: its name climbs out of the archive");
                continue;
            }
            String bomb = bombReason(e, limits);
            if (bomb != null) {
                problems.add("entry '" + Messages.printable(name) + "' skipped: zip bomb (" + bomb + ")");
                continue;
            }
            if (!zip.canReadEntryData(e)) {
                problems.add("entry '" + Messages.printable(name) + "' skipped: encrypted or unsupported compression method "
                        + e.getMethod());
                continue;
            }
            if (entries.putIfAbsent(name, e) != null) {
                problems.add("entry '" + Messages.printable(name) + "' occurs more than once: the first one is read");
            }
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
            return "declares " + size + " bytes, over the limit of " + limits.maxEntryBytes();
        }
        if (size > limits.ratioThresholdBytes() && size / compressed > limits.maxRatio()) {
            return "expands more than " + limits.maxRatio() + " times its compressed size: " + compressed + " to "
                    + size + " bytes";
        }
        return null;
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

    /** Readable entry names, in the archive's physical order. */
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
     * Inflates one entry, enforcing the size, ratio and total limits as the bytes arrive.
     *
     * @throws ZipBombException          when a limit is crossed
     * @throws MalformedArchiveException when the entry's data is corrupt
     */
    @Override
    public byte[] read(String name) throws InputException {
        ZipArchiveEntry e = entries.get(name);
        if (e == null) {
            throw new MalformedArchiveException("no entry '" + Messages.printable(name) + "'");
        }
        long compressed = Math.max(1, e.getCompressedSize());
        long declared = e.getSize();
        if (declared > limits.maxEntryBytes()) {
            throw new ZipBombException("entry '" + Messages.printable(name) + "' declares " + declared
                    + " bytes, over the limit of " + limits.maxEntryBytes());
        }
        try (InputStream in = zip.getInputStream(e)) {
            int initial = (int) Math.min(Math.max(declared, 0), 64L * 1024 * 1024);
            GrowableBytes out = new GrowableBytes(Math.max(initial, 256));
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > limits.maxEntryBytes()) {
                    throw new ZipBombException("entry '" + Messages.printable(name) + "' expands beyond "
                            + limits.maxEntryBytes() + " bytes");
                }
                if (total > limits.ratioThresholdBytes() && total / compressed > limits.maxRatio()) {
                    throw new ZipBombException("entry '" + Messages.printable(name) + "' expands more than "
                            + limits.maxRatio() + " times its compressed size (" + compressed + " bytes)");
                }
                if (inflated.addAndGet(n) > limits.maxTotalBytes()) {
                    throw new ZipBombException("archive expands beyond " + limits.maxTotalBytes() + " bytes in all");
                }
                out.write(buf, n);
            }
            return out.toByteArray();
        } catch (InputException ex) {
            throw ex;
        } catch (IOException | RuntimeException ex) {
            throw new MalformedArchiveException("entry '" + Messages.printable(name) + "' is corrupt (" + Messages.oneLine(ex) + ")", ex);
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
