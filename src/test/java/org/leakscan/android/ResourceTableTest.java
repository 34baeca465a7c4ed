package org.leakscan.android;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leakscan.testing.ArscWriter;
import org.leakscan.testing.Bytes;

class ResourceTableTest {

    /** One chunk of a table, found by walking table → package → children. */
    record ArscChunk(int offset, int type, int headerSize, int size) {
    }

    static List<ArscChunk> chunks(byte[] arsc) {
        List<ArscChunk> result = new ArrayList<>();
        walk(arsc, 0, arsc.length, result);
        return result;
    }

    private static void walk(byte[] arsc, int start, int end, List<ArscChunk> result) {
        int offset = start;
        while (offset + 8 <= end) {
            ArscChunk chunk = new ArscChunk(offset, Bytes.u16(arsc, offset), Bytes.u16(arsc, offset + 2),
                    Bytes.s32(arsc, offset + 4));
            result.add(chunk);
            if (chunk.type() == ArscWriter.RES_TABLE_TYPE || chunk.type() == ArscWriter.RES_TABLE_PACKAGE_TYPE) {
                walk(arsc, offset + chunk.headerSize(), offset + chunk.size(), result);
            }
            if (chunk.size() < 8) {
                return;
            }
            offset += chunk.size();
        }
    }

    static ArscChunk first(byte[] arsc, int type) {
        return chunks(arsc).stream().filter(c -> c.type() == type).findFirst().orElseThrow();
    }

    static List<ArscChunk> all(byte[] arsc, int type) {
        return chunks(arsc).stream().filter(c -> c.type() == type).toList();
    }

    static byte[] rawChunk(int type, int headerSize, int size) {
        ByteBuffer chunk = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        chunk.putShort((short) type).putShort((short) headerSize).putInt(size);
        return chunk.array();
    }

    /** Inserts {@code inserted} at {@code offset} inside the package and grows the table and package sizes. */
    static byte[] insertInPackage(byte[] arsc, int offset, byte[] inserted) {
        ArscChunk pkg = first(arsc, ArscWriter.RES_TABLE_PACKAGE_TYPE);
        byte[] result = Bytes.insert(arsc, offset, inserted);
        Bytes.addS32(result, 4, inserted.length);
        Bytes.addS32(result, pkg.offset() + 4, inserted.length);
        return result;
    }

    static ArscWriter sample(UnaryOperator<ArscWriter> options) {
        ArscWriter arsc = options.apply(new ArscWriter("com.example.res"));
        arsc.string("app_name", "Example");
        arsc.string("fr", "app_name", "Exemple");
        arsc.string("fr-rCA", "app_name", "Exemple canadien");
        arsc.string("fr", "only_french", "Seulement");
        arsc.string("api_url", "https://api.example.com/v1?key=abc");
        arsc.xml("network_security_config", "res/xml/network_security_config.xml");
        arsc.bool("exported_flag", true);
        arsc.integer("version_code", 4012);
        return arsc;
    }

    static final int APP_NAME = 0x7f010000;
    static final int ONLY_FRENCH = 0x7f010001;
    static final int API_URL = 0x7f010002;
    static final int NETWORK_CONFIG = 0x7f020000;
    static final int EXPORTED_FLAG = 0x7f030000;
    static final int VERSION_CODE = 0x7f040000;

    static ResourceTable table() {
        return ResourceTable.parse(sample(w -> w).toBytes());
    }

    // ---- lookups ------------------------------------------------------------------------------------

    @Test
    void idsOfTheWriterMatchTheConstantsHere() {
        ArscWriter arsc = sample(w -> w);
        assertEquals(APP_NAME, arsc.id("string", "app_name"));
        assertEquals(NETWORK_CONFIG, arsc.id("xml", "network_security_config"));
        assertEquals(VERSION_CODE, arsc.id("integer", "version_code"));
    }

