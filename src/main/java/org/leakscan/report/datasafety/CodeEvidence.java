package org.leakscan.report.datasafety;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.leakscan.analysis.findings.AppFindings;
import org.leakscan.analysis.findings.DataAccess;
import org.leakscan.analysis.findings.DataSafety;
import org.leakscan.analysis.findings.Flow;
import org.leakscan.catalog.DataType;
import org.leakscan.catalog.DataTypeCatalog;
import org.leakscan.report.ApiNames;
import org.leakscan.report.policy.Receivers;
import org.leakscan.report.rules.IssueFinder;

/**
 * What an app's code shows per Play data type, in the terms of the Data safety form: the one place
 * that says what counts as evidence of collection, sharing and cleartext.
 *
 * <ul>
 * <li><b>Collected</b>: a flow of the type reaches an off-device sink: kind {@code network},
 *     {@code sms}, {@code bluetooth} or {@code nearby}. Flows that reach the sink only through a
 *     branch on the data ({@code implicit}) do not count: what leaves is not the data.</li>
 * <li><b>Shared</b>: such a flow reaches a third party, as {@link Receivers} decides.</li>
 * <li><b>Cleartext</b>: such a flow goes to an {@code http}, {@code ws} or {@code ftp} URL.</li>
 * </ul>
 * Reading a type (call sites of its APIs) is not collection; it is shown so that "declared but no
 * evidence" can say whether the code reads the type at all.
 */
final class CodeEvidence {

    /** Sink kinds that take data off the device. */
    static final Set<String> OFF_DEVICE = Set.of("network", "sms", "bluetooth", "nearby");

    private static final Set<String> CLEARTEXT_SCHEMES = Set.of("http", "ws", "ftp");

    /**
     * The evidence for one Play data type: leakscan's types that roll up to it (read or sent),
     * the call sites that read it, its explicit flows to off-device sinks, the flows that reach
     * each third party (keyed by SDK, or by host when the app's own code sends), and the flows
     * that go to a cleartext URL.
     */
    static final class TypeEvidence {
        final TreeSet<String> dataTypes = new TreeSet<>();
        int callSites;
        final List<Flow> flows = new ArrayList<>();
        final Map<String, List<Flow>> thirdParties = new LinkedHashMap<>();
        final Map<String, DataSafety.Receiver> receivers = new LinkedHashMap<>();
        final List<Flow> cleartext = new ArrayList<>();

        boolean collected() {
            return !flows.isEmpty();
        }

        boolean shared() {
            return !thirdParties.isEmpty();
        }
    }

    private final Map<PlayDataType, TypeEvidence> byType;
    private final List<String> unmapped;

    private CodeEvidence(Map<PlayDataType, TypeEvidence> byType, List<String> unmapped) {
        this.byType = byType;
        this.unmapped = unmapped;
    }

    /** The evidence in {@code app}, with data types mapped through {@code catalog}. */
    static CodeEvidence of(AppFindings app, Receivers receivers, DataTypeCatalog catalog) {
        Map<PlayDataType, TypeEvidence> byType = new EnumMap<>(PlayDataType.class);
        TreeSet<String> unmapped = new TreeSet<>();
        java.util.function.Function<String, TypeEvidence> evidenceOf = dataType -> {
            Optional<PlayDataType> t = playType(catalog, dataType);
            if (t.isEmpty()) {
                if (dataType != null) {
                    unmapped.add(dataType);
                }
                return null;
            }
            TypeEvidence e = byType.computeIfAbsent(t.get(), k -> new TypeEvidence());
            e.dataTypes.add(dataType);
            return e;
        };
        for (DataAccess d : app.dataAccess()) {
            TypeEvidence e = evidenceOf.apply(d.dataType());
            if (e != null) {
                e.callSites += d.callSites().size();
            }
        }
        for (Flow f : app.flows()) {
            TypeEvidence e = evidenceOf.apply(f.dataType());
            if (e == null || !leavesDevice(f)) {
                continue;
            }
            e.flows.add(f);
            for (DataSafety.Receiver r : receivers.thirdParties(f)) {
                String key = Receivers.SDK.equals(r.basis()) ? r.library() : r.host();
                e.thirdParties.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
                e.receivers.putIfAbsent(key, r);
            }
            if (cleartextUrl(f) != null) {
                e.cleartext.add(f);
            }
        }
        return new CodeEvidence(byType, List.copyOf(unmapped));
    }

    /** The evidence for {@code type}, or null when the code neither reads nor sends it. */
    TypeEvidence of(PlayDataType type) {
        return byType.get(type);
    }

    /** The Play data types the code reads or sends, in the form's order. */
    Set<PlayDataType> types() {
        return byType.keySet();
    }

    /** leakscan data types the catalogue maps to no Play data type (read or sent, but not placed). */
    List<String> unmapped() {
        return unmapped;
    }

    /** True when the flow counts as collection: explicit, to an off-device sink. */
    static boolean leavesDevice(Flow f) {
        return !f.isImplicit() && f.sink() != null && OFF_DEVICE.contains(f.sink().kind());
    }

    /** The first cleartext URL the flow goes to ({@code http}, {@code ws}, {@code ftp}), or null. */
    static String cleartextUrl(Flow f) {
        for (Flow.Destination d : f.destinations()) {
            String url = d.url();
            int colon = url == null ? -1 : url.indexOf(':');
            if (colon > 0 && CLEARTEXT_SCHEMES.contains(url.substring(0, colon).toLowerCase(Locale.ROOT))) {
                return url;
            }
        }
        return null;
    }

    /**
     * One flow for messages: {@code Location.getLatitude() in com.x.A.show() -> URLConnection.getInputStream()
     * in com.x.B.fetch() to https://host/path (Owner, CC)}.
     */
    static String example(Flow f) {
        String from = f.source() == null ? "?" : ApiNames.source(f.source()) + " in "
                + IssueFinder.method(f.source().className(), f.source().method());
        String to = f.sink() == null ? "?" : ApiNames.shortApi(text(f.sink().api())) + " in "
                + IssueFinder.method(f.sink().className(), f.sink().method());
        return from + " -> " + to + (f.destinations().isEmpty() ? "" : " to " + IssueFinder.destination(f.destinations().get(0)));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** The Play data type a leakscan data type rolls up to. */
    static Optional<PlayDataType> playType(DataTypeCatalog catalog, String dataType) {
        if (dataType == null) {
            return Optional.empty();
        }
        Optional<DataType> t = catalog.dataType(dataType);
        return t.flatMap(d -> PlayDataType.byName(d.category().name(), d.playType()));
    }
}
