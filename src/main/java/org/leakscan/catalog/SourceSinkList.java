package org.leakscan.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leakscan.program.MethodRef;

/**
 * A source/sink list in FlowDroid's {@code SourcesAndSinks.txt} format, read into {@link Source}
 * and {@link Sink} records that take the place of {@code sources.json} and {@code sinks.json}
 * ({@code --sources-sinks FILE}). This is how the TaintBench suite, and FlowDroid's published
 * figures, decide what a source and a sink are.
 *
 * <p>One entry a line, a Soot method signature and its role:
 * <pre>
 * &lt;android.telephony.TelephonyManager: java.lang.String getDeviceId()&gt; android.permission.READ_PHONE_STATE -&gt; _SOURCE_
 * &lt;android.util.Log: int i(java.lang.String,java.lang.String)&gt; -&gt; _SINK_
 * </pre>
 * Permissions between the signature and the arrow are optional; the role is {@code _SOURCE_},
 * {@code _SINK_}, {@code _BOTH_} or {@code _NONE_} (ignored). Blank lines and lines starting with
 * {@code %} are skipped; any other line that does not parse is a {@link CatalogException} naming
 * the file and line. Classes may be the app's own or bundled libraries: they are kept as written.
 *
 * <p>Entries mean what they mean to FlowDroid:
 * <ul>
 *   <li>a source taints what the call returns; a call that returns nothing (a constructor, a
 *       {@code void} method) taints the object it is made on, for a constructor the new object
 *       ({@link Taint#RECEIVER}). Every call is a source of its own ({@code accessor} is off).</li>
 *   <li>a sink is hit when any argument or the receiver is tainted: {@code dataArgs} are 0 (the
 *       receiver) and every parameter; every listed sink sends ({@code sends}).</li>
 * </ul>
 * Where the catalogues in effect have the same API, a source takes its data type and permissions
 * (the unconditional entry only: a list entry has no argument condition) and a sink its kind,
 * destination arguments and static flag. Otherwise a source gets {@value #LISTED_DATA_TYPE} and a
 * sink the kind its declaring class tells ({@link #kindOf}). Sink channels are
 * {@code <kind>.listed}, so a report shows where a sink came from.
 */
public final class SourceSinkList {

    /** The data type of a listed source that the catalogues in effect do not type. */
    public static final String LISTED_DATA_TYPE = "other.listed-source";

