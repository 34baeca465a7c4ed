package org.leakscan.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leakscan.android.AndroidAttributes;
import org.leakscan.android.ValueTypes;
import org.leakscan.android.XmlAttribute;

/**
 * Writes Android binary XML (AXML) the way aapt lays it out, from a small builder:
 * <pre>{@code
 * byte[] manifest = new AxmlWriter()
 *         .start("manifest").attr("package", "com.example").androidAttr("versionCode", 3)
 *           .start("application").androidAttr("debuggable", true).end()
 *         .end()
 *         .toBytes();
 * }</pre>
 * The output has an XML file header, one string pool (UTF-16 by default, UTF-8 with
 * {@link #utf8(boolean)}), a resource map for the attribute names that carry resource ids (those
 * names come first in the pool, as aapt puts them), a namespace chunk around the root when any
 * {@code android:} attribute is used, and start/end element nodes whose attributes are sorted by
 * resource id, as aapt sorts them (Android's attribute lookup relies on that order). Typed values
 * are written with {@code rawValue} -1, strings with their pool index in both places, as aapt does.
 * {@code aapt dump xmltree} reads the output (see {@code AxmlWriterTest}).
 *
 * <p>{@link #chunks(byte[])} lists the chunks of any AXML file, so that tests can find and damage
 * one on purpose.
 */
public final class AxmlWriter {

    public static final int RES_XML_TYPE = 0x0003;
    public static final int RES_STRING_POOL_TYPE = 0x0001;
    public static final int RES_XML_START_NAMESPACE_TYPE = 0x0100;
    public static final int RES_XML_END_NAMESPACE_TYPE = 0x0101;
    public static final int RES_XML_START_ELEMENT_TYPE = 0x0102;
    public static final int RES_XML_END_ELEMENT_TYPE = 0x0103;
    public static final int RES_XML_CDATA_TYPE = 0x0104;
    public static final int RES_XML_RESOURCE_MAP_TYPE = 0x0180;

    private static final String ANDROID_PREFIX = "android";

    private boolean utf8;
    private final List<Event> events = new ArrayList<>();
    private int depth;
    private StartElement current;

    /** One chunk of an AXML file: its offset, type, header size and total size. */
    public record Chunk(int offset, int type, int headerSize, int size) {
    }

    private sealed interface Event permits StartElement, EndElement, Text {
    }

    private static final class StartElement implements Event {
        final String name;
        final List<Attr> attributes = new ArrayList<>();

        StartElement(String name) {
            this.name = name;
        }
    }

    private record EndElement(String name) implements Event {
    }

    private record Text(String text) implements Event {
    }

    private record Attr(String namespace, String name, int resourceId, int type, int data, String string) {
    }

    /** Writes the string pool as UTF-8 (aapt2's default for manifests) instead of UTF-16. */
    public AxmlWriter utf8(boolean useUtf8) {
        this.utf8 = useUtf8;
        return this;
    }

    /** Opens an element without namespace. */
    public AxmlWriter start(String name) {
        current = new StartElement(name);
        events.add(current);
        depth++;
        return this;
    }

    /** Closes the innermost open element. */
    public AxmlWriter end() {
        if (depth == 0) {
            throw new IllegalStateException("end() without an open element");
        }
        String name = null;
        int open = 0;
        for (int i = events.size() - 1; i >= 0; i--) {
            Event event = events.get(i);
            if (event instanceof EndElement) {
                open++;
            } else if (event instanceof StartElement start) {
                if (open == 0) {
                    name = start.name;
                    break;
                }
                open--;
            }
        }
        events.add(new EndElement(name));
        depth--;
        current = null;
        return this;
    }

    /** Text content (a CDATA node) inside the current element. */
    public AxmlWriter text(String text) {
        events.add(new Text(text));
        current = null;
        return this;
    }

    /** A string attribute without namespace (such as {@code package}). */
    public AxmlWriter attr(String name, String value) {
        return attr(null, name, 0, ValueTypes.TYPE_STRING, 0, value);
    }

    /** An {@code android:} string attribute, with its framework resource id. */
    public AxmlWriter androidAttr(String name, String value) {
        return attr(XmlAttribute.ANDROID_NAMESPACE, name, androidId(name), ValueTypes.TYPE_STRING, 0, value);
    }

    /** An {@code android:} decimal integer attribute. */
    public AxmlWriter androidAttr(String name, int value) {
        return attr(XmlAttribute.ANDROID_NAMESPACE, name, androidId(name), ValueTypes.TYPE_INT_DEC, value, null);
    }

    /** An {@code android:} boolean attribute (true written as 0xffffffff, as aapt does). */
    public AxmlWriter androidAttr(String name, boolean value) {
        return attr(XmlAttribute.ANDROID_NAMESPACE, name, androidId(name), ValueTypes.TYPE_INT_BOOLEAN, value ? -1 : 0,
                null);
    }

