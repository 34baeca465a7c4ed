package org.leakscan.analysis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.leakscan.analysis.findings.Endpoint;
import org.leakscan.analysis.findings.Owner;
import org.leakscan.android.AndroidManifest;
import org.leakscan.android.ResourceTable;
import org.leakscan.android.XmlAttribute;
import org.leakscan.android.XmlDocuments;
import org.leakscan.android.XmlElement;
import org.leakscan.diagnostics.Stage;
import org.leakscan.input.InputException;
import org.leakscan.program.ClassDef;
import org.leakscan.program.FieldDef;
import org.leakscan.program.Types;

/**
 * URLs, hosts, IP addresses and e-mail addresses written as constants: in code (string constants
 * and static field values), in {@code resources.arsc} strings, in manifest meta-data, in compiled
 * XML under {@code res/xml/} (network security configs name domains), in text files under
 * {@code assets/} and {@code res/raw/}, and in the printable strings of native libraries
 * ({@code lib/<abi>/*.so}). Each endpoint lists every place it was found.
 */
public final class EndpointPass implements Pass {

    public static final PassInfo INFO = PassInfo.of("endpoints",
            "network endpoints written as constants in code, resources and assets", CodeIndexPass.INFO.id());

    /** Text files larger than this are not searched: they are data, not configuration. */
    private static final int MAX_TEXT_FILE = 2 * 1024 * 1024;
    /** Native libraries larger than this are not searched (the largest real ones are ~100 MB). */
    private static final int MAX_NATIVE_FILE = 64 * 1024 * 1024;
    private static final int MAX_NATIVE_STRINGS = 200_000;

    @Override
    public PassInfo info() {
        return INFO;
    }

    /** Collects endpoints by (kind, value) with their locations. */
    private static final class Collector {
        private final Map<String, EndpointExtractor.Candidate> candidates = new TreeMap<>();
        private final Map<String, TreeSet<Endpoint.Location>> places = new TreeMap<>();

        /**
         * What each distinct text holds: code loads the same constants in many places, and the
         * extractor's patterns are the expensive part.
         */
        private final Map<String, List<EndpointExtractor.Candidate>> extracted = new java.util.HashMap<>();

        void scan(String text, Endpoint.Location where) {
            scan(text, () -> where);
        }

        /** {@code where} is asked for only when the text holds an endpoint: most texts hold none. */
        void scan(String text, java.util.function.Supplier<Endpoint.Location> where) {
            List<EndpointExtractor.Candidate> found = extracted.computeIfAbsent(text, EndpointExtractor::extract);
            if (found.isEmpty()) {
                return;
            }
            Endpoint.Location location = where.get();
            for (EndpointExtractor.Candidate c : found) {
                String key = c.kind() + " " + c.value();
                candidates.putIfAbsent(key, c);
                places.computeIfAbsent(key, k -> new TreeSet<>()).add(location);
            }
        }

        List<Endpoint> endpoints(java.util.function.Function<String, Owner> owners) {
            List<Endpoint> out = new ArrayList<>();
            for (Map.Entry<String, EndpointExtractor.Candidate> e : candidates.entrySet()) {
                EndpointExtractor.Candidate c = e.getValue();
                out.add(new Endpoint(c.kind(), c.url(), c.host(), c.scheme(), c.cleartext(), c.value(),
                        c.kind().equals("email") ? null : owners.apply(c.host()),
                        List.copyOf(places.get(e.getKey()))));
            }
            out.sort(Comparator.comparing(Endpoint::host).thenComparing(Endpoint::kind).thenComparing(Endpoint::value));
            return out;
        }
    }

    @Override
    public void run(AnalysisContext context) {
        Collector collector = new Collector();
        for (CodeIndex.StringSite s : context.codeIndex().strings()) {
            collector.scan(s.value(), () -> Endpoint.Location.code(s.site().location()));
        }
        for (ClassDef c : context.program().classes()) {
            for (FieldDef f : c.fields()) {
                if (f.constantValue() instanceof String value) {
                    collector.scan(value, new Endpoint.Location(Types.toJavaName(c.type()), null, null, null));
                }
            }
        }
        ResourceTable table = context.resources();
        if (table != null) {
            for (org.leakscan.android.StringResource r : table.strings()) {
                collector.scan(r.value(), Endpoint.Location.file("resources.arsc", r.name()));
            }
        }
        AndroidManifest manifest = context.manifest();
        if (manifest != null) {
            for (org.leakscan.android.MetaData d : manifest.metaData()) {
                if (d.value() != null) {
                    collector.scan(d.value(), Endpoint.Location.file("AndroidManifest.xml", "meta-data " + d.name()));
                }
            }
        }
        for (String name : context.app().entries().names()) {
            try {
                if (name.startsWith("res/xml/") && name.endsWith(".xml") && !context.app().manifestIsText()) {
                    scanXml(context, name, collector);
                } else if (NativeCodePass.abiOf(name) != null) {
                    scanNative(context, name, collector);
                } else if (name.startsWith("assets/") || name.startsWith("res/raw/")
                        || (context.app().manifestIsText() && name.startsWith("res/values") && name.endsWith(".xml"))) {
                    scanText(context, name, collector);
                }
            } catch (InputException | RuntimeException e) {
                context.diagnostics().unit(Stage.ANALYSIS, name, "not searched for endpoints: " + e.getMessage());
            }
        }
        context.setEndpoints(collector.endpoints(context::ownerOf));
    }

    private static void scanText(AnalysisContext context, String name, Collector collector) throws InputException {
        long size = context.app().entries().size(name);
        if (size > MAX_TEXT_FILE) {
            return;
        }
        byte[] bytes = context.app().entries().read(name);
        if (bytes.length > MAX_TEXT_FILE || isBinary(bytes)) {
            return;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        Endpoint.Location where = Endpoint.Location.file(name, null);
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                collector.scan(line, where);
            }
        }
    }

    private static void scanXml(AnalysisContext context, String name, Collector collector) throws InputException {
        byte[] bytes = context.app().entries().read(name);
        if (bytes.length > MAX_TEXT_FILE) {
            return;
        }
        Endpoint.Location where = Endpoint.Location.file(name, null);
        java.util.ArrayDeque<XmlElement> todo = new java.util.ArrayDeque<>();
        todo.add(XmlDocuments.parse(bytes));
        while (!todo.isEmpty()) {
            XmlElement e = todo.poll();
            for (XmlAttribute a : e.attributes()) {
                if (a.rawValue() != null) {
                    collector.scan(a.rawValue(), where);
                }
            }
            todo.addAll(e.children());
        }
    }

    /**
     * URLs, hosts and e-mail addresses among a native library's printable strings. Libraries over
     * {@value #MAX_NATIVE_FILE} bytes are not searched, and at most {@value #MAX_NATIVE_STRINGS}
     * strings of one library are.
     */
    private static void scanNative(AnalysisContext context, String name, Collector collector) throws InputException {
        if (context.app().entries().size(name) > MAX_NATIVE_FILE) {
            return;
        }
        byte[] bytes = context.app().entries().read(name);
        if (bytes.length > MAX_NATIVE_FILE) {
            return;
        }
        Endpoint.Location where = Endpoint.Location.file(name, null);
        for (String s : NativeStrings.of(bytes, MAX_NATIVE_STRINGS)) {
            collector.scan(s, where);
        }
    }

    /** A NUL byte in the first 8 KB: an image, a database, a dex file. */
    private static boolean isBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
