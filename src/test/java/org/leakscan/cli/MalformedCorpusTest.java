package org.leakscan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leakscan.testing.MalformedCorpus;

/**
 * Runs every case of {@code testdata/malformed/cases.tsv} through the command line and holds it
 * to its expected outcome: exit code, the number of apps reported, and (for errors) one line on
 * standard error naming the file and saying the expected fragment, the same text in the report's
 * {@code errors}, and no stack trace.
 */
class MalformedCorpusTest {

    private static final Path CASES = MalformedCorpus.FOLDER.resolve("cases.tsv");

    record Case(String file, List<String> options, int exitCode, int apps, String fragment) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(CASES, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            assertEquals(5, f.length, "file, options, exit, apps, message: " + line);
            List<String> options = f[1].equals("-") ? List.of() : List.of(f[1].split(" "));
            out.add(new Case(f[0], options, Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4]));
        }
        return out;
    }

    static Stream<Arguments> corpus() throws IOException {
        return cases().stream().map(Arguments::of);
    }

    @Test
    void theCommittedFilesAreWhatTheGeneratorWrites() throws IOException {
        if (Boolean.getBoolean("leakscan.updateMalformed")) {
            MalformedCorpus.write();
        }
        Map<String, byte[]> generated = MalformedCorpus.files();
        for (Map.Entry<String, byte[]> e : generated.entrySet()) {
            Path p = MalformedCorpus.FOLDER.resolve(e.getKey());
            assertTrue(Files.exists(p), p + " is missing; run with -Dleakscan.updateMalformed=true");
            assertArrayEquals(e.getValue(), Files.readAllBytes(p), p + " differs from its recipe");
        }
        Set<String> listed = new TreeSet<>();
        for (Case c : cases()) {
            listed.add(c.file());
        }
        assertEquals(new TreeSet<>(generated.keySet()), listed, "every generated file has a row in cases.tsv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachCaseGivesItsDocumentedOutcome(Case c) {
        Path input = MalformedCorpus.FOLDER.resolve(c.file());
        List<String> args = new ArrayList<>(List.of("scan", input.toString(), "-f", "json", "-q"));
        args.addAll(c.options());
        ScanCommandTest.Run r = ScanCommandTest.run(args.toArray(String[]::new));
        assertEquals(c.exitCode(), r.exitCode(), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace:\n" + r.err());
        JsonObject report = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(c.apps(), report.getAsJsonArray("apps").size(), "apps reported");
        JsonArray errors = report.getAsJsonArray("errors");
        if (c.exitCode() == 0) {
            assertEquals(0, errors.size(), errors.toString());
            assertTrue(r.err().isEmpty(), r.err());
            return;
        }
        String[] lines = r.err().strip().split("\n");
        assertTrue(Arrays.stream(lines).allMatch(l -> l.startsWith("leakscan: " + input)),
                "every line names the file:\n" + r.err());
        assertTrue(Arrays.stream(lines).anyMatch(l -> l.contains(c.fragment())),
                "a line says '" + c.fragment() + "':\n" + r.err());
        assertTrue(errors.asList().stream().anyMatch(e -> e.getAsJsonObject().get("message").getAsString()
                .contains(c.fragment())), errors.toString());
    }
}