    /** An {@code android:} attribute with any typed value. */
    public AxmlWriter androidAttr(String name, int type, int data) {
        return attr(XmlAttribute.ANDROID_NAMESPACE, name, androidId(name), type, data, null);
    }

    /** An {@code android:} reference attribute, {@code @0x7f…}. */
    public AxmlWriter androidRef(String name, int resourceId) {
        return androidAttr(name, ValueTypes.TYPE_REFERENCE, resourceId);
    }

    /**
     * Any attribute. For {@code TYPE_STRING} the {@code string} goes into the pool and {@code data}
     * is replaced by its index; {@code resourceId} 0 means no entry in the resource map.
     */
    public AxmlWriter attr(String namespace, String name, int resourceId, int type, int data, String string) {
        if (current == null) {
            throw new IllegalStateException("attributes must follow start()");
        }
        current.attributes.add(new Attr(namespace, name, resourceId, type, data, string));
        return this;
    }

    private static int androidId(String name) {
        int id = AndroidAttributes.id(name);
        if (id == 0) {
            throw new IllegalArgumentException("no framework id known for android:" + name);
        }
        return id;
    }

    /** The finished file. */
    public byte[] toBytes() {
        if (depth != 0) {
            throw new IllegalStateException(depth + " element(s) still open");
        }
        StringTable strings = collectStrings();
        boolean usesAndroid = events.stream().anyMatch(e -> e instanceof StartElement s
                && s.attributes.stream().anyMatch(a -> XmlAttribute.ANDROID_NAMESPACE.equals(a.namespace)));

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, stringPool(strings.strings(), utf8));
        if (strings.resourceIds().length > 0) {
            ByteBuffer map = chunk(RES_XML_RESOURCE_MAP_TYPE, 8, 8 + 4 * strings.resourceIds().length);
            for (int id : strings.resourceIds()) {
                map.putInt(id);
            }
            write(body, map.array());
        }
        int line = 1;
        if (usesAndroid) {
            write(body, namespaceNode(RES_XML_START_NAMESPACE_TYPE, line, strings.index(ANDROID_PREFIX),
                    strings.index(XmlAttribute.ANDROID_NAMESPACE)));
        }
        for (Event event : events) {
            line++;
            if (event instanceof StartElement start) {
                write(body, startNode(start, line, strings));
            } else if (event instanceof EndElement end) {
                ByteBuffer node = node(RES_XML_END_ELEMENT_TYPE, line, 8);
                node.putInt(-1).putInt(strings.index(end.name()));
                write(body, node.array());
            } else if (event instanceof Text text) {
                ByteBuffer node = node(RES_XML_CDATA_TYPE, line, 12);
                node.putInt(strings.index(text.text())).putShort((short) 8).put((byte) 0).put((byte) ValueTypes.TYPE_NULL)
                        .putInt(0);
                write(body, node.array());
            }
        }
        if (usesAndroid) {
            write(body, namespaceNode(RES_XML_END_NAMESPACE_TYPE, line + 1, strings.index(ANDROID_PREFIX),
                    strings.index(XmlAttribute.ANDROID_NAMESPACE)));
        }
        byte[] content = body.toByteArray();
        ByteBuffer file = chunk(RES_XML_TYPE, 8, 8 + content.length);
        file.put(content);
        return file.array();
    }

    private byte[] startNode(StartElement start, int line, StringTable strings) {
        List<Attr> sorted = new ArrayList<>(start.attributes);
        sorted.sort(Comparator.comparingLong(a -> a.resourceId == 0 ? Long.MAX_VALUE : a.resourceId & 0xffffffffL));
        ByteBuffer node = node(RES_XML_START_ELEMENT_TYPE, line, 20 + 20 * sorted.size());
        node.putInt(-1).putInt(strings.index(start.name));
        node.putShort((short) 20).putShort((short) 20).putShort((short) sorted.size());
        node.putShort((short) 0).putShort((short) 0).putShort((short) 0);
        for (Attr attr : sorted) {
            int ns = attr.namespace == null ? -1 : strings.index(attr.namespace);
            int name = strings.index(attr.name);
            boolean isString = attr.type == ValueTypes.TYPE_STRING;
            int raw = isString ? strings.index(attr.string) : -1;
            int data = isString ? raw : attr.data;
            node.putInt(ns).putInt(name).putInt(raw);
            node.putShort((short) 8).put((byte) 0).put((byte) attr.type).putInt(data);
        }
        return node.array();
    }

    private static byte[] namespaceNode(int type, int line, int prefix, int uri) {
        ByteBuffer node = node(type, line, 8);
        node.putInt(prefix).putInt(uri);
        return node.array();
    }

    /** A node chunk: header (16 bytes incl. line number and comment) plus {@code extensionSize} bytes. */
    private static ByteBuffer node(int type, int line, int extensionSize) {
        ByteBuffer node = chunk(type, 16, 16 + extensionSize);
        node.putInt(line).putInt(-1);
        return node;
    }

    /** A little-endian buffer of {@code size} bytes that starts with a chunk header. */
    static ByteBuffer chunk(int type, int headerSize, int size) {
        ByteBuffer buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putShort((short) type).putShort((short) headerSize).putInt(size);
        return buffer;
    }

    /** The attribute names with resource ids first (their order = the resource map), then every other string. */
    private StringTable collectStrings() {
        Map<String, Integer> withIds = new LinkedHashMap<>();
        for (Event event : events) {
            if (event instanceof StartElement start) {
                for (Attr attr : start.attributes) {
                    if (attr.resourceId != 0) {
                        withIds.putIfAbsent(attr.name, attr.resourceId);
                    }
                }
            }
        }
        List<String> names = new ArrayList<>(withIds.keySet());
        names.sort(Comparator.comparingLong(name -> withIds.get(name) & 0xffffffffL));
        List<String> strings = new ArrayList<>(names);
        int[] ids = names.stream().mapToInt(withIds::get).toArray();
        for (Event event : events) {
            if (event instanceof StartElement start) {
                addOnce(strings, start.name);
                for (Attr attr : start.attributes) {
                    if (attr.namespace != null) {
                        addOnce(strings, ANDROID_PREFIX);
                        addOnce(strings, attr.namespace);
                    }
                    addOnce(strings, attr.name);
                    if (attr.type == ValueTypes.TYPE_STRING) {
                        addOnce(strings, attr.string);
                    }
                }
            } else if (event instanceof Text text) {
                addOnce(strings, text.text());
            }
        }
        return new StringTable(strings, ids);
    }

    private static void addOnce(List<String> strings, String value) {
        if (value != null && !strings.contains(value)) {
            strings.add(value);
        }
    }

    private record StringTable(List<String> strings, int[] resourceIds) {
        int index(String value) {
            int index = strings.indexOf(value);
            if (index < 0) {
                throw new IllegalStateException("string not pooled: " + value);
            }
            return index;
        }
    }

    /** A string pool chunk (no styles), padded to a multiple of 4 bytes. */
    public static byte[] stringPool(List<String> strings, boolean utf8) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int[] offsets = new int[strings.size()];
        for (int i = 0; i < strings.size(); i++) {
            offsets[i] = data.size();
            byte[] encoded = encode(strings.get(i), utf8);
            data.write(encoded, 0, encoded.length);
        }
        while (data.size() % 4 != 0) {
            data.write(0);
        }
        int stringsStart = 28 + 4 * strings.size();
        ByteBuffer pool = chunk(RES_STRING_POOL_TYPE, 28, stringsStart + data.size());
        pool.putInt(strings.size()).putInt(0).putInt(utf8 ? 0x100 : 0).putInt(stringsStart).putInt(0);
        for (int offset : offsets) {
            pool.putInt(offset);
        }
        pool.put(data.toByteArray());
        return pool.array();
    }

    private static byte[] encode(String value, boolean utf8) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (utf8) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            writeLength8(out, value.length());
            writeLength8(out, bytes.length);
            out.write(bytes, 0, bytes.length);
            out.write(0);
        } else {
            int length = value.length();
            if (length > 0x7fff) {
                writeShort(out, 0x8000 | length >>> 16);
            }
            writeShort(out, length & 0xffff);
            byte[] bytes = value.getBytes(StandardCharsets.UTF_16LE);
            out.write(bytes, 0, bytes.length);
            writeShort(out, 0);
        }
        return out.toByteArray();
    }

    private static void writeLength8(ByteArrayOutputStream out, int length) {
        if (length > 0x7f) {
            out.write(0x80 | (length >>> 8) & 0x7f);
        }
        out.write(length & 0xff);
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value & 0xff);
        out.write(value >>> 8 & 0xff);
    }

    private static void write(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
    }

    /**
     * The chunks of an AXML file after its file header, in order: the string pool, resource map
     * and every node. Stops at the first chunk whose size would not move forward.
     */
    public static List<Chunk> chunks(byte[] axml) {
        ByteBuffer buffer = ByteBuffer.wrap(axml).order(ByteOrder.LITTLE_ENDIAN);
        List<Chunk> chunks = new ArrayList<>();
        int offset = buffer.getShort(2) & 0xffff;
        while (offset + 8 <= axml.length) {
            int size = buffer.getInt(offset + 4);
            chunks.add(new Chunk(offset, buffer.getShort(offset) & 0xffff, buffer.getShort(offset + 2) & 0xffff, size));
            if (size < 8) {
                break;
            }
            offset += size;
        }
        return chunks;
    }

    /** The first chunk of {@code type}. */
    public static Chunk firstChunk(byte[] axml, int type) {
        return chunks(axml).stream().filter(c -> c.type() == type).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no chunk of type 0x" + Integer.toHexString(type)));
    }
}
