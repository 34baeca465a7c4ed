package org.leakscan.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real apps nobody here wrote, read in place from {@code ../shared} beside the project (never
 * copied into it). Tests skip when the folder is absent, as on a user's fresh clone.
 */
public final class SharedApps {

    private SharedApps() {
    }

    /** {@code ../shared/<folder>}, normalised. */
    public static Path folder(String folder) {
        return JsonSchemaAssert.projectDir().resolve("../shared").resolve(folder).normalize();
    }

    /**
     * Every {@code .apk} of at most {@code maxBytes} below each of {@code folders} (under
     * {@code ../shared}) that exists, in folder order then sorted; empty when none does.
     */
    public static List<Path> apks(long maxBytes, String... folders) throws IOException {
        List<Path> out = new java.util.ArrayList<>();
        for (String f : folders) {
            Path dir = folder(f);
            if (Files.isDirectory(dir)) {
                for (Path apk : apks(dir)) {
                    if (Files.size(apk) <= maxBytes) {
                        out.add(apk);
                    }
                }
            }
        }
        return out;
    }

    /** Every {@code .apk} below {@code folder}, sorted. */
    public static List<Path> apks(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".apk")).sorted().toList();
        }
    }
}
