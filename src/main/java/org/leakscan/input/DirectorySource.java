package org.leakscan.input;

import org.leakscan.diagnostics.Messages;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The regular files below a folder, named by their path relative to it with {@code /}
 * separators. Symbolic links are not followed, so a folder cannot reach outside itself.
 */
final class DirectorySource implements EntrySource {

    private final Path root;
    private final Map<String, Path> files;
    private final ZipLimits limits;

    private DirectorySource(Path root, Map<String, Path> files, ZipLimits limits) {
        this.root = root;
        this.files = files;
        this.limits = limits;
    }

    static DirectorySource scan(Path root, ZipLimits limits) throws InputException {
        Map<String, Path> files = new LinkedHashMap<>();
        List<Path> sorted = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(sorted::add);
        } catch (IOException | RuntimeException e) {
            throw new InputException("cannot list folder (" + Messages.oneLine(e) + ")", e);
        }
        Collections.sort(sorted);
        for (Path p : sorted) {
            if (files.size() >= limits.maxEntries()) {
                throw new ZipBombException("folder has more than " + limits.maxEntries() + " files");
            }
            files.put(root.relativize(p).toString().replace('\\', '/'), p);
        }
        return new DirectorySource(root, Collections.unmodifiableMap(files), limits);
    }

    @Override
    public List<String> names() {
        return List.copyOf(files.keySet());
    }

    @Override
    public byte[] read(String name) throws InputException {
        Path p = files.get(name);
        if (p == null) {
            throw new InputException("no file '" + name + "' in " + root);
        }
        try {
            if (Files.size(p) > limits.maxEntryBytes()) {
                throw new ZipBombException("file '" + name + "' is larger than " + limits.maxEntryBytes() + " bytes");
            }
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new InputException("cannot read '" + name + "' (" + Messages.oneLine(e) + ")", e);
        }
    }

    @Override
    public long size(String name) {
        Path p = files.get(name);
        try {
            return p == null ? -1 : Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
