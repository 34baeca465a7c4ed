package org.leakscan.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Tells a folder of apps from a folder of classes. A folder that holds (at any depth) at least one
 * app file, by extension {@code .apk .xapk .apks .aab .aar .jar}, is a folder of apps: each of
 * those files is one input. Any other folder is one app made of its {@code .class}/{@code .dex}
 * files, as before. Symbolic links are not followed, so a link loop cannot make the walk endless.
 */
public final class AppFolders {

    /** Extensions of the files a folder of apps is made of. */
    public static final Set<String> APP_EXTENSIONS = Set.of("apk", "xapk", "apks", "aab", "aar", "jar");

    private AppFolders() {
    }

    /** True when {@code path} is a folder holding at least one app file. */
    public static boolean holdsApps(Path path) {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.anyMatch(AppFolders::isAppFile);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * The app files below {@code dir}, sorted by path so a batch always runs in the same order.
     *
     * @throws InputException when the folder cannot be walked
     */
    public static List<Path> apps(Path dir) throws InputException {
        try (Stream<Path> walk = Files.walk(dir, new FileVisitOption[0])) {
            return walk.filter(AppFolders::isAppFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new InputException("cannot list folder (" + e.getMessage() + ")", e);
        }
    }

    /** A regular file whose extension names an app container. */
    public static boolean isAppFile(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && APP_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))
                && Files.isRegularFile(p);
    }
}
