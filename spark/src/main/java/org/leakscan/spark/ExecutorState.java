package org.leakscan.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.leakscan.analysis.HeapBudget;
import org.leakscan.catalog.CatalogException;
import org.leakscan.catalog.Catalogs;
import org.leakscan.report.policy.Policy;
import org.leakscan.report.policy.PolicyException;
import org.leakscan.report.policy.PolicyReader;

/**
 * What an executor JVM keeps across its tasks: the catalogues (parsed once per JVM, not per app:
 * about a second each time), the parsed policy, and the heap gate that lets only as many apps in at
 * once as three quarters of the heap hold.
 */
final class ExecutorState {

    private static final Map<String, Catalogs> CATALOGS = new ConcurrentHashMap<>();
    private static final Map<String, Policy> POLICIES = new ConcurrentHashMap<>();
    private static final HeapBudget HEAP = new HeapBudget(Runtime.getRuntime().maxMemory());

    private ExecutorState() {
    }

    static HeapBudget heap() {
        return HEAP;
    }

    /** The run's catalogues: built in, or parsed from the files the driver shipped, once per JVM. */
    static Catalogs catalogs(ScanSettings s) throws CatalogException {
        if (s.signatures() == null) {
            return Catalogs.builtIn();
        }
        Catalogs c = CATALOGS.get(s.signaturesKey());
        if (c == null) {
            synchronized (CATALOGS) {
                c = CATALOGS.get(s.signaturesKey());
                if (c == null) {
                    c = load(s.signatures());
                    CATALOGS.put(s.signaturesKey(), c);
                }
            }
        }
        return c;
    }

    /** Writes the files into a private folder, parses them as {@code --signatures DIR} would, and removes the folder. */
    static Catalogs load(Map<String, String> files) throws CatalogException {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("leakscan-signatures-");
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue());
            }
            return Catalogs.load(dir);
        } catch (IOException e) {
            throw new CatalogException("cannot stage the catalogues: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                try (var staged = Files.list(dir)) {
                    for (Path f : staged.toList()) {
                        Files.deleteIfExists(f);
                    }
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    // A temporary folder left behind costs nothing to the results.
                }
            }
        }
    }

    /** The run's policy, or null without one. */
    static Policy policy(ScanSettings s) throws PolicyException {
        if (s.policyText() == null) {
            return null;
        }
        Policy p = POLICIES.get(s.policyText());
        if (p == null) {
            p = PolicyReader.parse(s.policyName(), s.policyText());
            POLICIES.put(s.policyText(), p);
        }
        return p;
    }
}
