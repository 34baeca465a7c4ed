package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The list of real SDK artifacts for the detection evaluation is well formed and names only
 * trackers the catalogue has. (The artifacts themselves are downloaded by the evaluation, not here.)
 */
class SdkArtifactListTest {

    private static final String RESOURCE = "/org/leakscan/trackers/sdk-artifacts.tsv";
    private static final Pattern COORDINATES = Pattern.compile("[\\w.-]+:[\\w.-]+:[\\w.-]+(:[\\w.-]+)?");

    private static List<String[]> rows() throws IOException {
        try (InputStream in = SdkArtifactListTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE);
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
            assertEquals("coordinates\tpackaging\texpected\tclasses\tmatched\tnote", lines.get(0));
            return lines.subList(1, lines.size()).stream().map(l -> l.split("\t", -1)).toList();
        }
    }

    @Test
    void everyRowIsWellFormedAndNamesACataloguedTracker() throws IOException {
        TrackerCatalog trackers = TrackerCatalog.loadDefault();
        Set<String> coordinates = new HashSet<>();
        Set<String> trackerIds = new HashSet<>();
        int controls = 0;
        for (String[] row : rows()) {
            String line = String.join(" | ", row);
            assertEquals(6, row.length, line);
            assertTrue(COORDINATES.matcher(row[0]).matches(), line);
            assertTrue(coordinates.add(row[0]), "twice: " + line);
            assertTrue(row[1].equals("aar") || row[1].equals("jar"), line);
            int classes = Integer.parseInt(row[3]);
            int matched = Integer.parseInt(row[4]);
            assertTrue(classes > 0 && matched >= 0 && matched <= classes, line);
            if (row[2].equals("none")) {
                controls++;
                assertEquals(0, matched, "a control's classes matched a tracker: " + line);
            } else {
                assertTrue(trackers.byId(row[2]).isPresent(), "not in trackers.json: " + line);
                assertTrue(matched > 0, line);
                trackerIds.add(row[2]);
            }
        }
        assertTrue(trackerIds.size() >= 20, "trackers with a real artifact: " + trackerIds.size());
        assertTrue(controls >= 6, "controls: " + controls);
    }
}
