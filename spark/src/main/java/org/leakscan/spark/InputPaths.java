package org.leakscan.spark;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.leakscan.input.AppFolders;

/**
 * The apps a run is given, on any Hadoop file system: a folder (its app files at any depth, as
 * {@code leakscan scan DIR} finds them), a glob ({@code s3a://bucket/apks/*.apk}), a text file
 * listing paths ({@code .txt}, {@code .lst} or {@code .list}: one path a line, relative ones
 * against the list's folder; blank lines and {@code #} comments skipped), or one app file. Paths
 * come out fully qualified ({@code hdfs://…}, {@code file:/…}), once each, sorted.
 */
final class InputPaths {

    /** One app to analyse: its qualified path and size in bytes (-1 when only a list named it). */
    record Input(String path, long size) implements Serializable {
    }

    private InputPaths() {
    }

    /** @throws FileNotFoundException naming an input that matches nothing */
    static List<Input> expand(List<String> specs, Configuration conf) throws IOException {
        TreeMap<String, Input> out = new TreeMap<>();
        for (String spec : specs) {
            Path p = new Path(spec);
            FileSystem fs = p.getFileSystem(conf);
            FileStatus[] matches = fs.globStatus(p);
            if (matches == null || matches.length == 0) {
                throw new FileNotFoundException(spec + ": no such file or folder");
            }
            for (FileStatus m : matches) {
                add(fs, m, out);
            }
        }
        return List.copyOf(out.values());
    }

    private static void add(FileSystem fs, FileStatus s, TreeMap<String, Input> out) throws IOException {
        Path p = fs.makeQualified(s.getPath());
        if (s.isDirectory()) {
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(p, true);
            while (files.hasNext()) {
                LocatedFileStatus f = files.next();
                if (f.isFile() && isApp(f.getPath().getName())) {
                    put(out, fs.makeQualified(f.getPath()), f.getLen());
                }
            }
        } else if (isList(p.getName())) {
            readList(fs, p, out);
        } else {
            put(out, p, s.getLen());
        }
    }

    private static void readList(FileSystem fs, Path list, TreeMap<String, Input> out) throws IOException {
        try (FSDataInputStream in = fs.open(list);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                Path p = new Path(list.getParent(), line);
                put(out, p.getFileSystem(fs.getConf()).makeQualified(p), -1);
            }
        }
    }

    private static void put(TreeMap<String, Input> out, Path qualified, long size) {
        String key = qualified.toString();
        out.merge(key, new Input(key, size), (a, b) -> a.size() >= 0 ? a : b);
    }

    /** An app by its name, as {@code leakscan scan DIR} picks them ({@link AppFolders#APP_EXTENSIONS}). */
    static boolean isApp(String name) {
        return AppFolders.APP_EXTENSIONS.contains(extension(name));
    }

    static boolean isList(String name) {
        String e = extension(name);
        return e.equals("txt") || e.equals("lst") || e.equals("list");
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * How rows name an input: the path alone for the local file system (as {@code leakscan scan}
     * names it), the full URI for any other.
     */
    static String display(String qualified) {
        Path p = new Path(qualified);
        return "file".equals(p.toUri().getScheme()) ? p.toUri().getPath() : qualified;
    }
}
