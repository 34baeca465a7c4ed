package org.leakscan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job's inputs on a Hadoop file system (here the local one): folders, globs, list files, apps. */
class InputPathsTest {

    @Test
    void foldersGlobsAndListsGiveEachAppOnceSorted(@TempDir Path dir) throws Exception {
        Path apps = dir.resolve("apps");
        Files.createDirectories(apps.resolve("deep/er"));
        for (String name : List.of("b.apk", "a.APK", "deep/er/c.aar", "deep/notes.txt", "deep/x.jar", "d.xapk")) {
            Files.writeString(apps.resolve(name), name);
        }
        Path list = dir.resolve("more.lst");
        Files.writeString(list, "# more\n\napps/b.apk\n" + dir.resolve("elsewhere.apk") + "\n");
        Configuration conf = new Configuration();

        List<InputPaths.Input> folder = InputPaths.expand(List.of(apps.toString()), conf);
        assertEquals(List.of("a.APK", "b.apk", "d.xapk", "deep/er/c.aar", "deep/x.jar"),
                folder.stream().map(i -> apps.toUri().relativize(Path.of(InputPaths.display(i.path())).toUri()).toString())
                        .toList());
        assertEquals(List.of(5L, 5L, 6L, 13L, 10L), folder.stream().map(InputPaths.Input::size).toList());

        List<InputPaths.Input> mixed = InputPaths.expand(List.of(apps + "/*.apk", list.toString()), conf);
        assertEquals(List.of(apps.resolve("b.apk").toString(), dir.resolve("elsewhere.apk").toString()),
                mixed.stream().map(i -> InputPaths.display(i.path())).toList(), "b.apk once; the glob is case-sensitive");
        assertEquals(5L, mixed.get(0).size(), "the size from the listing wins over the list's unknown");
        assertEquals("file:" + apps.resolve("b.apk"), mixed.get(0).path());

        assertThrows(FileNotFoundException.class, () -> InputPaths.expand(List.of(dir + "/nothing*"), conf));
    }
}
