package org.leakscan.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Runs Android's {@code aapt} (Debian package {@code aapt}) from tests, as an independent reader of
 * the binary formats. Tests skip (JUnit {@code Assumptions}) when it is not installed.
 */
public final class Aapt {

    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/bin/aapt"), Path.of("/usr/local/bin/aapt"));

    private Aapt() {
    }

    /** The aapt executable, when installed. */
    public static Optional<Path> find() {
        return CANDIDATES.stream().filter(Files::isExecutable).findFirst();
    }

    /** Output of {@code aapt args…} (stdout and stderr together); fails on a non-zero exit or a 60 s timeout. */
    public static String run(String... args) throws IOException, InterruptedException {
        Path aapt = find().orElseThrow(() -> new IllegalStateException("aapt is not installed"));
        List<String> command = new ArrayList<>();
        command.add(aapt.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("aapt timed out: " + command);
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("aapt exited with " + process.exitValue() + ": " + command + "\n" + text);
        }
        return text;
    }

    /** Writes a zip (enough of an APK for {@code aapt dump}) with the given entries. */
    public static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }
}
