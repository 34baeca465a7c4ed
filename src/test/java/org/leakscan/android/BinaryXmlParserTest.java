package org.leakscan.android;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leakscan.testing.AxmlWriter;
import org.leakscan.testing.AxmlWriter.Chunk;
import org.leakscan.testing.Bytes;

class BinaryXmlParserTest {

    /** A small manifest; every hostile case below damages a copy of it. */
    static byte[] manifest(boolean utf8) {
        return new AxmlWriter().utf8(utf8)
                .start("manifest").attr("package", "com.example.hostile")
                .androidAttr("versionCode", 7).androidAttr("versionName", "1.7")
                .start("uses-permission").androidAttr("name", "android.permission.READ_SMS").end()
                .start("application").androidAttr("debuggable", true).androidRef("label", 0x7f010000)
                .start("activity").androidAttr("name", ".Main").androidAttr("exported", true).end()
                .end()
                .end()
                .toBytes();
    }

    static byte[] manifest() {
        return manifest(false);
    }

    /** The checks every still-readable variant of {@link #manifest()} must pass. */
    static void assertSampleTree(XmlElement root) {
        assertEquals("manifest", root.name());
        assertEquals("com.example.hostile", root.attribute(null, "package").orElseThrow().stringValue());
        assertEquals(7, root.androidAttribute("versionCode").orElseThrow().asInt().orElseThrow());
        assertEquals(List.of("uses-permission", "application"), root.children().stream().map(XmlElement::name).toList());
        XmlElement application = root.child("application").orElseThrow();
        assertTrue(application.androidAttribute("debuggable").orElseThrow().asBoolean().orElseThrow());
        assertEquals(".Main", application.child("activity").orElseThrow().androidString("name").orElseThrow());
    }

    // ---- helpers that find and damage parts of a file ------------------------------------

    static Chunk pool(byte[] axml) {
        return AxmlWriter.firstChunk(axml, AxmlWriter.RES_STRING_POOL_TYPE);
    }

    static int stringIndex(byte[] axml, String value) {
        Chunk pool = pool(axml);
        StringPool strings = StringPool.parse(axml, pool.offset(), pool.size());
        for (int i = 0; i < strings.size(); i++) {
            if (value.equals(strings.get(i))) {
                return i;
            }
        }
        throw new IllegalArgumentException("not pooled: " + value);
    }

    /** Offset of the pool's offset-table entry for {@code value}. */
    static int offsetEntry(byte[] axml, String value) {
        return pool(axml).offset() + 28 + 4 * stringIndex(axml, value);
    }

    /** Byte offset of {@code value}'s length prefix (UTF-16 pool). */
    static int stringData(byte[] axml, String value) {
        Chunk pool = pool(axml);
        int stringsStart = Bytes.s32(axml, pool.offset() + 20);
        return pool.offset() + stringsStart + Bytes.s32(axml, offsetEntry(axml, value));
    }

    static List<Chunk> reversed(List<Chunk> chunks) {
        List<Chunk> copy = new java.util.ArrayList<>(chunks);
        java.util.Collections.reverse(copy);
        return copy;
    }

    static List<Chunk> nodes(byte[] axml, int type) {
        return AxmlWriter.chunks(axml).stream().filter(c -> c.type() == type).toList();
    }

    /** Inserts a chunk before the chunk at {@code offset} and fixes the file size. */
    static byte[] insertAt(byte[] axml, int offset, byte[] chunk) {
        byte[] result = Bytes.insert(axml, offset, chunk);
        Bytes.addS32(result, 4, chunk.length);
        return result;
    }

    static byte[] rawChunk(int type, int headerSize, int size) {
        ByteBuffer chunk = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        chunk.putShort((short) type).putShort((short) headerSize).putInt(size);
        return chunk.array();
    }

    static MalformedXmlException rejects(byte[] axml) {
        return assertThrows(MalformedXmlException.class, () -> BinaryXmlParser.parse(axml));
    }

