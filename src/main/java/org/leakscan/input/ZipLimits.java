package org.leakscan.input;

/**
 * Limits applied to every archive before and while it is inflated. The defaults follow jadx's
 * {@code JadxZipSecurity} (ratio 100 above 25 MiB, 100,000 entries) and leave room for the
 * largest real apps (hundreds of MB of DEX).
 *
 * @param maxEntries         entries in one archive
 * @param maxEntryBytes      inflated size of one entry
 * @param maxTotalBytes      inflated size of all entries read from one archive
 * @param maxRatio           inflated/compressed ratio allowed for entries above {@code ratioThreshold}
 * @param ratioThresholdBytes entries smaller than this are not ratio-checked (small files compress well)
 * @param maxInputBytes      size of the input file itself
 * @param maxNestingDepth    archives inside archives (AAR classes.jar, libs/*.jar)
 */
public record ZipLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio,
                        long ratioThresholdBytes, long maxInputBytes, int maxNestingDepth) {

    private static final long MIB = 1024L * 1024L;

    public ZipLimits {
        if (maxEntries < 1 || maxEntryBytes < 1 || maxTotalBytes < 1 || maxRatio < 1 || ratioThresholdBytes < 0
                || maxInputBytes < 1 || maxNestingDepth < 0) {
            throw new IllegalArgumentException("zip limits must be positive");
        }
        // One entry is one Java array.
        maxEntryBytes = Math.min(maxEntryBytes, Integer.MAX_VALUE - 16L);
    }

    /** These limits with the ones the user set on the command line (null keeps the default). */
    public ZipLimits with(Integer entries, Long entryBytes, Long totalBytes, Integer ratio) {
        return new ZipLimits(entries == null ? maxEntries : entries, entryBytes == null ? maxEntryBytes : entryBytes,
                totalBytes == null ? maxTotalBytes : totalBytes, ratio == null ? maxRatio : ratio,
                ratioThresholdBytes, maxInputBytes, maxNestingDepth);
    }

    public static final ZipLimits DEFAULT = new ZipLimits(100_000, 1024 * MIB, 4096 * MIB, 100, 25 * MIB,
            2000 * MIB, 2);
}
