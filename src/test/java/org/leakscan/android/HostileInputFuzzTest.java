package org.leakscan.android;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.leakscan.testing.Bytes;

/**
 * Seeded random damage (bit flips, overwritten words, truncation) to valid files: every result
 * must be a tree or table, or the documented exception; never another exception, never the
 * "read past the end" safety net (that would be a missed bounds check), never a hang.
 */
class HostileInputFuzzTest {

    private static final int ROUNDS = 4000;

    static byte[] damage(byte[] original, Random random) {
        byte[] data = original.clone();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(data.length);
            switch (random.nextInt(4)) {
                case 0 -> data[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> data[at] = (byte) random.nextInt(256);
                case 2 -> {
                    if (at + 4 <= data.length) {
                        int[] nasty = {0, -1, 0x7fffffff, 0x80000000, 0xffff, 0x10000, 3, 20, 24};
                        Bytes.putS32(data, at & ~3, nasty[random.nextInt(nasty.length)]);
                    }
                }
                default -> data = Bytes.head(data, Math.max(0, at));
            }
            if (data.length == 0) {
                break;
            }
        }
        return data;
    }

    @Test
    void damagedBinaryXmlNeverEscapesTheContract() {
        byte[][] originals = {BinaryXmlParserTest.manifest(false), BinaryXmlParserTest.manifest(true),
                AxmlWriterTest.sampleManifest(false)};
        Random random = new Random(20261129L);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int round = 0; round < ROUNDS; round++) {
                byte[] data = damage(originals[round % originals.length], random);
                try {
                    XmlElement root = BinaryXmlParser.parse(data);
                    if ("manifest".equals(root.name())) {
                        ManifestParser.parse(root, null);
                    }
                } catch (MalformedXmlException e) {
                    assertFalse(e.getMessage().contains("read past the end"), () -> "missed bounds check: " + e.getMessage());
                    assertFalse(e.getMessage().contains("\n"));
                }
            }
        });
    }

    @Test
    void damagedResourceTablesNeverEscapeTheContract() {
        byte[] original = ResourceTableTest.sample(w -> w).toBytes();
        byte[] sparse = ResourceTableTest.sample(w -> w.sparse(true)).toBytes();
        byte[] compact = ResourceTableTest.sample(w -> w.compact(true).offset16(true)).toBytes();
        byte[][] originals = {original, sparse, compact};
        Random random = new Random(20261130L);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int round = 0; round < ROUNDS; round++) {
                byte[] data = damage(originals[round % originals.length], random);
                try {
                    ResourceTable table = ResourceTable.parse(data);
                    table.strings();
                    for (int id : new int[] {0x7f010000, 0x7f010001, 0x7f020000, 0x7f030000, 0x7f040000}) {
                        table.resolve(id);
                        table.name(id);
                        table.bag(id);
                    }
                    table.id("string/app_name");
                } catch (MalformedResourcesException e) {
                    assertFalse(e.getMessage().contains("read past the end"), () -> "missed bounds check: " + e.getMessage());
                }
            }
        });
    }
}