    // ---- round trips ------------------------------------------------------------------------


    @ParameterizedTest(name = "utf8={0}")
    @ValueSource(booleans = {false, true})
    void readsWhatTheWriterWrote(boolean utf8) {
        XmlElement root = BinaryXmlParser.parse(manifest(utf8));
        assertSampleTree(root);
        XmlAttribute versionCode = root.androidAttribute("versionCode").orElseThrow();
        assertEquals(0x0101021b, versionCode.resourceId());
        assertEquals(ValueTypes.TYPE_INT_DEC, versionCode.type());
        assertEquals(XmlAttribute.ANDROID_NAMESPACE, versionCode.namespace());
        assertEquals("1.7", root.androidString("versionName").orElseThrow());
        XmlAttribute label = root.child("application").orElseThrow().androidAttribute("label").orElseThrow();
        assertTrue(label.isReference());
        assertEquals("@0x7f010000", label.stringValue());
        assertEquals("true", root.child("application").orElseThrow().androidString("debuggable").orElseThrow());
        assertNull(root.attribute(null, "package").orElseThrow().namespace());
    }

    @Test
    void textNodesAndNamespaceNodesDoNotDisturbTheTree() {
        byte[] axml = new AxmlWriter().start("manifest").attr("package", "p").text("  some text  ")
                .start("application").text("x").end().end().toBytes();
        XmlElement root = BinaryXmlParser.parse(axml);
        assertEquals(List.of("application"), root.children().stream().map(XmlElement::name).toList());
    }

    @ParameterizedTest(name = "utf8={0}")
    @ValueSource(booleans = {false, true})
    void longStringsUseTwoPartLengths(boolean utf8) {
        String medium = "m".repeat(300);
        String huge = "h".repeat(40_000);
        byte[] axml = new AxmlWriter().utf8(utf8).start("manifest").attr("package", medium)
                .start("meta-data").androidAttr("name", "k").androidAttr("value", huge).end().end().toBytes();
        XmlElement root = BinaryXmlParser.parse(axml);
        assertEquals(medium, root.attribute(null, "package").orElseThrow().stringValue());
        // UTF-8 lengths above 0x7FFF are stored truncated (as aapt does); Android still finds the
        // string by looking for its NUL at len | k << 15.
        assertEquals(huge, root.child("meta-data").orElseThrow().androidString("value").orElseThrow());
    }

    @Test
    void nonAsciiStringsSurviveBothEncodings() {
        String text = "caf\u00e9 \u65e5\u672c \ud83d\ude00";
        for (boolean utf8 : new boolean[] {false, true}) {
            byte[] axml = new AxmlWriter().utf8(utf8).start("manifest").attr("package", text).end().toBytes();
            assertEquals(text, BinaryXmlParser.parse(axml).attribute(null, "package").orElseThrow().stringValue());
        }
    }

    @Test
    void looksBinaryTellsAxmlFromText() {
        assertTrue(BinaryXmlParser.looksBinary(manifest()));
        assertFalse(BinaryXmlParser.looksBinary("<manifest/>".getBytes()));
    }

    // ---- file header ----------------------------------------------------------------------


    @ParameterizedTest(name = "type=0x{0}")
    @ValueSource(ints = {0x0000, 0x0001, 0x0002, 0x7777})
    void wrongFileTypeIsIgnoredAsOnAndroid(int type) {
        byte[] axml = manifest();
        Bytes.putU16(axml, 0, type);
        assertSampleTree(BinaryXmlParser.parse(axml));
    }

    @Test
    void largerFileHeaderIsSkippedByItsSize() {
        byte[] axml = Bytes.insert(manifest(), 8, new byte[] {1, 2, 3, 4});
        Bytes.putU16(axml, 2, 12);
        Bytes.addS32(axml, 4, 4);
        assertSampleTree(BinaryXmlParser.parse(axml));
    }

