package org.leakscan.realapps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.leakscan.analysis.AnalysisOptions;
import org.leakscan.analysis.AppAnalyzer;
import org.leakscan.analysis.findings.TrackerFinding;
import org.leakscan.testing.SharedApps;
import org.leakscan.testing.Scans;

/**
 * Trackers in the real apps of {@code ../shared/corpus} (skipped when absent). The expected SDKs
 * come from the corpus's own notes (SOURCES.tsv, written when the apps were collected, from their
 * source repositories): each must be found with its owner, and the apps the notes call tracker-free
 * must show none at all.
 */
class CorpusTrackerTest {

    /** App → trackers its notes name (the report may find more, such as SDKs bundled with them). */
    private static final Map<String, Set<String>> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("trackers/blooddonation.apk", Set.of("google-admob")),
            Map.entry("trackers/appsflyer_demo.apk", Set.of("appsflyer", "google-analytics", "google-admob")),
            Map.entry("trackers/branch-testbed-5.12.0-2024.apk", Set.of("branch")),
            Map.entry("trackers/branch-testbed-1.4.1-2015-unsigned.apk", Set.of("branch")),
            Map.entry("trackers/branch-testbed-2014.apk", Set.of("branch")),
            Map.entry("trackers/countly-demo-2018.apk", Set.of("countly", "firebase-analytics")),
            Map.entry("trackers/mixpanel-hello-2012.apk", Set.of("mixpanel")),
            Map.entry("trackers/mixpanel-mpmetrics-2010.apk", Set.of("mixpanel")),
            Map.entry("vulnerable/InsecureBankv2.apk", Set.of("google-analytics", "google-admob"))));

    /** Apps whose notes say they carry no tracker. */
    private static final List<String> TRACKER_FREE = List.of("vulnerable/AndroGoat.apk", "vulnerable/diva.apk",
            "vulnerable/ovaa.apk", "apps/abcore-multidex.apk", "apps/a2dp.Vol_137.apk", "apps/hello-world.apk");

    /** Owner entity and country expected for the SDKs above. */
    private static final Map<String, String> OWNERS = Map.of("appsflyer", "appsflyer/IL", "branch", "branch/US",
            "mixpanel", "mixpanel/US", "countly", "countly/GB", "google-admob", "google/US",
            "google-analytics", "google/US", "firebase-analytics", "google/US");

    @Test
    void trackersNamedInTheCorpusNotesAreFoundWithTheirOwners() throws Exception {
        Path corpus = SharedApps.folder("corpus");
        assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus);
        Map<String, Set<String>> missing = new TreeMap<>();
        for (Map.Entry<String, Set<String>> e : EXPECTED.entrySet()) {
            List<TrackerFinding> found = trackers(corpus.resolve(e.getKey()));
            Set<String> ids = new TreeSet<>();
            for (TrackerFinding t : found) {
                ids.add(t.id());
                if (OWNERS.containsKey(t.id())) {
                    assertEquals(OWNERS.get(t.id()), t.entity() + "/" + t.country(), e.getKey() + " " + t.id());
                }
                assertTrue(!t.evidence().packages().isEmpty() || !t.evidence().manifest().isEmpty()
                        || (!t.evidence().hosts().isEmpty() && !t.evidence().strings().isEmpty()),
                        e.getKey() + " " + t.id() + " reported without enough evidence: " + t.evidence());
            }
            Set<String> absent = new TreeSet<>(e.getValue());
            absent.removeAll(ids);
            if (!absent.isEmpty()) {
                missing.put(e.getKey(), absent);
            }
        }
        assertEquals(Map.of(), missing, "trackers not found");
    }

    @Test
    void appsWithoutTrackersShowNone() throws Exception {
        Path corpus = SharedApps.folder("corpus");
        assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus);
        Map<String, List<String>> found = new TreeMap<>();
        for (String app : TRACKER_FREE) {
            List<String> ids = trackers(corpus.resolve(app)).stream().map(TrackerFinding::id).toList();
            if (!ids.isEmpty()) {
                found.put(app, ids);
            }
        }
        assertEquals(Map.of(), found, "trackers in apps that have none");
    }

    private static List<TrackerFinding> trackers(Path apk) throws Exception {
        assertTrue(Files.isRegularFile(apk), "corpus app missing: " + apk);
        AppAnalyzer.Result r = Scans.analyze(apk, new AnalysisOptions(false));
        assertEquals(List.of(), r.errors(), apk.toString());
        return r.findings().trackers();
    }
}
