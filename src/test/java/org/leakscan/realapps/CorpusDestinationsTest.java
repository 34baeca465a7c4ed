package org.leakscan.realapps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.leakscan.analysis.AnalysisOptions;
import org.leakscan.analysis.AppAnalyzer;
import org.leakscan.analysis.findings.Endpoint;
import org.leakscan.analysis.findings.Flow;
import org.leakscan.analysis.findings.Owner;
import org.leakscan.testing.JsonSchemaAssert;
import org.leakscan.testing.Scans;
import org.leakscan.testing.SharedApps;

/**
 * Where each corpus app's hosts go (#12), on real apps nobody here wrote (read in place from
 * {@code ../shared/corpus}; skipped when absent). The classification of every endpoint host of each
 * app is held to a golden table in {@code testdata/golden/corpus-destinations/} (host, entity,
 * country, party, basis, network, registrable domain), so a change to the catalogue or the
 * classifier shows as a reviewable diff; {@code -Dleakscan.updateGolden=true} rewrites them. The tables
 * come from scans without flows, so they stay fast and do not move with the data-flow engine. And as
 * a property, on the smallest apps with a short flow budget: every host a flow reaches is classified,
 * with a basis, and with a reason when no evidence applies.
 */
class CorpusDestinationsTest {

    private static final Path GOLDEN = JsonSchemaAssert.projectDir().resolve("testdata/golden/corpus-destinations");
    private static final boolean UPDATE = Boolean.getBoolean("leakscan.updateGolden");

    @Test
    void everyEndpointHostOfEachCorpusAppKeepsItsClassification() throws IOException {
        Path corpus = SharedApps.folder("corpus");
        assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus);
        List<String> differ = new ArrayList<>();
        int apps = 0;
        for (Path apk : SharedApps.apks(corpus)) {
            AppAnalyzer.Result r = Scans.analyze(apk, new AnalysisOptions(false));
            if (r.findings() == null) {
                continue;
            }
            apps++;
            String table = table(r.findings().endpoints());
            Path golden = GOLDEN.resolve(corpus.relativize(apk).toString().replace('/', '_').replaceAll("\\.apk$", ".tsv"));
            if (UPDATE) {
                Files.writeString(golden, table, StandardCharsets.UTF_8);
            } else if (!Files.exists(golden) || !Files.readString(golden, StandardCharsets.UTF_8).equals(table)) {
                differ.add(golden.getFileName() + (Files.exists(golden) ? " differs" : " is missing"));
            }
        }
        assumeTrue(apps > 0, "no corpus app read");
        assertEquals(List.of(), differ, "rerun with -Dleakscan.updateGolden=true and review the diff");
    }

    /** One line per endpoint host: its classification, with the evidence. */
    static String table(List<Endpoint> endpoints) {
        Map<String, Owner> byHost = new TreeMap<>();
        for (Endpoint e : endpoints) {
            if (e.owner() != null) {
                byHost.putIfAbsent(e.host(), e.owner());
            }
        }
        StringBuilder out = new StringBuilder("# host\tentity\tcountry\tparty\tbasis\tnetwork\tdomain\n");
        for (Map.Entry<String, Owner> e : byHost.entrySet()) {
            Owner o = e.getValue();
            assertNotNull(o.basis(), e.getKey() + " was not classified");
            out.append(String.join("\t", e.getKey(), o.entity(), o.country(), o.party(), o.basis()
                    + (o.partyBasis() != null ? "+" + o.partyBasis() : ""), String.valueOf(o.network()),
                    String.valueOf(o.domain()))).append('\n');
        }
        return out.toString();
    }

    @Test
    void everyHostAFlowReachesIsClassified() throws IOException {
        // The few smallest apps, with a short budget each: the property is about the hand-over from
        // the flows to the classifier, not about how many flows the engine finds (the endpoint
        // tables above cover every app, without flows).
        List<Path> apks = SharedApps.apks(500_000, "corpus");
        assumeTrue(!apks.isEmpty(), "no corpus");
        List<String> problems = new ArrayList<>();
        int hosts = 0;
        for (Path apk : apks) {
            AppAnalyzer.Result r = Scans.analyze(apk, new AnalysisOptions(true, Duration.ofSeconds(10)));
            if (r.findings() == null) {
                continue;
            }
            for (Flow f : r.findings().flows()) {
                for (Flow.Destination d : f.destinations()) {
                    if (d.host() == null) {
                        continue;
                    }
                    hosts++;
                    Owner o = d.owner();
                    if (o == null || o.basis() == null || o.party() == null
                            || ("none".equals(o.basis()) && o.reason() == null)) {
                        problems.add(apk.getFileName() + ": " + d.host() + " -> " + o);
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        System.out.println("CorpusDestinationsTest: " + hosts + " flow destinations with a host, all classified");
    }
}