    @Test
    void headerSizeBeyondTheFileIsRejected() {
        byte[] axml = manifest();
        Bytes.putU16(axml, 2, 0xfff0);
        Bytes.putS32(axml, 4, 16);
        MalformedXmlException e = rejects(axml);
        assertTrue(e.getMessage().contains("file header at 0x0"), e.getMessage());
    }

    @Test
    void bytesAfterTheDeclaredSizeAreIgnored() {
        byte[] original = manifest();
        byte[] axml = Bytes.insert(original, original.length, "appended junk, not a chunk".getBytes());
        assertSampleTree(BinaryXmlParser.parse(axml));
    }

    @Test
    void truncatedFileIsRejectedWithItsSizes() {
        byte[] original = manifest();
        MalformedXmlException e = rejects(Bytes.head(original, original.length - 10));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().startsWith("binary XML: file header at 0x0 declares"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void tinyInputsAreRejected() {
        rejects(new byte[0]);
        rejects(new byte[] {3, 0, 8, 0});
        byte[] headerOnly = {3, 0, 8, 0, 8, 0, 0, 0};
        rejects(headerOnly);
    }

    // ---- string pool --------------------------------------------------------------------------


    @Test
    void stringCountBeyondTheChunkIsRejected() {
        byte[] axml = manifest();
        int pool = pool(axml).offset();
        Bytes.putS32(axml, pool + 8, 4000);
        MalformedXmlException e = rejects(axml);
        assertTrue(e.getMessage().matches("binary XML: string pool at 0x8 claims 4000 strings but holds 0x[0-9a-f]+ bytes"),
                e.getMessage());
        assertEquals(8, e.offset());
    }

    @Test
    void stringCountLargerThanTheStringsButInsideTheChunkIsTolerated() {
        byte[] axml = manifest();
        int pool = pool(axml).offset();
        int count = Bytes.s32(axml, pool + 8);
        Bytes.putS32(axml, pool + 8, count + 5);
        assertSampleTree(BinaryXmlParser.parse(axml));
    }

    @Test
    void stringOffsetPastThePoolReadsAsNull() {
        byte[] axml = manifest();
        Bytes.putS32(axml, offsetEntry(axml, "1.7"), 0x7ffffff0);
        XmlElement root = BinaryXmlParser.parse(axml);
        assertSampleTree(root);
        assertNull(root.androidAttribute("versionName").orElseThrow().rawValue());
    }

    @Test
    void lengthPrefixRunningPastThePoolReadsAsNull() {
        byte[] axml = manifest();
        Bytes.putU16(axml, stringData(axml, "1.7"), 0x7000);
        XmlElement root = BinaryXmlParser.parse(axml);
        assertSampleTree(root);
        assertNull(root.androidAttribute("versionName").orElseThrow().rawValue());
    }

    @Test
    void stringWithoutItsTerminatorReadsAsNull() {
        byte[] axml = manifest();
        int data = stringData(axml, "1.7");
        Bytes.putU16(axml, data + 2 + 2 * 3, 'x');
        assertNull(BinaryXmlParser.parse(axml).androidAttribute("versionName").orElseThrow().rawValue());
    }

    @Test
    void stringsStartingLaterThanTheOffsetTableAreFound() {
        byte[] axml = manifest();
        Chunk pool = pool(axml);
        int stringsStart = Bytes.s32(axml, pool.offset() + 20);
        axml = insertAt(axml, pool.offset() + stringsStart, new byte[] {0, 0, 0, 0});
        Bytes.addS32(axml, pool.offset() + 4, 4);
        Bytes.addS32(axml, pool.offset() + 20, 4);
        assertSampleTree(BinaryXmlParser.parse(axml));
    }

    @Test
    void stylesStartWithoutStylesIsIgnored() {
        byte[] axml = manifest();
        Bytes.putS32(axml, pool(axml).offset() + 24, 0x12345678);
        assertSampleTree(BinaryXmlParser.parse(axml));
    }

    @Test
    void styleCountWithoutAStyleAreaIsRejectedAsOnAndroid() {
        byte[] axml = manifest();
        Bytes.putS32(axml, pool(axml).offset() + 12, 0x10000000);
        MalformedXmlException e = rejects(axml);
        assertTrue(e.getMessage().contains("styles start at 0x0, before the strings"), e.getMessage());
    }

    /**
     * Android 14 added a check that the style offsets fit before the strings; older releases, and
     * this parser (which never reads styles), accept a huge styleCount with a well-formed style area.
     */
    @Test
    void hugeStyleCountWithAWellFormedStyleAreaIsTolerated() {
        byte[] axml = manifest();
        Chunk pool = pool(axml);
        int end = pool.offset() + pool.size();
        byte[] endSpan = new byte[12];
        java.util.Arrays.fill(endSpan, (byte) 0xff);
        axml = insertAt(axml, end, endSpan);
        Bytes.addS32(axml, pool.offset() + 4, 12);
        Bytes.putS32(axml, pool.offset() + 12, 0x10000000);
        Bytes.putS32(axml, pool.offset() + 24, pool.size());
        assertSampleTree(BinaryXmlParser.parse(axml));
    }

    @Test
    void poolWhoseLastCharacterIsNotNulIsRejected() {
        byte[] axml = manifest();
        Chunk pool = pool(axml);
        int end = pool.offset() + pool.size();
        axml[end - 2] = 'x';
        axml[end - 1] = 'x';
        MalformedXmlException e = rejects(axml);
        assertTrue(e.getMessage().contains("the last string is not NUL-terminated"), e.getMessage());
    }

    @Test
    void missingPoolIsRejected() {
        byte[] axml = manifest();
        Chunk pool = pool(axml);
        axml = Bytes.remove(axml, pool.offset(), pool.size());
        Bytes.addS32(axml, 4, -pool.size());
        MalformedXmlException e = rejects(axml);
        assertTrue(e.getMessage().contains("no string pool"), e.getMessage());
    }

    @Test
    void brokenDecoyPoolFollowedByAGoodOneIsTolerated() {
        byte[] axml = manifest();
        byte[] decoy = rawChunk(AxmlWriter.RES_STRING_POOL_TYPE, 28, 28);
        Bytes.putS32(decoy, 8, 99);
        assertSampleTree(BinaryXmlParser.parse(insertAt(axml, pool(axml).offset(), decoy)));
    }

    @Test
    void brokenLastPoolIsRejected() {
        byte[] axml = manifest();
        byte[] broken = rawChunk(AxmlWriter.RES_STRING_POOL_TYPE, 28, 28);
        Bytes.putS32(broken, 8, 99);
        int afterPool = pool(axml).offset() + pool(axml).size();
        rejects(insertAt(axml, afterPool, broken));
    }

    @Test
    void overlappingStringOffsetsCannotMakeDecodingQuadratic() {
        byte[] axml = overlappingStringsDocument(4000, 16_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            MalformedXmlException e = rejects(axml);
            assertTrue(e.getMessage().contains("strings decoded so far exceed"), e.getMessage());
        });
    }

    /**
     * A 64 KB file whose {@code offsets} strings all run to the end of one long UTF-16 string
     * area, and one element whose 4-byte-stride attributes reference every one of them: decoded
     * naively, that is about 56 million characters.
     */
    static byte[] overlappingStringsDocument(int offsets, int units) {
        ByteBuffer pool = ByteBuffer.allocate(28 + 4 * offsets + 2 * units).order(ByteOrder.LITTLE_ENDIAN);
        pool.putShort((short) AxmlWriter.RES_STRING_POOL_TYPE).putShort((short) 28).putInt(pool.capacity());
        pool.putInt(offsets).putInt(0).putInt(0).putInt(28 + 4 * offsets).putInt(0);
        for (int i = 0; i < offsets; i++) {
            pool.putInt(2 * i);
        }
        for (int k = 0; k < units; k++) {
            pool.putShort((short) Math.max(0, units - k - 2));
        }
        int attributes = offsets - 10;
        int nodeSize = 16 + 20 + 4 * (attributes + 4);
        ByteBuffer start = ByteBuffer.allocate(nodeSize).order(ByteOrder.LITTLE_ENDIAN);
        start.putShort((short) AxmlWriter.RES_XML_START_ELEMENT_TYPE).putShort((short) 16).putInt(nodeSize);
        start.putInt(1).putInt(-1).putInt(-1).putInt(0);
        start.putShort((short) 20).putShort((short) 4).putShort((short) attributes).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0);
        for (int w = 0; w < attributes + 4; w++) {
            start.putInt(w);
        }
        ByteBuffer end = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        end.putShort((short) AxmlWriter.RES_XML_END_ELEMENT_TYPE).putShort((short) 16).putInt(24);
        end.putInt(2).putInt(-1).putInt(-1).putInt(0);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        int size = 8 + pool.capacity() + nodeSize + 24;
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) AxmlWriter.RES_XML_TYPE).putShort((short) 8).putInt(size);
        file.writeBytes(header.array());
        file.writeBytes(pool.array());
        file.writeBytes(start.array());
        file.writeBytes(end.array());
        return file.toByteArray();
    }

    // ---- chunks and nodes ----------------------------------------------------------------------


    @Test
    void unknownChunkBeforeThePoolIsSkipped() {
        byte[] axml = manifest();
        assertSampleTree(BinaryXmlParser.parse(insertAt(axml, pool(axml).offset(), rawChunk(0x0777, 8, 16))));
    }

    @Test
    void unknownNodeTypeBetweenElementsIsSkipped() {
        byte[] axml = manifest();
        Chunk secondStart = nodes(axml, AxmlWriter.RES_XML_START_ELEMENT_TYPE).get(1);
        assertSampleTree(BinaryXmlParser.parse(insertAt(axml, secondStart.offset(), rawChunk(0x0150, 16, 24))));
    }

    @Test
    void unknownChunkWithAnEightByteHeaderBetweenElementsIsRejectedAsOnAndroid() {
        byte[] axml = manifest();
        Chunk secondStart = nodes(axml, AxmlWriter.RES_XML_START_ELEMENT_TYPE).get(1);
        MalformedXmlException e = rejects(insertAt(axml, secondStart.offset(), rawChunk(0x0777, 8, 16)));
        assertTrue(e.getMessage().contains("header size 8, below 16"), e.getMessage());
        assertEquals(secondStart.offset(), e.offset());
    }

    @Test
    void chunkSizeNotAMultipleOfFourIsRejected() {
        byte[] axml = manifest();
        Chunk secondStart = nodes(axml, AxmlWriter.RES_XML_START_ELEMENT_TYPE).get(1);
        Bytes.addS32(axml, secondStart.offset() + 4, 2);
        MalformedXmlException e = rejects(axml);
        assertTrue(e.getMessage().contains("not a multiple of 4"), e.getMessage());
        assertTrue(e.getMessage().contains(String.format("0x%x", secondStart.offset())), e.getMessage());
    }

    @Test
    void chunkSizePastTheEndIsRejected() {
        byte[] axml = manifest();
        Chunk secondStart = nodes(axml, AxmlWriter.RES_XML_START_ELEMENT_TYPE).get(1);
        Bytes.putS32(axml, secondStart.offset() + 4, 0x10000);
        MalformedXmlException e = rejects(axml);
        assertTrue(e.getMessage().contains("past the end of the data"), e.getMessage());
    }

    @Test
    void nodeHeaderLargerThanSixteenIsHonoured() {
        byte[] axml = manifest();
        for (Chunk node : reversed(nodes(axml, AxmlWriter.RES_XML_START_ELEMENT_TYPE))) {
            axml = insertAt(axml, node.offset() + 16, new byte[4]);
            Bytes.putU16(axml, node.offset() + 2, 20);
            Bytes.addS32(axml, node.offset() + 4, 4);
        }
        assertSampleTree(BinaryXmlParser.parse(axml));
    }

    @Test
    void missingNamespaceNodesDoNotMatter() {
        byte[] axml = manifest();
        for (int type : new int[] {AxmlWriter.RES_XML_END_NAMESPACE_TYPE, AxmlWriter.RES_XML_START_NAMESPACE_TYPE}) {
            Chunk ns = AxmlWriter.firstChunk(axml, type);
            axml = Bytes.remove(axml, ns.offset(), ns.size());
            Bytes.addS32(axml, 4, -ns.size());
        }
        assertSampleTree(BinaryXmlParser.parse(axml));
    }

    @Test
    void strayNamespaceAndEndNodesDoNotMatter() {
        byte[] axml = manifest();
        Chunk endNs = AxmlWriter.firstChunk(axml, AxmlWriter.RES_XML_END_NAMESPACE_TYPE);
        byte[] copy = Bytes.head(Bytes.remove(axml, 0, endNs.offset()), endNs.size());
        Chunk firstStart = nodes(axml, AxmlWriter.RES_XML_START_ELEMENT_TYPE).get(0);
        Chunk firstEnd = nodes(axml, AxmlWriter.RES_XML_END_ELEMENT_TYPE).get(0);
        byte[] strayEnd = Bytes.head(Bytes.remove(axml, 0, firstEnd.offset()), firstEnd.size());
        axml = insertAt(axml, nodes(axml, AxmlWriter.RES_XML_START_ELEMENT_TYPE).get(2).offset(), copy);
        axml = insertAt(axml, firstStart.offset(), strayEnd);
        assertSampleTree(BinaryXmlParser.parse(axml));
    }

    @Test
    void junkNamespaceUriDoesNotHideAndroidAttributes() {
        byte[] axml = manifest();
        int data = stringData(axml, XmlAttribute.ANDROID_NAMESPACE);
        Bytes.putU16(axml, data + 2, 'X');
        XmlElement root = BinaryXmlParser.parse(axml);
        assertSampleTree(root);
        assertFalse(root.androidAttribute("versionCode").orElseThrow().isAndroid());
    }

    @Test
    void obfuscatedAttributeNamesAreMatchedByResourceId() {
        byte[] axml = manifest();
        int data = stringData(axml, "versionCode");
        for (int i = 0; i < "versionCode".length(); i++) {
            Bytes.putU16(axml, data + 2 + 2 * i, 'z');
        }
        XmlElement root = BinaryXmlParser.parse(axml);
        XmlAttribute versionCode = root.androidAttribute("versionCode").orElseThrow();
        assertEquals("zzzzzzzzzzz", versionCode.name());
        assertEquals(7, versionCode.asInt().orElseThrow());
    }

    @Test
    void missingResourceMapFallsBackToNames() {
        byte[] axml = manifest();
        Chunk map = AxmlWriter.firstChunk(axml, AxmlWriter.RES_XML_RESOURCE_MAP_TYPE);
        axml = Bytes.remove(axml, map.offset(), map.size());
        Bytes.addS32(axml, 4, -map.size());
        XmlElement root = BinaryXmlParser.parse(axml);
        assertEquals(0, root.androidAttribute("versionCode").orElseThrow().resourceId());
        assertSampleTree(root);
    }

    @Test
    void invalidStringIndicesBecomeNull() {
        byte[] axml = new AxmlWriter().start("manifest").attr("package", "p")
                .start("application").androidAttr("name", "App").end().end().toBytes();
        Chunk application = nodes(axml, AxmlWriter.RES_XML_START_ELEMENT_TYPE).get(1);
        int attribute = application.offset() + 16 + 20;
        Bytes.putS32(axml, attribute + 8, 0x0fffffff);
        Bytes.putS32(axml, attribute + 16, 0x0fffffff);
        XmlAttribute name = BinaryXmlParser.parse(axml).child("application").orElseThrow()
                .androidAttribute("name").orElseThrow();
        assertNull(name.rawValue());
    }

    @Test
    void typedStringIndexWinsOverADecoyRawIndex() {
        byte[] axml = manifest();
        Chunk activity = nodes(axml, AxmlWriter.RES_XML_START_ELEMENT_TYPE).get(3);
        int nameAttribute = activity.offset() + 16 + 20;
        Bytes.putS32(axml, nameAttribute + 8, stringIndex(axml, "1.7"));
        XmlElement root = BinaryXmlParser.parse(axml);
        assertEquals(".Main", root.child("application").orElseThrow().child("activity").orElseThrow()
                .androidString("name").orElseThrow());
    }

    @Test
    void unknownAttributeTypeIsKeptAndPrintedLikeAapt() {
        byte[] axml = manifest();
        Chunk activity = nodes(axml, AxmlWriter.RES_XML_START_ELEMENT_TYPE).get(3);
        int exported = activity.offset() + 16 + 20 + 20;
        axml[exported + 15] = 0x2a;
        XmlAttribute attribute = BinaryXmlParser.parse(axml).child("application").orElseThrow()
                .child("activity").orElseThrow().androidAttribute("exported").orElseThrow();
        assertEquals(0x2a, attribute.type());
        assertEquals("(type 0x2a)0xffffffff", attribute.stringValue());
        assertTrue(attribute.asBoolean().isEmpty());
    }

    // ---- attribute layout ------------------------------------------------------------------------


    /** Rewrites every start element so that attributes are {@code size} bytes apart. */
    byte[] withAttributeSize(byte[] axml, int size) {
        for (Chunk node : reversed(nodes(axml, AxmlWriter.RES_XML_START_ELEMENT_TYPE))) {
            int extension = node.offset() + 16;
            int count = Bytes.u16(axml, extension + 12);
            for (int i = count; i >= 1; i--) {
                axml = insertAt(axml, extension + 20 + 20 * i, new byte[size - 20]);
            }
            Bytes.putU16(axml, extension + 10, size);
            Bytes.addS32(axml, node.offset() + 4, count * (size - 20));
        }
        return axml;
    }

    @Test
    void attributeSizeTwentyFourIsHonoured() {
        assertSampleTree(BinaryXmlParser.parse(withAttributeSize(manifest(), 24)));
    }

    @Test
    void paddingBeforeTheAttributesIsHonoured() {
        byte[] axml = manifest();
        for (Chunk node : reversed(nodes(axml, AxmlWriter.RES_XML_START_ELEMENT_TYPE))) {
            axml = insertAt(axml, node.offset() + 36, new byte[8]);
            Bytes.putU16(axml, node.offset() + 16 + 8, 28);
            Bytes.addS32(axml, node.offset() + 4, 8);
        }
        assertSampleTree(BinaryXmlParser.parse(axml));
    }

    @Test
    void attributesBeyondTheNodeAreRejected() {
        byte[] axml = manifest();
        Chunk root = nodes(axml, AxmlWriter.RES_XML_START_ELEMENT_TYPE).get(0);
        Bytes.putU16(axml, root.offset() + 16 + 12, 200);
        MalformedXmlException e = rejects(axml);
        assertTrue(e.getMessage().contains("200 attributes of 20 bytes"), e.getMessage());
        assertEquals(root.offset(), e.offset());
    }

    @Test
    void zeroAttributeSizeGivesOneAttributeNotSixtyFiveThousand() {
        byte[] axml = manifest();
        Chunk uses = nodes(axml, AxmlWriter.RES_XML_START_ELEMENT_TYPE).get(1);
        Bytes.putU16(axml, uses.offset() + 16 + 10, 0);
        Bytes.putU16(axml, uses.offset() + 16 + 12, 0xffff);
        XmlElement permission = BinaryXmlParser.parse(axml).child("uses-permission").orElseThrow();
        assertEquals(1, permission.attributes().size());
        assertEquals("android.permission.READ_SMS", permission.androidString("name").orElseThrow());
    }

    @Test
    void outOfOrderAttributesAreHiddenAsAndroidHidesThem() {
        byte[] axml = manifest();
        Chunk root = nodes(axml, AxmlWriter.RES_XML_START_ELEMENT_TYPE).get(0);
        int first = root.offset() + 36;
        byte[] versionCode = Bytes.head(Bytes.remove(axml, 0, first), 20);
        byte[] versionName = Bytes.head(Bytes.remove(axml, 0, first + 20), 20);
        System.arraycopy(versionName, 0, axml, first, 20);
        System.arraycopy(versionCode, 0, axml, first + 20, 20);
        XmlElement manifest = BinaryXmlParser.parse(axml);
        assertTrue(manifest.androidAttribute("versionName").isPresent());
        assertTrue(manifest.androidAttribute("versionCode").isEmpty(),
                "versionCode (0x0101021b) after versionName (0x0101021c) is invisible to Android's obtainAttributes");
    }

    // ---- document structure -----------------------------------------------------------------------


    @Test
    void brokenNodesAfterTheRootAreNeverRead() {
        byte[] axml = manifest();
        Chunk endNs = AxmlWriter.firstChunk(axml, AxmlWriter.RES_XML_END_NAMESPACE_TYPE);
        byte[] garbage = rawChunk(0x0102, 16, 16);
        Bytes.putS32(garbage, 4, 0x7ffffff1);
        assertSampleTree(BinaryXmlParser.parse(insertAt(axml, endNs.offset(), garbage)));
    }

    @Test
    void decoyElementAfterTheRootIsIgnored() {
        byte[] decoy = new AxmlWriter().start("manifest").attr("package", "com.decoy").end().toBytes();
        byte[] axml = manifest();
        List<Chunk> decoyNodes = AxmlWriter.chunks(decoy).stream()
                .filter(c -> c.type() == AxmlWriter.RES_XML_START_ELEMENT_TYPE || c.type() == AxmlWriter.RES_XML_END_ELEMENT_TYPE)
                .toList();
        int start = decoyNodes.get(0).offset();
        int end = decoyNodes.get(decoyNodes.size() - 1).offset() + decoyNodes.get(decoyNodes.size() - 1).size();
        byte[] nodes = Bytes.head(Bytes.remove(decoy, 0, start), end - start);
        Chunk endNs = AxmlWriter.firstChunk(axml, AxmlWriter.RES_XML_END_NAMESPACE_TYPE);
        assertSampleTree(BinaryXmlParser.parse(insertAt(axml, endNs.offset(), nodes)));
    }

    @Test
    void elementsLeftOpenAreClosedAtTheEnd() {
        byte[] axml = manifest();
        List<Chunk> ends = nodes(axml, AxmlWriter.RES_XML_END_ELEMENT_TYPE);
        Chunk last = ends.get(ends.size() - 1);
        Chunk endNs = AxmlWriter.firstChunk(axml, AxmlWriter.RES_XML_END_NAMESPACE_TYPE);
        int cut = last.offset();
        axml = Bytes.remove(axml, cut, endNs.offset() + endNs.size() - cut);
        Bytes.putS32(axml, 4, axml.length);
        assertSampleTree(BinaryXmlParser.parse(axml));
    }

    @Test
    void documentWithoutElementsIsRejected() {
        byte[] axml = new AxmlWriter().start("manifest").end().toBytes();
        Chunk start = nodes(axml, AxmlWriter.RES_XML_START_ELEMENT_TYPE).get(0);
        Bytes.putU16(axml, start.offset(), 0x0150);
        MalformedXmlException e = rejects(axml);
        assertTrue(e.getMessage().contains("no start element"), e.getMessage());
    }
}
