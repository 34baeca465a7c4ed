package org.leakscan.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The job's durable progress: one record per analysed app, written by the task that analysed it the
 * moment it is done, so a killed run loses only the apps in flight. Records are keyed by the app's
 * SHA-256 ({@code OUT/_results/ab/ab12….json}, 256 shard folders keep any folder small at store
 * scale); an input that could not be read at all has no digest and is keyed by its path instead
 * ({@code OUT/_results/unread/<path digest>.json}), to be tried again by the next run.
 *
 * <p>A record is written beside its place under a hidden name and renamed into it; the first record
 * of an app wins, so duplicate or speculative task attempts leave exactly one. Full reports
 * ({@code --reports}) go to {@code OUT/reports/ab/ab12….json} the same way, before their record.
 */
final class ResultStore {

    static final String RESULTS = "_results";
    static final String UNREAD = "unread";
    static final String REPORTS = "reports";

    private final Path root;
    private final FileSystem fs;

    ResultStore(String output, Configuration conf) throws IOException {
        Path out = new Path(output);
        this.fs = out.getFileSystem(conf);
        this.root = fs.makeQualified(out);
    }

    Path root() {
        return root;
    }

    /** Where the record of the app with this SHA-256 goes. */
    Path record(String sha256) {
        return new Path(root, RESULTS + "/" + sha256.substring(0, 2) + "/" + sha256 + ".json");
    }

    /** Where the record of an input that could not be read goes. */
    Path unreadRecord(String input) {
        return new Path(root, RESULTS + "/" + UNREAD + "/" + sha256(input.getBytes(StandardCharsets.UTF_8)).substring(0, 32)
                + ".json");
    }

    /** The report's path relative to the output folder, as the apps table lists it. */
    static String reportName(String sha256) {
        return REPORTS + "/" + sha256.substring(0, 2) + "/" + sha256 + ".json";
    }

    /** The folder of all records. */
    Path resultsFolder() {
        return new Path(root, RESULTS);
    }

    /** Every record, as a glob. */
    String recordsGlob() {
        return new Path(root, RESULTS + "/*/*.json").toString();
    }

    /** True when some record exists. */
    boolean hasRecords() throws IOException {
        return countRecords() > 0;
    }

    /** How many records there are. */
    long countRecords() throws IOException {
        FileStatus[] found = fs.globStatus(new Path(recordsGlob()));
        return found == null ? 0 : found.length;
    }

    /** True when some input has an unread record. */
    boolean hasUnreadRecords() throws IOException {
        FileStatus[] found = fs.globStatus(new Path(root, RESULTS + "/" + UNREAD + "/*.json"));
        return found != null && found.length > 0;
    }

    boolean exists(Path p) throws IOException {
        return fs.exists(p);
    }

    String read(Path p) throws IOException {
        try (InputStream in = fs.open(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Deletes {@code p} if it is there. */
    void delete(Path p) throws IOException {
        fs.delete(p, false);
    }

    /**
     * Writes {@code text} to {@code target} unless a file is already there (then an earlier or
     * concurrent attempt wrote the same app, and that one stays); {@code replace} overwrites.
     *
     * @return true when this call's text is in place
     */
    boolean write(Path target, String text, boolean replace) throws IOException {
        if (!replace && fs.exists(target)) {
            return false;
        }
        Path tmp = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
        try (OutputStream out = fs.create(tmp, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        try {
            if (replace) {
                fs.delete(target, false);
            } else if (fs.exists(target)) {
                return false;
            }
            return fs.rename(tmp, target);
        } finally {
            if (fs.exists(tmp)) {
                fs.delete(tmp, false);
            }
        }
    }

    /** The file's bytes, read whole. */
    static byte[] readAll(FileSystem fs, Path p, long length) throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("file is " + length + " bytes, too large to read into memory");
        }
        byte[] bytes = new byte[(int) length];
        try (var in = fs.open(p)) {
            in.readFully(0, bytes);
        }
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