    @ParameterizedTest(name = "layout {0}")
    @ValueSource(strings = {"dense", "sparse", "offset16", "compact", "utf16"})
    void resolvesValuesNamesAndIdsInEveryLayout(String layout) {
        ResourceTable table = ResourceTable.parse(sample(w -> switch (layout) {
            case "sparse" -> w.sparse(true);
            case "offset16" -> w.offset16(true);
            case "compact" -> w.compact(true);
            case "utf16" -> w.utf8(false);
            default -> w;
        }).toBytes());
        assertEquals("com.example.res", table.packageName());
        assertEquals(0x7f, table.packageId());
        assertEquals(List.of(new ResourcePackage(0x7f, "com.example.res")), table.packages());

        assertEquals("Example", table.string(APP_NAME));
        assertEquals("string/app_name", table.name(APP_NAME));
        assertEquals("xml/network_security_config", table.name(NETWORK_CONFIG));
        assertEquals("res/xml/network_security_config.xml", table.string(NETWORK_CONFIG));
        assertEquals(new ResourceValue(ValueTypes.TYPE_INT_BOOLEAN, -1, null), table.value(EXPORTED_FLAG).orElseThrow());
        assertEquals("4012", table.value(VERSION_CODE).orElseThrow().format());

        assertEquals(OptionalInt.of(APP_NAME), table.id("string/app_name"));
        assertEquals(OptionalInt.of(APP_NAME), table.id("@string/app_name"));
        assertEquals(OptionalInt.of(APP_NAME), table.id("com.example.res:string/app_name"));
        assertEquals(OptionalInt.of(NETWORK_CONFIG), table.id("@xml/network_security_config"));
        assertTrue(table.id("string/missing").isEmpty());
    }

    @Test
    void defaultConfigurationWinsAndOthersAreTheFallback() {
        ResourceTable table = table();
        assertEquals("Example", table.string(APP_NAME));
        assertEquals("Seulement", table.string(ONLY_FRENCH), "defined only in fr: the first config that has it");
    }

    @Test
    void unknownIdsGiveNothing() {
        ResourceTable table = table();
        assertTrue(table.value(0x7f010099).isEmpty());
        assertTrue(table.value(0x7f090000).isEmpty());
        assertTrue(table.value(0x01040001).isEmpty());
        assertNull(table.string(0));
        assertNull(table.name(0x7f090000));
        assertEquals(List.of(), table.bag(APP_NAME));
    }

    @Test
    void listsEveryStringWithItsConfiguration() {
        List<StringResource> strings = table().strings();
        assertEquals(List.of(
                new StringResource(APP_NAME, "string/app_name", "default", "Example"),
                new StringResource(API_URL, "string/api_url", "default", "https://api.example.com/v1?key=abc"),
                new StringResource(APP_NAME, "string/app_name", "fr", "Exemple"),
                new StringResource(ONLY_FRENCH, "string/only_french", "fr", "Seulement"),
                new StringResource(APP_NAME, "string/app_name", "fr-rCA", "Exemple canadien"),
                new StringResource(NETWORK_CONFIG, "xml/network_security_config", "default",
                        "res/xml/network_security_config.xml")), strings);
    }

    @Test
    void followsReferenceChains() {
        ArscWriter arsc = sample(w -> w);
        int alias = arsc.reference("string", "alias", APP_NAME);
        int aliasOfAlias = arsc.reference("string", "alias_of_alias", alias);
        int framework = arsc.reference("string", "framework_ok", 0x0104000a);
        ResourceTable table = ResourceTable.parse(arsc.toBytes());
        assertEquals("Example", table.string(aliasOfAlias));
        assertTrue(table.value(alias).orElseThrow().isReference(), "value() does not follow references");
        assertEquals("@0x0104000a", table.resolve(framework).orElseThrow().format(),
                "a reference out of the table resolves to itself");
    }

