package org.leakscan.android;

import static org.leakscan.android.LittleEndian.s32;
import static org.leakscan.android.LittleEndian.u16;
import static org.leakscan.android.LittleEndian.u32;
import static org.leakscan.android.LittleEndian.u8;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Reads Android binary XML (AXML: {@code AndroidManifest.xml} and compiled layouts inside an APK)
 * into an {@link XmlElement} tree, accepting and rejecting what Android accepts and rejects.
 *
 * <p>The rules follow {@code ResXMLTree::setTo}, {@code ResXMLTree::validateNode},
 * {@code ResXMLParser::nextNode} and {@code ResStringPool} in
 * frameworks/base/libs/androidfw/ResourceTypes.cpp (Android 14), plus what Android's Java layer
 * ({@code XmlBlock}, {@code ParsingPackageUtils}) does with the events. Malware bends the format
 * where Android is lenient so that analysers (apktool, jadx, androguard) crash or read decoys
 * while the app still installs. The tricks handled, and how:
 * <ul>
 * <li><b>Wrong file type in the header</b> (e.g. {@code 0x0000} or {@code 0x0001} instead of
 * {@code RES_XML_TYPE 0x0003}): Android never checks it; neither does this parser.</li>
 * <li><b>Wrong file header size</b>: the first chunk is looked for at {@code headerSize}, as Android
 * does; a header size larger than the declared file size is rejected.</li>
 * <li><b>Declared file size smaller than the data</b> (bytes appended): everything after the
 * declared size is ignored, as Android does. A declared size larger than the data (truncated file)
 * is rejected.</li>
 * <li><b>Unknown chunks</b> before the first node (any type outside 0x0100-0x017f other than the
 * string pool and resource map) are skipped; unknown node types (0x0105-0x017f) between elements
 * are skipped. Each skipped chunk must still pass Android's chunk checks (header size at least 8,
 * 16 for nodes; sizes multiples of 4; inside the data), or the file is rejected like on a
 * device.</li>
 * <li><b>Several string pools or resource maps</b> before the first node: the last one wins, as
 * in {@code setTo}. A broken pool is fatal only if it is the last one. No pool at all is fatal.</li>
 * <li><b>String pool tricks</b> (wrong {@code stringCount}, offsets overlapping the strings,
 * {@code stringsStart} not after the offsets, {@code stylesStart} with zero {@code styleCount},
 * huge {@code styleCount}, lengths running past the pool, missing terminators, truncated UTF-8
 * lengths): see {@link StringPool}. A string that cannot be read becomes {@code null}; it never
 * throws.</li>
 * <li><b>String indices out of range</b> (e.g. an {@code android:tag} on every element pointing
 * nowhere): the name, namespace or value is {@code null}.</li>
 * <li><b>Obfuscated attribute names</b>: every attribute carries the id from the resource map
 * ({@code resourceId}), and {@link XmlElement#androidAttribute} matches by id as Android does.
 * A resource map shorter than the string pool gives id 0 to the remaining names, as Android.</li>
 * <li><b>Unusual {@code attributeStart}/{@code attributeSize}</b> (e.g. size 24 instead of 20,
 * padding before the attributes): attribute {@code i} is read at
 * {@code attributeStart + i * attributeSize}, as Android reads it; only Android's bound
 * ({@code attributeStart + attributeSize * attributeCount} inside the node) is enforced. With
 * {@code attributeSize} 0 every attribute is the same bytes, so one attribute is kept (Android
 * would read the same one each time); this keeps a tiny node from claiming 65535 attributes.</li>
 * <li><b>Node header sizes other than 16</b>: the node's extension is read at
 * {@code headerSize}, as Android does, so padded headers work.</li>
 * <li><b>Invalid attribute types</b>: kept as they are; {@link XmlAttribute#stringValue()} prints
 * unknown types as {@code (type 0x..)0x..}, the way aapt does.</li>
 * <li><b>Namespace tricks</b> (missing, extra or unbalanced namespace chunks, junk namespace
 * URIs): namespace chunks are not needed, since Android takes an attribute's namespace from the
 * attribute itself and matches {@code android:} attributes by resource id.</li>
 * <li><b>Unbalanced tags</b>: an end tag closes the innermost open element whatever its name; end
 * tags with nothing open are ignored; elements still open at the end of the data are closed.</li>
 * <li><b>Content after the root element</b>: Android's manifest parser stops at the root's end
 * tag and never reads further, so this parser stops there too. Garbage or broken nodes after the
 * root are never reached (they are not an error), and decoy elements there are not read.</li>
 * <li><b>Typed strings whose raw index disagrees</b>: for {@code TYPE_STRING} the string at the
 * typed value's index is used, which is what {@code TypedArray} reads.</li>
 * </ul>
 *
 * <p>Seen in the wild (public issue threads): file type 0x0000 (apktool #2859, jadx #1502);
 * strings starting after a gap (jadx #1797); {@code stringCount} larger than the strings, offsets
 * overlapping them (jadx #1926); attribute size 24, wrong string counts and an {@code android:tag}
 * with an invalid index on every element in BRATA samples (jadx #2210); real attribute names only
 * in the resource map (jadx #1208); node header sizes other than 16 (androguard #1137); a
 * {@code stylesStart} without styles "could indicate packers" (androguard's own warning).
 *
 * <p>Costs are linear in the input: every node advances by its own size (at least 16 bytes),
 * attributes are bounded by the node bytes, and strings decode lazily within a budget. Errors are
 * {@link MalformedXmlException}s with one line naming the byte offset.
 */
public final class BinaryXmlParser {

    static final int RES_STRING_POOL_TYPE = 0x0001;
    static final int RES_XML_TYPE = 0x0003;
    static final int RES_XML_FIRST_CHUNK_TYPE = 0x0100;
    static final int RES_XML_START_NAMESPACE_TYPE = 0x0100;
    static final int RES_XML_END_NAMESPACE_TYPE = 0x0101;
    static final int RES_XML_START_ELEMENT_TYPE = 0x0102;
    static final int RES_XML_END_ELEMENT_TYPE = 0x0103;
    static final int RES_XML_CDATA_TYPE = 0x0104;
    static final int RES_XML_LAST_CHUNK_TYPE = 0x017f;
    static final int RES_XML_RESOURCE_MAP_TYPE = 0x0180;

    private static final int CHUNK_HEADER_SIZE = 8;
    private static final int NODE_HEADER_SIZE = 16;
    private static final int NAMESPACE_EXT_SIZE = 8;
    private static final int START_ELEMENT_EXT_SIZE = 20;
    private static final int END_ELEMENT_EXT_SIZE = 8;
    private static final int CDATA_EXT_SIZE = 12;
    /** Character data kept per element: configuration values, not documents. */
    private static final int MAX_TEXT = 64 * 1024;
    private static final int ATTRIBUTE_SIZE = 20;
    private static final int END_OF_DOCUMENT = -1;

    private final byte[] data;
    private final long dataEnd;
    private StringPool strings;
    private int resourceMapOffset;
    private int resourceMapCount;

    private BinaryXmlParser(byte[] data, long dataEnd) {
        this.data = data;
        this.dataEnd = dataEnd;
    }

    /** Whether {@code bytes} start like binary XML rather than text (a chunk header, not {@code <} or a BOM). */
    public static boolean looksBinary(byte[] bytes) {
        return bytes.length >= CHUNK_HEADER_SIZE && u16(bytes, 2) == CHUNK_HEADER_SIZE;
    }

    /**
     * Parses binary XML.
     *
     * @return the root element (for a manifest, {@code <manifest>})
     * @throws MalformedXmlException when Android would refuse the file
     */
    public static XmlElement parse(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length < CHUNK_HEADER_SIZE) {
            throw new MalformedXmlException("binary XML: " + bytes.length
                    + " bytes are too few for a file header at 0x0", 0);
        }
        int headerSize = u16(bytes, 2);
        long size = u32(bytes, 4);
        if (headerSize > size || size > bytes.length) {
            throw new MalformedXmlException(String.format(
                    "binary XML: file header at 0x0 declares header size %d and size 0x%x but the file holds 0x%x bytes",
                    headerSize, size, bytes.length), 0);
        }
        try {
            return new BinaryXmlParser(bytes, size).read(headerSize);
        } catch (ChunkFormatException e) {
            throw new MalformedXmlException("binary XML: " + e.getMessage(), e.offset());
        } catch (IndexOutOfBoundsException e) {
            // A missed bounds check must still surface as a format error, never as a crash.
            throw new MalformedXmlException("binary XML: read past the end of the data (" + e.getMessage() + ")", -1);
        }
    }

    private XmlElement read(int firstChunk) {
        int firstNode = scanForFirstNode(firstChunk);
        return buildTree(firstNode);
    }

    /**
     * {@code ResXMLTree::setTo}: walks the top-level chunks up to the first XML node, keeping the
     * last string pool and resource map, and returns the offset of the first node event.
     */
    private int scanForFirstNode(int firstChunk) {
        long chunk = firstChunk;
        long lastChunk = chunk;
        ChunkFormatException poolError = null;
        boolean poolSeen = false;
        while (chunk < dataEnd - CHUNK_HEADER_SIZE && chunk < dataEnd - u32(data, (int) chunk + 4)) {
            int offset = (int) chunk;
            validateChunk(offset, CHUNK_HEADER_SIZE, "chunk");
            int type = u16(data, offset);
            long size = u32(data, offset + 4);
            if (type == RES_STRING_POOL_TYPE) {
                poolSeen = true;
                try {
                    strings = StringPool.parse(data, offset, size);
                    poolError = null;
                } catch (ChunkFormatException e) {
                    strings = null;
                    poolError = e;
                }
            } else if (type == RES_XML_RESOURCE_MAP_TYPE) {
                int headerSize = u16(data, offset + 2);
                resourceMapOffset = offset + headerSize;
                resourceMapCount = (int) ((size - headerSize) / 4);
            } else if (type >= RES_XML_FIRST_CHUNK_TYPE && type <= RES_XML_LAST_CHUNK_TYPE) {
                validateNode(offset);
                int first = nextNode((int) lastChunk);
                if (poolError != null) {
                    throw poolError;
                }
                if (!poolSeen) {
                    throw new ChunkFormatException(String.format(
                            "no string pool before the first XML node at 0x%x", offset), offset);
                }
                if (first == END_OF_DOCUMENT) {
                    break;
                }
                return first;
            }
            lastChunk = chunk;
            chunk += size;
        }
        throw new ChunkFormatException(String.format("no XML node found in the 0x%x bytes of the file", dataEnd),
                chunk);
    }

    /**
     * Builds the element tree from the node events, the way Android's pull parser delivers them,
     * stopping at the root element's end tag.
     */
    private XmlElement buildTree(int firstNode) {
        Deque<ElementBuilder> open = new ArrayDeque<>();
        int node = firstNode;
        while (node != END_OF_DOCUMENT) {
            int type = u16(data, node);
            if (type == RES_XML_START_ELEMENT_TYPE) {
                open.push(startElement(node));
            } else if (type == RES_XML_END_ELEMENT_TYPE && !open.isEmpty()) {
                XmlElement element = open.pop().build();
                if (open.isEmpty()) {
                    return element;
                }
                open.peek().children.add(element);
            } else if (type == RES_XML_CDATA_TYPE && !open.isEmpty()) {
                // ResXMLTree_cdataExt: the text's string index comes first.
                String text = string(s32(data, node + u16(data, node + 2)));
                if (text != null && open.peek().text.length() < MAX_TEXT) {
                    open.peek().text.append(text);
                }
            }
            node = nextNode(node);
        }
        if (open.isEmpty()) {
            throw new ChunkFormatException(String.format("no start element in the 0x%x bytes of the file", dataEnd),
                    dataEnd);
        }
        XmlElement element = open.pop().build();
        while (!open.isEmpty()) {
            ElementBuilder parent = open.pop();
            parent.children.add(element);
            element = parent.build();
        }
        return element;
    }

    /** {@code ResXMLParser::nextNode}: the next node event after {@code current}, skipping unknown node types. */
    private int nextNode(int current) {
        long next = current + u32(data, current + 4);
        while (true) {
            if (next >= dataEnd) {
                return END_OF_DOCUMENT;
            }
            int offset = (int) next;
            validateNode(offset);
            int type = u16(data, offset);
            int headerSize = u16(data, offset + 2);
            long size = u32(data, offset + 4);
            int minimumExtension;
            switch (type) {
                case RES_XML_START_NAMESPACE_TYPE:
                case RES_XML_END_NAMESPACE_TYPE:
                    minimumExtension = NAMESPACE_EXT_SIZE;
                    break;
                case RES_XML_START_ELEMENT_TYPE:
                    minimumExtension = START_ELEMENT_EXT_SIZE;
                    break;
                case RES_XML_END_ELEMENT_TYPE:
                    minimumExtension = END_ELEMENT_EXT_SIZE;
                    break;
                case RES_XML_CDATA_TYPE:
                    minimumExtension = CDATA_EXT_SIZE;
                    break;
                default:
                    next += size;
                    continue;
            }
            if (size - headerSize < minimumExtension) {
                throw new ChunkFormatException(String.format(
                        "node of type 0x%x at 0x%x has %d bytes after its header, needs %d",
                        type, offset, size - headerSize, minimumExtension), offset);
            }
            return offset;
        }
    }

    /** {@code validate_chunk}: header size, alignment and extent of the chunk at {@code offset}. */
    private void validateChunk(int offset, int minimumHeaderSize, String what) {
        int headerSize = u16(data, offset + 2);
        long size = u32(data, offset + 4);
        if (headerSize < minimumHeaderSize) {
            throw new ChunkFormatException(String.format("%s at 0x%x has header size %d, below %d",
                    what, offset, headerSize, minimumHeaderSize), offset);
        }
        if (headerSize > size) {
            throw new ChunkFormatException(String.format("%s at 0x%x has header size %d larger than its size 0x%x",
                    what, offset, headerSize, size), offset);
        }
        if (((headerSize | size) & 3) != 0) {
            throw new ChunkFormatException(String.format(
                    "%s at 0x%x has size 0x%x or header size 0x%x not a multiple of 4", what, offset, size, headerSize),
                    offset);
        }
        if (size > dataEnd - offset) {
            throw new ChunkFormatException(String.format("%s at 0x%x has size 0x%x, past the end of the data at 0x%x",
                    what, offset, size, dataEnd), offset);
        }
    }

    /** {@code ResXMLTree::validateNode}: chunk checks, plus attribute bounds for start elements. */
    private void validateNode(int offset) {
        if (offset > dataEnd - CHUNK_HEADER_SIZE) {
            throw new ChunkFormatException(String.format("node at 0x%x has no room for its header before 0x%x",
                    offset, dataEnd), offset);
        }
        validateChunk(offset, NODE_HEADER_SIZE, "XML node");
        if (u16(data, offset) != RES_XML_START_ELEMENT_TYPE) {
            return;
        }
        int headerSize = u16(data, offset + 2);
        long size = u32(data, offset + 4);
        if (size < headerSize + START_ELEMENT_EXT_SIZE) {
            throw new ChunkFormatException(String.format(
                    "start element at 0x%x has header size 0x%x and size 0x%x, too small for its attribute header",
                    offset, headerSize, size), offset);
        }
        int extension = offset + headerSize;
        long attributeStart = u16(data, extension + 8);
        long attributeSize = u16(data, extension + 10);
        long attributeCount = u16(data, extension + 12);
        long needed = attributeStart + attributeSize * attributeCount;
        if (needed > size - headerSize) {
            throw new ChunkFormatException(String.format(
                    "start element at 0x%x: %d attributes of %d bytes from 0x%x need 0x%x bytes, the node has 0x%x",
                    offset, attributeCount, attributeSize, attributeStart, needed, size - headerSize), offset);
        }
    }

    private ElementBuilder startElement(int node) {
        int extension = node + u16(data, node + 2);
        String namespace = string(s32(data, extension));
        String name = string(s32(data, extension + 4));
        int attributeStart = u16(data, extension + 8);
        int attributeSize = u16(data, extension + 10);
        int attributeCount = u16(data, extension + 12);
        if (attributeSize == 0) {
            attributeCount = Math.min(attributeCount, 1);
        }
        ElementBuilder element = new ElementBuilder(namespace, name);
        for (int i = 0; i < attributeCount; i++) {
            long at = (long) extension + attributeStart + (long) attributeSize * i;
            if (!LittleEndian.fits(at, ATTRIBUTE_SIZE, data.length)) {
                throw new ChunkFormatException(String.format(
                        "attribute %d of the element at 0x%x starts at 0x%x, too close to the end of the file",
                        i, node, at), node);
            }
            element.attributes.add(attribute((int) at));
        }
        return element;
    }

    /** One {@code ResXMLTree_attribute}: ns, name, rawValue, then {@code Res_value} (size, res0, type, data). */
    private XmlAttribute attribute(int at) {
        String namespace = string(s32(data, at));
        int nameIndex = s32(data, at + 4);
        String name = string(nameIndex);
        int rawIndex = s32(data, at + 8);
        int type = u8(data, at + 15);
        int value = s32(data, at + 16);
        String text = null;
        if (type == ValueTypes.TYPE_STRING) {
            text = string(value);
        }
        if (text == null) {
            text = string(rawIndex);
        }
        return new XmlAttribute(namespace, name, resourceId(nameIndex), type, value, text);
    }

    private int resourceId(int nameIndex) {
        if (nameIndex < 0 || nameIndex >= resourceMapCount) {
            return 0;
        }
        return s32(data, resourceMapOffset + 4 * nameIndex);
    }

    /** The pooled string at {@code index}; negative indices (0xFFFFFFFF) mean "none". */
    private String string(int index) {
        return index < 0 ? null : strings.get(index);
    }

    /** An element whose end tag has not been read yet. */
    private static final class ElementBuilder {
        final String namespace;
        final String name;
        final List<XmlAttribute> attributes = new ArrayList<>();
        final List<XmlElement> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        ElementBuilder(String namespace, String name) {
            this.namespace = namespace;
            this.name = name;
        }

        XmlElement build() {
            return new XmlElement(namespace, name, attributes, children, text.toString());
        }
    }
}