    private static final String IDENT = "[A-Za-z_$][A-Za-z0-9_$]*";
    private static final String CLASS = IDENT + "(?:\\." + IDENT + ")*";
    private static final String TYPE = CLASS + "(?:\\[\\])*";
    private static final Pattern LINE = Pattern.compile("<(" + CLASS + "):\\s+(" + TYPE + ")\\s+(<init>|" + IDENT
            + ")\\(\\s*((?:" + TYPE + "(?:\\s*,\\s*" + TYPE + ")*)?)\\s*\\)>((?:\\s+[^\\s>-][^\\s]*)*)\\s*->\\s*(_SOURCE_|_SINK_|_BOTH_|_NONE_)");
    private static final Pattern PERMISSION = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z][A-Za-z0-9_]*)+");
    private static final Map<String, String> PRIMITIVES = Map.of("void", "V", "boolean", "Z", "byte", "B", "char", "C",
            "short", "S", "int", "I", "long", "J", "float", "F", "double", "D");

    private final List<Source> sources;
    private final List<Sink> sinks;

    private SourceSinkList(List<Source> sources, List<Sink> sinks) {
        this.sources = List.copyOf(sources);
        this.sinks = List.copyOf(sinks);
    }

    /**
     * Reads {@code file} and returns {@code base} with the list's sources and sinks in place of its
     * source and sink catalogues; every other catalogue stays.
     *
     * @throws CatalogException when the file cannot be read or a line is malformed
     */
    public static Catalogs apply(Path file, Catalogs base) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CatalogException(file + ": no such file");
        } catch (IOException e) {
            throw new CatalogException(file + ": cannot read: " + e.getMessage(), e);
        }
        SourceSinkList list = parse(lines, file.toString(), base.sources(), base.sinks());
        return base.withSourcesAndSinks(SourceCatalog.of(base.dataTypes(), list.sources()), SinkCatalog.of(list.sinks()));
    }

    /**
     * Parses the lines of a list named {@code label} in messages, typing entries from
     * {@code knownSources} and {@code knownSinks} (the catalogues the list replaces).
     *
     * @throws CatalogException naming {@code label} and the line of the first malformed entry
     */
    public static SourceSinkList parse(List<String> lines, String label, SourceCatalog knownSources,
                                       SinkCatalog knownSinks) {
        if (!knownSources.dataTypes().contains(LISTED_DATA_TYPE)) {
            throw new CatalogException(label + ": the data-type catalogue in effect lacks " + LISTED_DATA_TYPE
                    + ", the type of listed sources it does not know");
        }
        Map<MethodRef, Source> sources = new LinkedHashMap<>();
        Map<MethodRef, Sink> sinks = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("%")) {
                continue;
            }
            String where = label + ":" + (i + 1);
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new CatalogException(where + ": not a source/sink line: expected"
                        + " <pkg.Class: returnType name(argTypes)> [permissions] -> _SOURCE_|_SINK_|_BOTH_|_NONE_, got: "
                        + abbreviate(line));
            }
            String name = m.group(3);
            String returnType = descriptor(m.group(2));
            if (name.equals("<init>") && !returnType.equals("V")) {
                throw new CatalogException(where + ": a constructor returns void, not " + m.group(2));
            }
            StringBuilder params = new StringBuilder("(");
            if (!m.group(4).isBlank()) {
                for (String p : m.group(4).split(",")) {
                    String type = descriptor(p.strip());
                    if (type.equals("V")) {
                        throw new CatalogException(where + ": a parameter cannot be void");
                    }
                    params.append(type);
                }
            }
            MethodRef method = new MethodRef("L" + m.group(1).replace('.', '/') + ";", name,
                    params.append(')').append(returnType).toString());
            String role = m.group(6);
            List<String> permissions = permissions(m.group(5), where);
            if (role.equals("_SOURCE_") || role.equals("_BOTH_")) {
                sources.putIfAbsent(method, source(sources.size(), method, permissions, knownSources, where));
            }
            if (role.equals("_SINK_") || role.equals("_BOTH_")) {
                sinks.putIfAbsent(method, sink(method, knownSinks, where));
            }
        }
        return new SourceSinkList(new ArrayList<>(sources.values()), new ArrayList<>(sinks.values()));
    }

    private static String abbreviate(String line) {
        return line.length() <= 160 ? line : line.substring(0, 157) + "...";
    }

    /** {@code java.lang.String[]} to {@code [Ljava/lang/String;}. */
    private static String descriptor(String javaType) {
        int dims = 0;
        String element = javaType;
        while (element.endsWith("[]")) {
            element = element.substring(0, element.length() - 2);
            dims++;
        }
        String prim = PRIMITIVES.get(element);
        return "[".repeat(dims) + (prim != null ? prim : "L" + element.replace('.', '/') + ";");
    }

    private static List<String> permissions(String text, String where) {
        List<String> names = Arrays.stream(text.strip().split("\\s+")).filter(s -> !s.isEmpty()).distinct().toList();
        for (String n : names) {
            if (!PERMISSION.matcher(n).matches()) {
                throw new CatalogException(where + ": \"" + n + "\" is not a permission name");
            }
        }
        return names;
    }

    private static Source source(int index, MethodRef method, List<String> permissions, SourceCatalog known,
                                 String where) {
        Source same = known.sourcesFor(method).stream()
                .filter(s -> s.kind() == Source.Kind.CALL && s.argEquals() == null).findFirst().orElse(null);
        Taint taint = method.returnType().equals("V") ? Taint.RECEIVER : Taint.RETURN;
        SourcePermissions stated = permissions.isEmpty() ? SourcePermissions.NONE
                : new SourcePermissions(SourcePermissions.Relation.ANY_OF, permissions);
        if (same == null) {
            return new Source(index, Source.Kind.CALL, method, null, LISTED_DATA_TYPE, taint, null, false, stated,
                    0, 0, 0, null, "from " + where);
        }
        return new Source(index, Source.Kind.CALL, method, null, same.dataType(), taint, null, false,
                stated.isEmpty() ? same.permissions() : stated, same.addedIn(), same.deprecatedIn(), same.restrictedIn(),
                same.verifiedIn(), "from " + where);
    }

    private static Sink sink(MethodRef method, SinkCatalog known, String where) {
        Sink same = known.sinkFor(method);
        SinkKind kind = same != null && same.kind() != SinkKind.STREAM ? same.kind() : kindOf(method);
        boolean isStatic = same != null && same.isStatic();
        List<Integer> data = new ArrayList<>();
        for (int a = isStatic ? 1 : 0; a <= method.parameterTypes().size(); a++) {
            data.add(a);
        }
        List<Integer> destination = same == null ? List.of() : same.destinationArgs();
        if (data.isEmpty()) {
            // A static method without parameters: nothing can carry data into it.
            throw new CatalogException(where + ": a sink needs a receiver or a parameter: " + method);
        }
        return new Sink(method, kind, kind.id() + ".listed", data, destination, true, isStatic, same != null && same.verified(),
                null, false, "from " + where);
    }

    /**
     * The sink kind a class tells, for a listed sink the catalogues in effect do not have: SMS
     * managers send SMS, {@code Log} logs, {@code java.io.File*} and Android's preferences and
     * databases store, {@code java.net}, Apache and OkHttp clients and mail transports go over the
     * network, intents and starting components go to other components, the clipboard manager to
     * the clipboard; anything else is {@link SinkKind#OTHER}.
     */
    static SinkKind kindOf(MethodRef method) {
        String owner = method.owner();
        String simple = owner.substring(owner.lastIndexOf('/') + 1, owner.length() - 1);
        String name = method.name();
        if (simple.equals("SmsManager")) {
            return SinkKind.SMS;
        }
        if (owner.equals("Landroid/util/Log;") || owner.equals("Ljava/io/PrintStream;")) {
            return SinkKind.LOG;
        }
        if (owner.startsWith("Ljava/io/File") || owner.equals("Ljava/io/RandomAccessFile;")
                || owner.startsWith("Landroid/content/SharedPreferences") || owner.startsWith("Landroid/database/")) {
            return SinkKind.FILE;
        }
        if (owner.startsWith("Ljava/net/") || owner.startsWith("Ljavax/net/") || owner.startsWith("Lorg/apache/http/")
                || owner.startsWith("Lokhttp3/") || owner.startsWith("Lcom/squareup/okhttp/")
                || owner.startsWith("Ljavax/mail/") || owner.startsWith("Lorg/springframework/web/client/")) {
            return SinkKind.NETWORK;
        }
        if (owner.equals("Landroid/content/Intent;") || owner.equals("Landroid/content/ContentResolver;")
                || name.startsWith("startActivit") || name.startsWith("startService") || name.startsWith("startForegroundService")
                || name.startsWith("sendBroadcast") || name.startsWith("sendOrderedBroadcast") || name.equals("bindService")) {
            return SinkKind.IPC;
        }
        if (simple.equals("ClipboardManager")) {
            return SinkKind.CLIPBOARD;
        }
        return SinkKind.OTHER;
    }

    /** The sources, in the order of their first line. */
    public List<Source> sources() {
        return sources;
    }

    /** The sinks, in the order of their first line. */
    public List<Sink> sinks() {
        return sinks;
    }
}