    @Test
    void referenceCyclesAndLongChainsEndWithoutAValue() {
        ArscWriter arsc = new ArscWriter("com.example.cycle");
        arsc.reference("string", "a", 0x7f010001);
        arsc.reference("string", "b", 0x7f010000);
        for (int i = 0; i < 40; i++) {
            arsc.reference("string", "chain" + i, 0x7f010002 + i + 1);
        }
        arsc.string("end", "reached");
        ResourceTable table = ResourceTable.parse(arsc.toBytes());
        assertTrue(table.resolve(0x7f010000).isEmpty(), "a -> b -> a");
        assertEquals("reached", table.string(0x7f010002 + 20), "20 steps are within the bound");
        assertTrue(table.resolve(0x7f010002).isEmpty(), "41 steps exceed the bound of 32");
    }

    @Test
    void readsSeveralPackages() {
        byte[] app = sample(w -> w).toBytes();
        ArscWriter libraryWriter = new ArscWriter("com.example.lib").packageId(0x7e);
        libraryWriter.integer("lib_version", 3);
        libraryWriter.bool("lib_flag", false);
        byte[] library = libraryWriter.toBytes();
        ArscChunk libraryPackage = first(library, ArscWriter.RES_TABLE_PACKAGE_TYPE);
        byte[] packageBytes = Bytes.head(Bytes.remove(library, 0, libraryPackage.offset()), libraryPackage.size());
        byte[] both = Bytes.insert(app, app.length, packageBytes);
        Bytes.addS32(both, 4, packageBytes.length);
        Bytes.putS32(both, 8, 2);

        ResourceTable table = ResourceTable.parse(both);
        assertEquals(List.of(new ResourcePackage(0x7f, "com.example.res"), new ResourcePackage(0x7e, "com.example.lib")),
                table.packages());
        assertEquals("com.example.res", table.packageName());
        assertEquals("Example", table.string(APP_NAME));
        assertEquals("3", table.value(0x7e010000).orElseThrow().format());
        assertEquals("integer/lib_version", table.name(0x7e010000));
        assertEquals(OptionalInt.of(0x7e020000), table.id("com.example.lib:bool/lib_flag"));
        assertEquals(OptionalInt.of(VERSION_CODE), table.id("integer/version_code"));
    }

    @Test
    void configurationsAreDescribedLikeResourceFolders() {
        ByteBuffer config = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        config.putInt(0, 64).putShort(4, (short) 310).putShort(6, (short) 4);
        config.put(8, (byte) 's').put(9, (byte) 'r').put(10, (byte) 'R').put(11, (byte) 'S');
        config.put(36, (byte) 'L').put(37, (byte) 'a').put(38, (byte) 't').put(39, (byte) 'n');
        config.put(12, (byte) 2).putShort(14, (short) 240).put(29, (byte) 0x20).putShort(30, (short) 600);
        config.putShort(24, (short) 21);
        assertEquals("mcc310-mnc4-b+sr+Latn+RS-sw600dp-land-night-hdpi-v21",
                ResourceConfig.read(config.array(), 0, 64).describe());

        ByteBuffer shortConfig = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        shortConfig.putInt(0, 28).putShort(24, (short) 26).put(8, (byte) 0xad).put(9, (byte) 0x05);
        ResourceConfig threeLetters = ResourceConfig.read(shortConfig.array(), 0, 64);
        assertEquals("fil-v26", threeLetters.describe());
        assertEquals("default", ResourceConfig.read(new byte[] {64, 0, 0, 0, 0, 0, 0, 0}, 0, 8).describe());
    }

    // ---- tolerated damage ------------------------------------------------------------------------------

    @Test
    void emptyFileIsAnEmptyTableAsOnAndroid() {
        ResourceTable table = ResourceTable.parse(new byte[0]);
        assertNull(table.packageName());
        assertEquals(List.of(), table.strings());
    }

    @Test
    void trailingBytesTooFewForAChunkAreIgnored() {
        byte[] arsc = sample(w -> w).toBytes();
        assertEquals("Example", ResourceTable.parse(Bytes.insert(arsc, arsc.length, new byte[] {1, 2, 3, 4})).string(APP_NAME));
    }

    @Test
    void laterChunkRunningPastTheDataEndsReadingQuietly() {
        byte[] arsc = sample(w -> w).toBytes();
        byte[] tail = rawChunk(0x0999, 8, 8);
        Bytes.putS32(tail, 4, 0x1000);
        assertEquals("Example", ResourceTable.parse(Bytes.insert(arsc, arsc.length, tail)).string(APP_NAME));
    }

    @Test
    void unknownChunksAreSkipped() {
        byte[] arsc = sample(w -> w).toBytes();
        ArscChunk spec = first(arsc, ArscWriter.RES_TABLE_TYPE_SPEC_TYPE);
        arsc = insertInPackage(arsc, spec.offset(), rawChunk(0x0203, 12, 12));
        arsc = insertInPackage(arsc, first(arsc, ArscWriter.RES_TABLE_TYPE_SPEC_TYPE).offset(), rawChunk(0x0777, 8, 24));
        assertEquals("Example", ResourceTable.parse(arsc).string(APP_NAME));
    }

    @Test
    void duplicateTypeSpecKeepsTheFirst() {
        byte[] arsc = sample(w -> w).toBytes();
        ArscChunk spec = first(arsc, ArscWriter.RES_TABLE_TYPE_SPEC_TYPE);
        byte[] copy = Bytes.head(Bytes.remove(arsc, 0, spec.offset()), spec.size());
        arsc = insertInPackage(arsc, spec.offset() + spec.size(), copy);
        assertEquals("Example", ResourceTable.parse(arsc).string(APP_NAME));
    }

    @Test
    void brokenEntriesAreAbsentWhileTheirNeighboursStillRead() {
        byte[] arsc = sample(w -> w).toBytes();
        ArscChunk type = first(arsc, ArscWriter.RES_TABLE_TYPE_TYPE);
        int offsets = type.offset() + type.headerSize();
        Bytes.putS32(arsc, offsets, 2);
        Bytes.putS32(arsc, offsets + 4, 0x00fffff0);
        ResourceTable table = ResourceTable.parse(arsc);
        assertEquals("Seulement", table.string(ONLY_FRENCH), "a default offset far past the chunk is no entry");
        assertEquals("Exemple", table.string(APP_NAME), "an unaligned default entry is no entry: fr is the fallback");
        assertEquals("https://api.example.com/v1?key=abc", table.string(API_URL));
    }

    @Test
    void entryWhoseValueRunsPastTheChunkIsAbsent() {
        byte[] arsc = sample(w -> w).toBytes();
        ArscChunk type = first(arsc, ArscWriter.RES_TABLE_TYPE_TYPE);
        int entriesStart = Bytes.s32(arsc, type.offset() + 16);
        int firstEntry = type.offset() + entriesStart;
        Bytes.putU16(arsc, firstEntry + 8, 0x4000);
        assertEquals("Exemple", ResourceTable.parse(arsc).string(APP_NAME));
    }

    // ---- rejected damage -------------------------------------------------------------------------------

    static MalformedResourcesException rejects(byte[] arsc) {
        return assertThrows(MalformedResourcesException.class, () -> ResourceTable.parse(arsc));
    }

    @Test
    void truncatedFileIsRejected() {
        byte[] arsc = sample(w -> w).toBytes();
        MalformedResourcesException e = rejects(Bytes.head(arsc, arsc.length - 40));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().startsWith("resources.arsc: chunk in file at 0x0 has size"), e.getMessage());
    }

    @Test
    void morePackagesThanDeclaredAreRejected() {
        byte[] arsc = sample(w -> w).toBytes();
        Bytes.putS32(arsc, 8, 0);
        MalformedResourcesException e = rejects(arsc);
        assertTrue(e.getMessage().contains("more than the 0 the table header"), e.getMessage());
    }

    @Test
    void brokenGlobalStringPoolIsRejectedWithItsOffset() {
        byte[] arsc = sample(w -> w).toBytes();
        Bytes.putS32(arsc, 12 + 8, 100_000);
        MalformedResourcesException e = rejects(arsc);
        assertEquals(12, e.offset());
        assertTrue(e.getMessage().startsWith("resources.arsc: string pool at 0xc claims 100000 strings"), e.getMessage());
    }

    @Test
    void typeWithoutItsSpecIsRejected() {
        byte[] arsc = sample(w -> w).toBytes();
        ArscChunk type = first(arsc, ArscWriter.RES_TABLE_TYPE_TYPE);
        arsc[type.offset() + 8] = 9;
        MalformedResourcesException e = rejects(arsc);
        assertTrue(e.getMessage().contains("type id 9 without a preceding type spec"), e.getMessage());
    }

    @Test
    void typeSpecWithIdZeroIsRejected() {
        byte[] arsc = sample(w -> w).toBytes();
        arsc[first(arsc, ArscWriter.RES_TABLE_TYPE_SPEC_TYPE).offset() + 8] = 0;
        rejects(arsc);
    }

    @Test
    void hugeOrOverlappingEntryCountsAreRejected() {
        byte[] arsc = sample(w -> w).toBytes();
        ArscChunk type = first(arsc, ArscWriter.RES_TABLE_TYPE_TYPE);
        byte[] huge = arsc.clone();
        Bytes.putS32(huge, type.offset() + 12, 0x10000000);
        assertTrue(rejects(huge).getMessage().contains("claims 268435456 entries, above 65535"));
        byte[] overlapping = arsc.clone();
        Bytes.putS32(overlapping, type.offset() + 12, 1000);
        assertTrue(rejects(overlapping).getMessage().contains("overlap the entries"));
    }

    @Test
    void unalignedEntriesStartIsRejected() {
        byte[] arsc = sample(w -> w).toBytes();
        ArscChunk type = first(arsc, ArscWriter.RES_TABLE_TYPE_TYPE);
        Bytes.addS32(arsc, type.offset() + 16, 2);
        assertTrue(rejects(arsc).getMessage().contains("unaligned"));
    }

    @Test
    void shortPackageHeaderIsRejected() {
        byte[] arsc = sample(w -> w).toBytes();
        Bytes.putU16(arsc, first(arsc, ArscWriter.RES_TABLE_PACKAGE_TYPE).offset() + 2, 200);
        assertTrue(rejects(arsc).getMessage().contains("header size 200, below 284"));
    }

    @Test
    void chunkSizeNotAMultipleOfFourIsRejected() {
        byte[] arsc = sample(w -> w).toBytes();
        ArscChunk spec = first(arsc, ArscWriter.RES_TABLE_TYPE_SPEC_TYPE);
        Bytes.putU16(arsc, spec.offset() + 2, 18);
        MalformedResourcesException e = rejects(arsc);
        assertEquals(spec.offset(), e.offset());
        assertTrue(e.getMessage().contains("not a multiple of 4"), e.getMessage());
    }

    // ---- cost --------------------------------------------------------------------------------------------

    @Test
    void maximalEntryCountsStayCheap() {
        ArscWriter arsc = new ArscWriter("com.example.big");
        for (int i = 0; i < 20_000; i++) {
            arsc.string("s" + i, "v" + (i % 7));
        }
        byte[] bytes = arsc.toBytes();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            ResourceTable table = ResourceTable.parse(bytes);
            assertEquals(20_000, table.strings().size());
            assertEquals(OptionalInt.of(0x7f010000 + 19_999), table.id("string/s19999"));
        });
    }
}
